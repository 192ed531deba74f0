package io.ballot.cli.fuzz;

import io.ballot.cli.ModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs mutants through {@code ballot validate} and, for a share of those that validate, {@code ballot check} (one
 * second, 64 MB of states, one thread; the compiled engine for a third of them, the interpreter for the rest), on a
 * few workers, and gathers what broke the contract of {@link OutcomeCheck}, by class.
 */
final class FuzzCampaign {

  /** The options of every check of a mutant. */
  static final List<String> CHECK_OPTIONS = List.of("--time-limit", "1", "--memory", "64M", "--threads", "1");

  private final Mutator mutator;
  private final Path dir;
  private final long watchdogMillis;
  private final Supplier<ModelLoader> loaders;
  private final int checkEvery;

  /** {@code checkEvery}: of the mutants that validate, one in so many (chosen by seed) is checked too. */
  FuzzCampaign(Mutator mutator, Path dir, long watchdogMillis, int checkEvery, Supplier<ModelLoader> loaders) {
    this.checkEvery = checkEvery;
    this.mutator = mutator;
    this.dir = dir;
    this.watchdogMillis = watchdogMillis;
    this.loaders = loaders;
  }

  /** One mutant that broke the contract. */
  record Failure(Mutant mutant, String[] args, OutcomeCheck.Problem problem) {}

  /** What a campaign did: counts by command and exit code, the failures, the time taken. */
  record Report(int mutants, Map<String, Integer> exits, List<Failure> failures, long millis, long cpuMillis) {

    String summary() {
      return "fuzz: " + mutants + " mutants in " + millis / 1000.0 + " s (" + cpuMillis / 1000.0
          + " s of CPU in this JVM); exits " + exits + "; " + failures.size() + " failures";
    }

    /** Each class of failure: how many, their seeds, the smallest mutant and what ballot printed for it. */
    String failureMessage(Path saveTo, long baseSeed) {
      Map<String, List<Failure>> byKind = new TreeMap<>();
      for (Failure f : failures) {
        byKind.computeIfAbsent(f.problem().kind(), k -> new ArrayList<>()).add(f);
      }
      StringBuilder s = new StringBuilder();
      s.append(failures.size()).append(" of ").append(mutants).append(" mutants broke the contract, in ")
          .append(byKind.size()).append(" classes (base seed ").append(baseSeed)
          .append("; replay one with -Dballot.fuzz.replay=SEED):\n");
      for (Map.Entry<String, List<Failure>> e : byKind.entrySet()) {
        List<Failure> list = e.getValue();
        Failure smallest = list.stream().min(Comparator.comparingInt(f -> f.mutant().bytes().length)).orElseThrow();
        s.append("\n== ").append(e.getKey()).append(": ").append(list.size()).append(" mutants, seeds ")
            .append(list.stream().limit(8).map(f -> Long.toString(f.mutant().seed())).toList()).append('\n');
        s.append("smallest: ").append(smallest.mutant().describe()).append(", ballot ")
            .append(String.join(" ", smallest.args())).append('\n');
        s.append("saved as ").append(save(saveTo, smallest.mutant())).append('\n');
        s.append(head(smallest.problem().detail(), 30));
      }
      return s.toString();
    }

    private static String save(Path saveTo, Mutant m) {
      try {
        Files.createDirectories(saveTo);
        Path file = saveTo.resolve("mutant-" + m.seed() + ".m");
        Files.write(file, m.bytes());
        return file.toAbsolutePath().toString();
      } catch (IOException e) {
        return "(not saved: " + e.getMessage() + ")";
      }
    }

    private static String head(String text, int lines) {
      List<String> all = text.lines().toList();
      String shown = String.join("\n", all.subList(0, Math.min(lines, all.size())));
      return shown + (all.size() > lines ? "\n... (" + (all.size() - lines) + " more lines)\n" : "\n");
    }
  }

