package io.ballot.checker.explore;

/**
 * Stern and Dill's upper bound on the probability that hash compaction omitted a reachable state ("Improved
 * probabilistic verification by hash compaction", CHARME 1995, and CMurphi's {@code PrintProb}). A state is omitted
 * only when its signature equals one of those on its probe sequence; with {@code l = 2^bits - 1} equally likely
 * signatures and uniform hashing, a state looked up in a table of {@code m} slots holding {@code k} signatures meets
 * on average {@code k / (m - k + 1)} of them, so
 *
 * <pre>
 *   P(no state omitted) >= (1 - 1/l)^E,   E = sum over the states of k / (m - k + 1)
 * </pre>
 *
 * and the bound printed is {@code 1 - (1 - 1/l)^E}. Filled one state at a time, {@code E = (m+1)(H(m+1) - H(m-n+1))
 * - n} (Stern and Dill's equation 12, {@link #sternDill}); a breadth-first search looks a level's new states up
 * against the table as it was when the level started ({@link #addLevel}), a smaller {@code k} for each.
 */
final class OmissionBound {
  private final double l;
  private double exponent;

  OmissionBound(int bits) {
    this.l = Math.pow(2, bits) - 1;
  }

  /** Counts {@code newStates} states looked up in a table of {@code slots} slots holding {@code stored} signatures. */
  void addLevel(long newStates, long stored, long slots) {
    exponent += newStates * (stored / (double) (slots - stored + 1));
  }

  /** The bound so far: {@code 1 - (1 - 1/l)^E}. */
  double probability() {
    return probability(exponent, l);
  }

  private static double probability(double exponent, double l) {
    return -Math.expm1(exponent * Math.log1p(-1 / l)); // 1 - (1 - 1/l)^E without cancellation
  }

  /** CMurphi's figure: {@code n} states inserted one at a time into {@code m} slots with {@code bits}-bit signatures. */
  static double sternDill(double n, double m, int bits) {
    double e = (m + 1) * (harmonic(m + 1) - harmonic(m - n + 1)) - n;
    return probability(e, Math.pow(2, bits)); // CMurphi takes l = 2^bits
  }

  /** H(n), the n-th harmonic number, as CMurphi computes it (exact below 64). */
  static double harmonic(double n) {
    if (n < 1) {
      return 0;
    }
    if (n < 64) {
      double h = 0;
      for (int i = 1; i <= (int) n; i++) {
        h += 1.0 / i;
      }
      return h;
    }
    return Math.log(n) + 0.5772156649015329 + 1 / (2 * n) - 1 / (12 * n * n);
  }
}
