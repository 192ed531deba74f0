package io.ballot.cli;

import io.ballot.checker.SoundnessFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** How {@code ballot} reports the failures that are not about a model: usage errors, bugs, resource exhaustion. */
final class Failures {

  private Failures() {}

  /** Picocli's parameter exception handler: its message, any suggestion, a hint; exit 2. Never a stack trace. */
  static int usage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("ballot: " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** An unexpected exception: one line and a hint, or with {@code --debug} the stack trace; exit 1. */
  static int internalError(Throwable t, PrintWriter err, boolean debug) {
    String message = t.getMessage();
    if (t instanceof SoundnessFailure) {
      err.println("ballot: soundness failure: " + message);
      err.flush();
      return ExitCodes.SOUNDNESS_FAILURE;
    }
    if (t instanceof io.ballot.checker.ModelTooLarge) {
      // The front end rejects such a model at the variable; this is the checker's guard, located as well.
      err.println(message);
      err.flush();
      return ExitCodes.MODEL_REJECTED;
    }
    err.println(
        "ballot: internal error: " + t.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    if (debug) {
      t.printStackTrace(err);
    } else {
      err.println("(run with " + BallotCommand.DEBUG + " for the stack trace; please report this)");
    }
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }

  /** The JVM ran out of stack or heap; exit 4 with a hint on how to give it more. */
  static int resourceLimit(VirtualMachineError e, PrintWriter err, boolean debug) {
    boolean stack = e instanceof StackOverflowError;
    err.println("ballot: resource limit: the JVM ran out of " + (stack ? "stack space" : "memory"));
    String example = stack ? "-Xss64m" : "'-Xss16m -Xmx8g'";
    err.println("(give it more through BALLOT_JAVA_OPTS, e.g. BALLOT_JAVA_OPTS=" + example + ")");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.RESOURCE_LIMIT;
  }

  /** True when {@code --debug} was given, before or after the subcommand. */
  static boolean debugRequested(ParseResult parseResult) {
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption(BallotCommand.DEBUG)) {
        return true;
      }
    }
    return false;
  }
}
