package io.ballot.dsl.scoping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.AbstractScope;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;

/**
 * The names declared by the children of one block (the model's top-level items, or the groups of one declaration
 * section), each with the position of the child that declares it, indexed by name. A reference inside child
 * {@code k} sees the names of children {@code 0 .. k-1}: {@link #before} answers that in time independent of the
 * number of declarations, where a scope built from the list of preceding names costs their number at every
 * reference (a model of 20,000 rules over 20,000 variables made name resolution quadratic: 55 s at 2,000 rules).
 *
 * <p>An index is built once per block and kept in the resource's cache, which Xtext empties when the resource's
 * content changes (an editor's change), so an index never outlives the text it was built from.
 */
final class DeclarationIndex {
  /** A name visible after child {@code position} of the block. */
  private record Entry(int position, IEObjectDescription description) {}

  private final List<Entry> all = new ArrayList<>();
  private final Map<QualifiedName, List<Entry>> byName = new HashMap<>();
  private final Map<EObject, Integer> positions = new IdentityHashMap<>();

  private DeclarationIndex() {}

  /**
   * The index of {@code block}'s children, from the resource's cache when it has one. {@code declared} lists the
   * names one child declares, in order (the same function that a scope built by a walk over the children would use).
   */
  static DeclarationIndex of(EObject block, List<? extends EObject> children, BiConsumer<EObject, List<EObject>> declared) {
    Resource resource = block.eResource();
    if (resource == null) {
      return build(children, declared);
    }
    // The cache holds no state of its own: the values live in an adapter of the resource.
    return new OnChangeEvictingCache()
        .get(Tuples.pair(DeclarationIndex.class, block), resource, () -> build(children, declared));
  }

  private static DeclarationIndex build(List<? extends EObject> contents, BiConsumer<EObject, List<EObject>> declared) {
    DeclarationIndex index = new DeclarationIndex();
    List<EObject> children = new ArrayList<>(contents); // eContents() is a sequential list: get(i) walks from 0
    List<EObject> names = new ArrayList<>();
    for (int position = 0; position < children.size(); position++) {
      index.positions.put(children.get(position), position);
      names.clear();
      declared.accept(children.get(position), names);
      for (EObject named : names) {
        String name = named instanceof io.ballot.dsl.murphi.Named n ? n.getName() : null;
        if (name == null) {
          continue; // a declaration the parser could not complete
        }
        QualifiedName qn = QualifiedName.create(name);
        Entry e = new Entry(position, EObjectDescription.create(qn, named));
        index.all.add(e);
        index.byName.computeIfAbsent(qn, k -> new ArrayList<>(1)).add(e);
      }
    }
    return index;
  }

  /**
   * The scope of the names declared by children {@code 0 .. position-1}, then {@code extra} (a function's own
   * name inside its body; may be null), inside {@code outer}. As a list scope would, a name declared twice finds
   * its first declaration.
   */
  IScope before(int position, EObject extra, IScope outer) {
    IEObjectDescription extraDescription = null;
    if (extra instanceof io.ballot.dsl.murphi.Named n && n.getName() != null) {
      extraDescription = EObjectDescription.create(QualifiedName.create(n.getName()), extra);
    }
    return new Prefix(this, position, extraDescription, outer);
  }

  /** The position of {@code child} among the block's children; -1 if it is not one of them. */
  int positionOf(EObject child) {
    return positions.getOrDefault(child, -1);
  }

  /** True when no child before {@code position} declares a name. */
  boolean isEmptyBefore(int position) {
    return all.isEmpty() || all.get(0).position >= position;
  }

  private static final class Prefix extends AbstractScope {
    private final DeclarationIndex index;
    private final int position;
    private final IEObjectDescription extra;

    Prefix(DeclarationIndex index, int position, IEObjectDescription extra, IScope outer) {
      super(outer, false);
      this.index = index;
      this.position = position;
      this.extra = extra;
    }

    @Override
    protected Iterable<IEObjectDescription> getAllLocalElements() {
      List<IEObjectDescription> out = new ArrayList<>();
      for (Entry e : index.all) {
        if (e.position >= position) {
          break;
        }
        out.add(e.description);
      }
      if (extra != null) {
        out.add(extra);
      }
      return out;
    }

    @Override
    protected Iterable<IEObjectDescription> getLocalElementsByName(QualifiedName name) {
      List<Entry> entries = index.byName.getOrDefault(name, List.of());
      List<IEObjectDescription> out = new ArrayList<>(entries.size() + 1);
      for (Entry e : entries) {
        if (e.position >= position) {
          break;
        }
        out.add(e.description);
      }
      if (extra != null && extra.getName().equals(name)) {
        out.add(extra);
      }
      return out;
    }
  }
}
