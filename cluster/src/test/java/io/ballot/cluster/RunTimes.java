package io.ballot.cluster;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The times of the cluster tests' runs, printed (never asserted: the machine is shared) for {@code
 * bench/cluster-corpus.sh}: one line per run, then the totals and a least-squares fit of the cluster's time per run
 * as {@code c + a × levels + b × states}: c the per-model overhead, a the per-level overhead, b the per-state cost.
 */
final class RunTimes {
  private RunTimes() {}

  /**
   * One model checked on both engines: its states, levels (of which {@code partitioned} had more than one
   * partition), and each engine's seconds.
   */
  record Run(String name, long states, int levels, int partitioned, double localSeconds, double sparkSeconds) {
    String line() {
      return String.format(Locale.ROOT,
          "cluster-run\t%s\tstates %d\tlevels %d (%d partitioned)\tlocal %.3f s\tspark %.3f s", name, states,
          levels, partitioned, localSeconds, sparkSeconds);
    }
  }

  /** Prints the totals of {@code runs}, the slowest, and the fit. */
  static void summarise(String label, List<Run> runs, PrintStream out) {
    if (runs.isEmpty()) {
      return;
    }
    double local = runs.stream().mapToDouble(Run::localSeconds).sum();
    double spark = runs.stream().mapToDouble(Run::sparkSeconds).sum();
    long levels = runs.stream().mapToLong(Run::levels).sum();
    long states = runs.stream().mapToLong(Run::states).sum();
    long partitioned = runs.stream().mapToLong(Run::partitioned).sum();
    out.printf(Locale.ROOT,
        "cluster-total\t%s\t%d models\t%d states\t%d levels (%d partitioned)\tlocal %.1f s\tspark %.1f s%n", label,
        runs.size(), states, levels, partitioned, local, spark);
    runs.stream().sorted(Comparator.comparingDouble(Run::sparkSeconds).reversed()).limit(10)
        .forEach(r -> out.println("cluster-slowest\t" + r.line().substring("cluster-run\t".length())));
    double[] f = fit(runs);
    if (f != null) {
      out.printf(Locale.ROOT, "cluster-fit\t%s\tper model c = %.3f s\tper level a = %.4f s\tper state b = %.2f us%n",
          label, f[0], f[1], f[2] * 1e6);
    }
  }

  /** Least squares of spark seconds on (1, levels, states); null when the system is singular. */
  static double[] fit(List<Run> runs) {
    double[][] m = new double[3][4];
    for (Run r : runs) {
      double[] x = {1, r.levels(), r.states()};
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          m[i][j] += x[i] * x[j];
        }
        m[i][3] += x[i] * r.sparkSeconds();
      }
    }
    for (int col = 0; col < 3; col++) { // Gauss-Jordan with partial pivoting
      int pivot = col;
      for (int row = col + 1; row < 3; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-12) {
        return null;
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int row = 0; row < 3; row++) {
        if (row != col) {
          double k = m[row][col] / m[col][col];
          for (int j = col; j < 4; j++) {
            m[row][j] -= k * m[col][j];
          }
        }
      }
    }
    return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
  }
}