  /** Runs every seed's mutant on {@code workers} threads. */
  Report run(List<Long> seeds, int workers) throws InterruptedException {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(seeds);
    ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> exits = new ConcurrentHashMap<>();
    List<ModelLoader> perWorker = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      perWorker.add(loaders.get()); // one at a time: building the front end is not meant to race
    }
    // A thread of ballot's own that dies of an exception gets its stack trace printed by the JVM: a failure of the
    // mutants in flight (which of them is not known when there are several workers).
    Map<Integer, Mutant> inFlight = new ConcurrentHashMap<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      for (Mutant m : inFlight.values()) {
        failures.add(new Failure(m, new String[] {"(validate or check)"}, new OutcomeCheck.Problem(
            "uncaught " + e.getClass().getName() + " on thread " + thread.getName() + " (its stack trace printed)",
            OutcomeCheck.stack(e))));
      }
    });
    List<Thread> threads = new ArrayList<>();
    ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
    for (int w = 0; w < workers; w++) {
      ModelLoader loader = perWorker.get(w);
      Path workDir = dir.resolve("worker" + w);
      int worker = w;
      Thread t = new Thread(() -> work(loader, workDir, queue, failures, exits, m -> {
        if (m == null) {
          inFlight.remove(worker);
        } else {
          inFlight.put(worker, m);
        }
      }), "fuzz-worker-" + w);
      t.setUncaughtExceptionHandler((thread, e) -> broken.add(e));
      t.start();
      threads.add(t);
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    if (!broken.isEmpty()) {
      throw new IllegalStateException("a fuzz worker failed (not ballot: the test)", broken.peek());
    }
    Map<String, Integer> counts = new TreeMap<>();
    exits.forEach((k, v) -> counts.put(k, v.get()));
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort(Comparator.comparingLong(f -> f.mutant().seed()));
    return new Report(seeds.size(), counts, sorted, (System.nanoTime() - start) / 1_000_000,
        (processCpuNanos() - cpuStart) / 1_000_000);
  }

  private void work(ModelLoader loader, Path workDir, ConcurrentLinkedQueue<Long> queue,
      ConcurrentLinkedQueue<Failure> failures, Map<String, AtomicInteger> exits, Consumer<Mutant> running) {
    try (InProcessBallot ballot = new InProcessBallot(loader, watchdogMillis)) {
      Files.createDirectories(workDir);
      for (Long seed = queue.poll(); seed != null; seed = queue.poll()) {
        Mutant m = mutator.mutant(seed);
        running.accept(m);
        Path file = workDir.resolve("mutant.m");
        Files.write(file, m.bytes());
        String path = file.toString();
        String[] validate = {"validate", path};
        InProcessBallot.Run v = ballot.run(validate);
        count(exits, "validate", v);
        OutcomeCheck.Problem p = OutcomeCheck.problem("validate", m, path, v);
        if (p != null) {
          failures.add(new Failure(m, validate, withStack(ballot, validate, v, p)));
          continue;
        }
        if (v.exitCode() != 0 || Math.floorMod(seed >>> 20, checkEvery) != 0) {
          continue;
        }
        List<String> args = new ArrayList<>(List.of("check"));
        args.addAll(CHECK_OPTIONS);
        args.addAll(List.of("--engine", engine(seed), path));
        String[] check = args.toArray(String[]::new);
        InProcessBallot.Run c = ballot.run(check);
        count(exits, "check", c);
        p = OutcomeCheck.problem("check", m, path, c);
        if (p != null) {
          failures.add(new Failure(m, check, withStack(ballot, check, c, p)));
        }
      }
      running.accept(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * For an internal error (exit 1): the stack trace, from the same run again with {@code --debug}, and the class
   * named by where it was thrown (the first frame of ballot's), so that different bugs with the same exception are
   * told apart.
   */
  private static OutcomeCheck.Problem withStack(
      InProcessBallot ballot, String[] args, InProcessBallot.Run run, OutcomeCheck.Problem p) {
    if (run.exitCode() != 1) {
      return p;
    }
    String[] debug = new String[args.length + 1];
    debug[0] = "--debug";
    System.arraycopy(args, 0, debug, 1, args.length);
    String err = ballot.run(debug).err();
    java.util.regex.Matcher frame = java.util.regex.Pattern.compile("\\sat (io\\.ballot\\.[\\w.$]+)").matcher(err);
    String where = frame.find() ? " at " + frame.group(1) : "";
    return new OutcomeCheck.Problem(p.kind() + where, p.detail() + "\n--- with --debug:\n" + err);
  }

  /** The CPU time of this JVM so far (0 where the JVM does not tell): load-independent, unlike the wall clock. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /** The engine of a mutant's check: the compiled one for a third of them (javac takes time), else the interpreter. */
  static String engine(long seed) {
    return Math.floorMod(seed >>> 40, 3) == 0 ? "compiled" : "interpreted";
  }

  private static void count(Map<String, AtomicInteger> exits, String command, InProcessBallot.Run run) {
    String key = command + " " + (run.hung() ? "hang" : run.thrown() != null ? "threw" : run.exitCode());
    exits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    exits.computeIfAbsent(command + " ms", k -> new AtomicInteger()).addAndGet((int) run.millis());
  }
}
