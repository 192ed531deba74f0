package io.ballot.dsl.scoping;

import io.ballot.dsl.murphi.ProcDecl;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

/**
 * The names a call may refer to: a name resolves to a function only if the innermost declaration of that name is
 * one. A variable that shadows a function hides it (Rumur's lookup stops at the first declaration it finds), and
 * the call is then reported as calling something that is not a function.
 */
final class FunctionScope implements IScope {
  private final IScope lexical;

  FunctionScope(IScope lexical) {
    this.lexical = lexical;
  }

  private static IEObjectDescription onlyFunction(IEObjectDescription d) {
    return d != null && d.getEObjectOrProxy() instanceof ProcDecl ? d : null;
  }

  @Override
  public IEObjectDescription getSingleElement(QualifiedName name) {
    return onlyFunction(lexical.getSingleElement(name));
  }

  @Override
  public Iterable<IEObjectDescription> getElements(QualifiedName name) {
    IEObjectDescription d = getSingleElement(name);
    return d == null ? List.of() : List.of(d);
  }

  @Override
  public IEObjectDescription getSingleElement(EObject object) {
    return onlyFunction(lexical.getSingleElement(object));
  }

  @Override
  public Iterable<IEObjectDescription> getElements(EObject object) {
    IEObjectDescription d = getSingleElement(object);
    return d == null ? List.of() : List.of(d);
  }

  @Override
  public Iterable<IEObjectDescription> getAllElements() {
    List<IEObjectDescription> out = new ArrayList<>();
    for (IEObjectDescription d : lexical.getAllElements()) {
      if (getSingleElement(d.getName()) == d) {
        out.add(d);
      }
    }
    return out;
  }
}
