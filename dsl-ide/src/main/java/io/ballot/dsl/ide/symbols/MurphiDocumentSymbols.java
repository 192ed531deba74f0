package io.ballot.dsl.ide.symbols;

import com.google.inject.Inject;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.scoping.Builtins;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.findReferences.IReferenceFinder;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Definitions and references as Xtext finds them, except for the built-in real type and math functions: they are
 * declared in a resource outside the model ({@link Builtins}) that no editor can open, so they have neither a
 * definition to go to nor references to find (Xtext failed the request trying to load that resource).
 */
public class MurphiDocumentSymbols extends DocumentSymbolService {
  @Inject private EObjectAtOffsetHelper elementAt;

  @Override
  public List<? extends Location> getDefinitions(
      XtextResource resource, int offset, IReferenceFinder.IResourceAccess access, CancelIndicator cancel) {
    return isBuiltin(resource, offset) ? List.of() : super.getDefinitions(resource, offset, access, cancel);
  }

  @Override
  public List<? extends Location> getReferences(XtextResource resource, int offset,
      IReferenceFinder.IResourceAccess access, IResourceDescriptions index, CancelIndicator cancel) {
    return isBuiltin(resource, offset) ? List.of() : super.getReferences(resource, offset, access, index, cancel);
  }

  private boolean isBuiltin(XtextResource resource, int offset) {
    EObject element = elementAt.resolveElementAt(resource, offset);
    return element instanceof ProcDecl p && Builtins.isBuiltin(p);
  }
}
