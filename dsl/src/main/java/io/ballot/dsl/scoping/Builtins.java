package io.ballot.dsl.scoping;

import io.ballot.dsl.murphi.Model;
import io.ballot.dsl.murphi.MurphiFactory;
import io.ballot.dsl.murphi.ProcDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

/**
 * CMurphi's built-in names that are written as calls: the type {@code real(p, e)} and the math functions
 * ({@code log}, {@code pow}, ...). CMurphi reserves these words; Ballot declares them as functions outside the
 * model instead, so that a model's own declaration of the same name shadows them and no existing model breaks.
 * Like CMurphi's reserved words they match in any case. Each resource gets its own declarations (an adapter).
 */
public final class Builtins {
  /** Where the built-in declarations live: a resource of their own, never on disk. */
  private static final String BUILTINS_URI = "ballot:/builtins.m";

  /** The name of the real type constructor. */
  public static final String REAL = "real";

  /** The math functions of one argument, then those of two ({@code fmod}, {@code pow}). */
  public static final List<String> MATH_UNARY = List.of(
      "log", "log10", "exp", "sin", "cos", "tan", "fabs", "floor", "ceil", "sqrt", "asin", "acos", "atan", "sinh",
      "cosh", "tanh");

  /** The math functions of two arguments. */
  public static final List<String> MATH_BINARY = List.of("fmod", "pow");

  private Builtins() {}

  /** Whether {@code p} is one of these built-in declarations (not a model's own). */
  public static boolean isBuiltin(ProcDecl p) {
    return p.eContainer() instanceof Model m && m.eAdapters().stream().anyMatch(Marker.class::isInstance);
  }

  /** Marks the container of the built-in declarations. */
  private static final class Marker extends AdapterImpl {}

  /** Holds a resource's built-in declarations. */
  private static final class Holder extends AdapterImpl {
    final Map<String, ProcDecl> declarations = new LinkedHashMap<>();
  }

  /** The scope of built-ins for calls in {@code context}'s resource, outside every model declaration. */
  static IScope scope(EObject context) {
    Map<String, ProcDecl> decls = declarations(context.eResource());
    return new IScope() {
      @Override
      public IEObjectDescription getSingleElement(QualifiedName name) {
        if (name.getSegmentCount() != 1) {
          return null;
        }
        ProcDecl p = decls.get(name.getFirstSegment().toLowerCase(Locale.ROOT));
        return p == null ? null : EObjectDescription.create(name, p);
      }

      @Override
      public Iterable<IEObjectDescription> getElements(QualifiedName name) {
        IEObjectDescription d = getSingleElement(name);
        return d == null ? List.of() : List.of(d);
      }

      @Override
      public IEObjectDescription getSingleElement(EObject object) {
        return object instanceof ProcDecl p && decls.get(p.getName()) == p
            ? EObjectDescription.create(QualifiedName.create(p.getName()), p)
            : null;
      }

      @Override
      public Iterable<IEObjectDescription> getElements(EObject object) {
        IEObjectDescription d = getSingleElement(object);
        return d == null ? List.of() : List.of(d);
      }

      @Override
      public Iterable<IEObjectDescription> getAllElements() {
        List<IEObjectDescription> all = new ArrayList<>();
        for (ProcDecl p : decls.values()) {
          all.add(EObjectDescription.create(QualifiedName.create(p.getName()), p));
        }
        return all;
      }
    };
  }

  private static Map<String, ProcDecl> declarations(Resource resource) {
    if (resource == null) {
      return create();
    }
    for (Object a : resource.eAdapters()) {
      if (a instanceof Holder h) {
        return h.declarations;
      }
    }
    Holder h = new Holder();
    h.declarations.putAll(create());
    resource.eAdapters().add(h);
    return h.declarations;
  }

  private static Map<String, ProcDecl> create() {
    Model container = MurphiFactory.eINSTANCE.createModel();
    container.eAdapters().add(new Marker());
    // in a resource of their own (in no resource set), so that EMF's validation of the model's cross-references
    // (which the language server runs) does not take a call of a built-in for a dangling reference
    new ResourceImpl(URI.createURI(BUILTINS_URI)).getContents().add(container);
    Map<String, ProcDecl> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    names.add(REAL);
    names.addAll(MATH_UNARY);
    names.addAll(MATH_BINARY);
    for (String n : names) {
      ProcDecl p = MurphiFactory.eINSTANCE.createProcDecl();
      p.setName(n);
      p.setKeyword("function");
      container.getItems().add(p);
      out.put(n, p);
    }
    return out;
  }
}
