package io.ballot.dsl.ide.rename;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.services.MurphiGrammarAccess;
import java.io.StringReader;
import io.ballot.dsl.scoping.Builtins;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.xtext.ide.refactoring.RefactoringIssueAcceptor;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.rename.RenameService2;
import org.eclipse.xtext.ide.server.rename.ServerRefactoringIssueAcceptor;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Xtext's rename, except for the built-in real type and math functions ({@link Builtins}): they are declared
 * outside the model, so there is nothing to rename (prepare-rename answers null; a rename without prepare answers
 * an error that says so). Xtext failed both with an internal error. A new name must be a Murphi name
 * ({@link #newNameProblem}).
 *
 * <p>Renames run one at a time (per server: the service is a singleton of the language's injector). Xtext's
 * serializer, which writes the rename's edits, fills grammar caches lazily in singletons that are not thread-safe;
 * two renames answered in parallel failed with internal errors (NullPointerException in
 * {@code GrammarConstraintProvider}, a Guice provision error in {@code InsertionPointFinder}).
 */
@Singleton
public class MurphiRenameService extends RenameService2 {
  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Held while Xtext's serializer writes a rename's edits. */
  private final Object serializing = new Object();

  @Inject
  private IParser parser;

  @Inject
  private MurphiGrammarAccess grammar;

  /**
   * Why {@code newName} cannot be a name in a model (not an identifier: a letter, then letters, digits and
   * {@code _}; or a reserved word such as {@code var} or {@code end}); null when it can. The contextual keywords of
   * the message-passing extensions ({@code network}, {@code send}, ...) are names too.
   */
  public String newNameProblem(String newName) {
    if (newName == null || !ID.matcher(newName).matches()) {
      return "'" + (newName == null ? "" : newName) + "' is not a Murphi name: a name is a letter followed by"
          + " letters, digits and '_'";
    }
    if (parser.parse(grammar.getIdentRule(), new StringReader(newName)).hasSyntaxErrors()) {
      return "'" + newName + "' is a reserved word of Murphi: it cannot be a name";
    }
    return null;
  }

  @Override
  protected Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> doPrepareRename(
      Resource resource, Document document, PrepareRenameParams params, CancelIndicator cancel) {
    if (resource instanceof XtextResource x
        && isBuiltin(getElementWithIdentifierAt(x, document.getOffSet(params.getPosition())))) {
      return null;
    }
    return super.doPrepareRename(resource, document, params, cancel);
  }

  @Override
  protected void applyModifications(EObject element, WorkspaceEdit edit, ServerRefactoringIssueAcceptor issues,
      IRenameService2.Options options, ILanguageServerAccess.Context context) {
    if (isBuiltin(element)) {
      issues.add(RefactoringIssueAcceptor.Severity.FATAL,
          "'" + ((ProcDecl) element).getName() + "' is built in (declared outside the model): it cannot be renamed");
      return;
    }
    synchronized (serializing) {
      super.applyModifications(element, edit, issues, options, context);
    }
  }

  private static boolean isBuiltin(EObject element) {
    return element instanceof ProcDecl p && Builtins.isBuiltin(p);
  }
}
