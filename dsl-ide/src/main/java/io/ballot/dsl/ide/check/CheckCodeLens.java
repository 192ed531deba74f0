package io.ballot.dsl.ide.check;

import com.google.inject.Inject;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Violation;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Code lenses: "Check model" (or "Cancel check" while one runs) on the first line, and "Show counterexample" above
 * each violated property of the last check.
 */
public class CheckCodeLens implements ICodeLensService {
  @Inject private ModelCheckJobs jobs;

  @Override
  public List<? extends CodeLens> computeCodeLenses(
      Document document, XtextResource resource, CodeLensParams params, CancelIndicator indicator) {
    String uri = params.getTextDocument().getUri();
    List<CodeLens> lenses = new ArrayList<>();
    Range top = new Range(new Position(0, 0), new Position(0, 0));
    lenses.add(jobs.isRunning(uri)
        ? new CodeLens(top, new Command("■ Cancel check", CheckModelCommands.CANCEL, List.of(uri)), null)
        : new CodeLens(top, new Command("▶ Check model", CheckModelCommands.CHECK, List.of(uri)), null));
    Result last = jobs.lastResult(uri);
    if (last != null) {
      for (int i = 0; i < last.violations().size(); i++) {
        Violation v = last.violations().get(i);
        int line = v.location() == null ? 0 : Math.max(0, v.location().line() - 1);
        Range at = new Range(new Position(line, 0), new Position(line, 0));
        String title = "Show counterexample (" + v.trace().size() + " steps)";
        lenses.add(new CodeLens(at, new Command(title, CheckModelCommands.TRACE, List.of(uri, String.valueOf(i))), null));
      }
    }
    return lenses;
  }
}
