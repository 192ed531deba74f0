package io.ballot.cli.report;

import io.ballot.checker.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A live one-line progress indicator on a terminal's stderr:
 *
 * <pre>
 * 1,234,567 states  (310,000/s)  queue 45,678  depth 17  mem 1.2/14.6 GiB  [4.0 s]
 * </pre>
 *
 * {@code mem} is the search's own accounting (states, their index and its buffers: what its memory limit caps, not
 * the JVM's heap or the process's RSS), against the limit the search was given. A cluster run ({@code --engine
 * spark}) shows the bytes of its levels cached on the executors as {@code mem}, and after it {@code shuffle N MiB},
 * the bytes its levels sent between executors so far.
 *
 * redrawn in place ({@code \r}) at most every half second, and only once the run has lasted more than a second, so
 * quick checks print nothing. {@link #finish} erases it. When disabled (stderr is not a terminal) it never prints.
 * The checker may call {@link #progress} from its worker threads, so every method is synchronized; a depth of -1
 * (unknown, from a worker in the middle of a level) keeps the last known depth.
 */
public final class ProgressLine implements ProgressListener {

  /** Nothing is drawn before the run has lasted this long. */
  static final double FIRST_AFTER_SECONDS = 1.0;

  /** The line is redrawn at most this often. */
  static final double INTERVAL_SECONDS = 0.5;

  private final PrintWriter err;
  private final boolean enabled;
  private int lastDepth;
  private double lastDrawn = Double.NEGATIVE_INFINITY;
  private int width;
  private int checkpointDepth = -1;
  private double checkpointAt;
  private long limit;
  private long shuffled = -1;

  /** {@code enabled}: whether {@code err} is a terminal (never draw otherwise). */
  public ProgressLine(PrintWriter err, boolean enabled) {
    this.err = Objects.requireNonNull(err);
    this.enabled = enabled;
  }

  @Override
  public synchronized void memoryLimit(long bytes, String source) {
    limit = bytes;
  }

  @Override
  public synchronized void progress(
      long states, long rulesFired, int depth, long queued, double seconds, long bytes) {
    if (depth >= 0) {
      lastDepth = depth;
    }
    if (!enabled || seconds <= FIRST_AFTER_SECONDS || seconds - lastDrawn < INTERVAL_SECONDS) {
      return;
    }
    lastDrawn = seconds;
    String text = line(states, lastDepth, queued, seconds, bytes, limit)
        + (shuffled < 0 ? "" : String.format(Locale.ROOT, "  shuffle %,d MiB", shuffled >> 20))
        + (checkpointDepth < 0 ? ""
            : String.format(Locale.ROOT, "  checkpoint: depth %d, %.0f s ago", checkpointDepth,
                seconds - checkpointAt));
    StringBuilder sb = new StringBuilder(Math.max(text.length(), width) + 1).append('\r').append(text);
    for (int i = text.length(); i < width; i++) {
      sb.append(' '); // cover the rest of a longer previous line
    }
    width = text.length();
    err.print(sb);
    err.flush();
  }

  /** Notes the bytes a cluster run has shuffled (shown after {@code mem} from then on). */
  @Override
  public synchronized void shuffleBytes(long bytes) {
    shuffled = bytes;
  }

  /** Notes a checkpoint written (shown at the end of the line from then on). */
  @Override
  public synchronized void checkpointWritten(int depth, long states, double seconds) {
    checkpointDepth = depth;
    checkpointAt = seconds;
  }

  /** Erases the line, if one was drawn: {@code \r}, spaces, {@code \r}. */
  public synchronized void finish() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  /** The text of the line (without {@code \r}); {@code limit} ≤ 0: unknown, the bytes alone are shown. */
  static String line(long states, int depth, long queued, double seconds, long bytes, long limit) {
    long rate = Math.round(states / Math.max(seconds, 1e-3));
    return String.format(
        Locale.ROOT,
        "%,d states  (%,d/s)  queue %,d  depth %d  mem %s  [%.1f s]",
        states,
        rate,
        queued,
        depth,
        memory(bytes, limit),
        seconds);
  }

  /** {@code 1.2/14.6 GiB} (or {@code 12/512 MiB} below a GiB limit); the bytes alone when the limit is unknown. */
  static String memory(long bytes, long limit) {
    if (limit <= 0) {
      return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }
    if (limit >= 1L << 30) {
      double g = 1L << 30;
      return String.format(Locale.ROOT, "%.1f/%.1f GiB", bytes / g, limit / g);
    }
    return String.format(Locale.ROOT, "%d/%d MiB", bytes >> 20, limit >> 20);
  }
}
