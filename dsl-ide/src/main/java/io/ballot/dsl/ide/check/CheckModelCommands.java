package io.ballot.dsl.ide.check;

import com.google.inject.Inject;
import io.ballot.checker.result.Result;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The server's commands. {@code ballot.checkModel uri [options]} starts a check (see {@link ModelCheckJobs});
 * {@code ballot.cancelCheck uri} stops it; {@code ballot.showTrace uri [n]} returns the n-th (0-based) violation of
 * the last check with its counterexample (steps, changed variables, and the same as text).
 */
public class CheckModelCommands implements IExecutableCommandService {
  public static final String CHECK = "ballot.checkModel";
  public static final String CANCEL = "ballot.cancelCheck";
  public static final String TRACE = "ballot.showTrace";

  @Inject private ModelCheckJobs jobs;

  @Override
  public List<String> initialize() {
    return List.of(CHECK, CANCEL, TRACE);
  }

  @Override
  public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
    List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
    switch (params.getCommand()) {
      case CHECK:
        return jobs.start(CheckRequest.of(args), access);
      case CANCEL:
        return Map.of("cancelled", !args.isEmpty() && jobs.cancel(CheckRequest.string(args.get(0))));
      case TRACE:
        return trace(args);
      default:
        throw new IllegalArgumentException("unknown command " + params.getCommand());
    }
  }

  private Object trace(List<Object> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("ballot.showTrace needs the model's document URI");
    }
    Result result = jobs.lastResult(CheckRequest.string(args.get(0)));
    if (result == null) {
      return Map.of("message", "no check of this model has finished yet: run Check model first");
    }
    if (result.violations().isEmpty()) {
      return Map.of("message", ModelCheckJobs.summary(result));
    }
    int index = args.size() > 1 ? Integer.parseInt(CheckRequest.string(args.get(1))) : 0;
    if (index < 0 || index >= result.violations().size()) {
      throw new IllegalArgumentException("no violation " + index + " (the last check found "
          + result.violations().size() + ")");
    }
    return Traces.toJson(result.violations().get(index));
  }
}
