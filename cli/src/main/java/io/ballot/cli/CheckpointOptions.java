package io.ballot.cli;

import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code check}'s checkpoint options ({@code --checkpoint DIR}, {@code --checkpoint-every DURATION}, {@code --resume
 * DIR}) turned into a {@link CheckpointPlan}, and the lines that tell the user about checkpoints: where they go,
 * where a run resumes from, how to continue a stopped run. See docs/design.md, "Checkpoints".
 */
final class CheckpointOptions {
  /** The longest interval accepted, as for {@code --time-limit}: a year. */
  static final double MAX_EVERY_SECONDS = 31_536_000;
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9}(?:\\.[0-9]{1,6})?)([smh]?)");

  private CheckpointOptions() {}

  /**
   * The plan for the options given (null: no checkpoints), or a usage error: a bad duration, {@code --checkpoint-every}
   * without a directory, or {@code --checkpoint} and {@code --resume} naming two directories.
   */
  static CheckpointPlan plan(Path checkpoint, Path resume, String every, boolean everyGiven) {
    double seconds = seconds(every);
    if (checkpoint == null && resume == null) {
      if (everyGiven) {
        throw new IllegalArgumentException("--checkpoint-every needs --checkpoint DIR (or --resume DIR)");
      }
      return null;
    }
    if (checkpoint != null && resume != null
        && !checkpoint.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--resume " + resume + " goes on checkpointing into its own directory;"
          + " --checkpoint " + checkpoint + " names another");
    }
    return resume != null ? new CheckpointPlan(resume, seconds, true) : new CheckpointPlan(checkpoint, seconds, false);
  }

  /** {@code 90}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 0.5h} in seconds; a bad one is an IllegalArgumentException. */
  static double seconds(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw badDuration(text);
    }
    double n = Double.parseDouble(m.group(1))
        * switch (m.group(2)) {
          case "m" -> 60;
          case "h" -> 3600;
          default -> 1;
        };
    if (n > MAX_EVERY_SECONDS) {
      throw badDuration(text);
    }
    return n;
  }

  private static IllegalArgumentException badDuration(String text) {
    return new IllegalArgumentException("invalid value for --checkpoint-every: '" + text + "' (expected a duration"
        + " from 0 to 31536000 seconds: a number of seconds, or with s, m or h, e.g. 30s, 10m, 2h; 0: at every level)");
  }

  /** The exit code of a refused checkpoint: {@link ExitCodes#CHECKPOINT_REFUSED} or, for a bad use, usage (2). */
  static int exitCode(CheckpointException e) {
    return switch (e.kind()) {
      case MISMATCH, CORRUPT -> ExitCodes.CHECKPOINT_REFUSED;
      case UNSUPPORTED, IO -> ExitCodes.USAGE;
    };
  }

  /** The line printed under the start line: where checkpoints go, or where the run resumes from. */
  static String startLine(CheckpointPlan plan, Manifest resumed) {
    if (resumed == null) {
      return "Checkpoints into " + plan.dir() + " " + every(plan) + ", and when the run ends or is stopped.";
    }
    String where = String.format(Locale.ROOT, "depth %d, %,d states, %,d rules fired, %d violation%s, %.1f s of"
        + " search before", resumed.depth(), resumed.states(), resumed.rulesFired(), resumed.violations().size(),
        resumed.violations().size() == 1 ? "" : "s", resumed.seconds());
    return resumed.finished()
        ? "The run checkpointed in " + plan.dir() + " had already finished (" + where + "); its result:"
        : "Resuming from the checkpoint in " + plan.dir() + " (" + where
            + "); checkpoints go on " + every(plan) + ".";
  }

  private static String every(CheckpointPlan plan) {
    return plan.everySeconds() == 0 ? "at every level boundary"
        : String.format(Locale.ROOT, "at the first level boundary every %s s", trim(plan.everySeconds()));
  }

  private static String trim(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }

  /** After a run stopped early: where its checkpoint is and how to continue it (on {@code err}). */
  static void printContinue(CheckpointPlan plan, String model, PrintWriter err) {
    Manifest m;
    try {
      m = Checkpointer.read(plan.dir());
    } catch (CheckpointException e) {
      return; // stopped before the first level boundary: nothing to continue
    }
    if (!m.finished()) {
      err.printf(Locale.ROOT, "ballot: checkpoint: %s holds depth %d (%,d states); continue with: ballot check %s"
          + " --resume %s%n", plan.dir(), m.depth(), m.states(), model, plan.dir());
      err.flush();
    }
  }
}
