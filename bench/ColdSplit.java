import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.compile.ModelCompiler;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.Result;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cold exploration (a fresh JVM, as {@code ballot check} runs), with its CPU split: the process's CPU time
 * during the exploration, the part of it spent by the explorer's worker threads, and the rest (the JIT compilers
 * above all, then GC and the waiting main thread). On a 2-core machine a 1-thread run has the second core for that
 * rest; a 2-thread run does not, so its exploration takes at least (workers + rest) / 2 seconds.
 *
 * <pre>
 *   bench/cold_split.py MODEL [--rounds N]     (runs this file N times per thread count, alternating)
 * </pre>
 *
 * Prints one line: {@code threads=T seconds=S process_cpu=P worker_cpu=W other_cpu=O states=N}, then the same
 * split for the second half of the states only (from the first progress report at or past half of them, to the
 * end), when the JIT has long finished: {@code late_half: states=N seconds=S worker_cpu=W other_cpu=O}. Comparing
 * the workers' CPU there between 1 and 2 threads shows what two workers cost each other, apart from the JIT.
 */
public final class ColdSplit {
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ColdSplit MODEL THREADS");
      System.exit(2);
    }
    LoadResult load = new FrontEnd().load(Path.of(args[0]));
    if (load.hasErrors()) {
      System.err.println(load.diagnostics());
      System.exit(3);
    }
    int threads = Integer.parseInt(args[1]);
    ModelCompiler.Outcome compiled = ModelCompiler.compile(load.model());
    if (!compiled.compiled()) {
      System.err.println("not compiled: " + compiled.warning());
      System.exit(1);
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    CheckOptions options = new CheckOptions(threads, 0, DeadlockMode.OFF, 0, 1, 0);
    long[] workers = new long[1];
    List<double[]> timeline = new ArrayList<>(); // per report: states, workers' CPU s, process CPU s, seconds
    long before = os.getProcessCpuTime();
    // The explorer reports after every level, once that level's workers are done: the last report sees all of
    // their CPU time (the pool's threads are gone once run() returns).
    Result r = new BfsExplorer(compiled.system(), options,
        (states, fired, depth, queued, seconds, bytes) -> {
          workers[0] = Math.max(workers[0], workerCpu());
          timeline.add(new double[] {states, workers[0] / 1e9, (os.getProcessCpuTime() - before) / 1e9, seconds});
        }).run();
    long process = os.getProcessCpuTime() - before;
    System.out.printf(Locale.ROOT, "threads=%d seconds=%.3f process_cpu=%.3f worker_cpu=%.3f other_cpu=%.3f states=%d%n",
        threads, r.seconds(), process / 1e9, workers[0] / 1e9, (process - workers[0]) / 1e9, r.states());
    printLateHalf(timeline, r.states());
  }

  /** The split from the first report at or past half of the states to the last report. */
  private static void printLateHalf(List<double[]> timeline, long states) {
    double[] last = timeline.get(timeline.size() - 1);
    for (double[] at : timeline) {
      if (at[0] >= states / 2.0) {
        double workers = last[1] - at[1];
        System.out.printf(Locale.ROOT, "late_half: states=%.0f seconds=%.3f worker_cpu=%.3f other_cpu=%.3f%n",
            last[0] - at[0], last[3] - at[3], workers, last[2] - at[2] - workers);
        return;
      }
    }
  }

  /** CPU time of the explorer's workers so far: the threads of its pool (the default factory's names). */
  private static long workerCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("pool-")) {
        sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }
}
