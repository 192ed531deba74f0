package io.ballot.checker.result;

import java.util.Locale;

/**
 * How a search stored its states: its memory limit in bytes and where that figure comes from (e.g. {@code --memory},
 * or the default share of the JVM heap), the most bytes it held, and, under hash compaction, the signature bits and
 * Stern and Dill's bound on the probability that a reachable state was omitted ({@code hashBits} 0: an exact search,
 * the bound 0), and the bits of one state as the search packed it ({@code stateBits}, 0 when not known).
 */
public record Storage(
    long limitBytes, String limitSource, long peakBytes, int hashBits, double omissionBound, long stateBits) {

  /** Nothing known (a result not made by a search, e.g. a time limit hit before it started). */
  public static final Storage UNKNOWN = new Storage(0, "", 0, 0, 0, 0);

  /** Whether a verdict that holds holds only probabilistically (hash compaction). */
  public boolean probabilistic() {
    return hashBits > 0;
  }

  /** The bound as printed, e.g. {@code 1.2e-07} (two significant digits; {@code 0} when exact). */
  public String boundText() {
    return omissionBound == 0 ? "0" : String.format(Locale.ROOT, "%.2g", omissionBound);
  }

  /** {@code probabilistically (P(miss) <= 1.2e-07)}: what a holding verdict under hash compaction is qualified by. */
  public String qualifier() {
    return "probabilistically (P(miss) <= " + boundText() + ")";
  }
}
