import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.compile.ModelCompiler;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Steady-state exploration throughput on 1 and 2 threads, in one JVM, as JMH measures: the model is parsed and
 * compiled once, explored a few times to warm the JIT up (not timed), then explored again alternately with 1 and
 * 2 threads. What this leaves out, and the whole-process benchmark (bench/run.py) keeps in, is the JIT's work
 * during a run: on a 2-core machine a 1-thread run has the second core for the compiler, a 2-thread run does not.
 *
 * <pre>
 *   bench/scaling.sh MODEL [WARMUP_ROUNDS [MEASURED_ROUNDS]]     (defaults 2 and 5)
 * </pre>
 *
 * Run by bench/scaling.sh with the CLI jar on the class path (Java's single-file launcher compiles this file).
 */
public final class Scaling {
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: bench/scaling.sh MODEL [WARMUP_ROUNDS [MEASURED_ROUNDS]]");
      System.exit(2);
    }
    LoadResult load = new FrontEnd().load(Path.of(args[0]));
    if (load.hasErrors()) {
      System.err.println(load.diagnostics());
      System.exit(3);
    }
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    ModelCompiler.Outcome compiled = ModelCompiler.compile(load.model());
    if (!compiled.compiled()) {
      System.err.println("not compiled: " + compiled.warning());
      System.exit(1);
    }
    List<Double> one = new ArrayList<>();
    List<Double> two = new ArrayList<>();
    List<Double> pairs = new ArrayList<>();
    long states = -1;
    for (int round = -warmup; round < rounds; round++) {
      double[] rate = new double[3];
      for (int threads = 1; threads <= 2; threads++) {
        Result r = explore(compiled, threads);
        if (states >= 0 && r.states() != states) {
          throw new IllegalStateException("state counts differ: " + states + " and " + r.states());
        }
        states = r.states();
        rate[threads] = r.states() / r.seconds();
        System.out.printf(Locale.ROOT, "%s round %d, %d thread%s: %d states in %.2f s, %,.0f states/s%n",
            round < 0 ? "warm-up" : "measured", round < 0 ? round + warmup + 1 : round + 1, threads,
            threads == 1 ? "" : "s", r.states(), r.seconds(), rate[threads]);
        System.gc(); // the last run's store is garbage: collect it outside the next run's timing
      }
      if (round >= 0) {
        one.add(rate[1]);
        two.add(rate[2]);
        pairs.add(rate[2] / rate[1]);
      }
    }
    System.out.printf(Locale.ROOT,
        "%s: 1 thread best %,.0f median %,.0f states/s; 2 threads best %,.0f median %,.0f states/s;%n"
            + "  2/1 threads: best over best %.2f, median over median %.2f, median of pairs %.2f (target >= 1.7)%n",
        Path.of(args[0]).getFileName(), Collections.max(one), median(one), Collections.max(two), median(two),
        Collections.max(two) / Collections.max(one), median(two) / median(one), median(pairs));
  }

  private static Result explore(ModelCompiler.Outcome compiled, int threads) {
    CheckOptions options = new CheckOptions(threads, 0, DeadlockMode.OFF, 0, 1, 0);
    return new BfsExplorer(compiled.system(), options, ProgressListener.NONE).run();
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
