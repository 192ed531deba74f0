package io.ballot.cli;

import io.ballot.dsl.corpus.CorpusModel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * {@code ballot check} over Rumur's test corpus, as {@code ../shared/tools/corpus.py --tool ballot} does from
 * outside: each model whose header says Rumur rejects it must exit 3, each model with a failing property must exit
 * 10..19, every other model must exit 0. Rumur's flags from the header are passed on; each model gets
 * {@code --time-limit 60}. Runs in-process with one shared front end. Known disagreements are listed, with reasons,
 * in {@code check-exceptions.txt}.
 */
class CheckConformanceTest {

  /** Seconds a model may explore ({@code --time-limit}). */
  static final int TIME_LIMIT = 60;

  /** A model whose run has not returned this long after its time limit is abandoned (e.g. a loop in liveness). */
  static final int HARD_TIMEOUT = TIME_LIMIT + 60;

  /** At most this much of a run's stdout and stderr is kept, to explain a failure. */
  static final int KEEP = 16 * 1024;

  @Test
  void checkAgreesWithRumurOnEveryCorpusModel() throws Exception {
    CorpusModel.requireCorpus("check conformance test");
    Map<String, String> exceptions = exceptions();
    ModelLoader loader = ModelLoader.frontEnd();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    List<String> excused = new ArrayList<>();
    ExecutorService runner =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(null, r, "corpus-check", 512L << 20); // deep models need a big stack
              t.setDaemon(true);
              return t;
            });
    try {
      for (CorpusModel m : CorpusModel.all()) {
        if (m.skipReason() != null) {
          skipped++;
          continue;
        }
        String want = m.mustBeRejected() ? "rejected" : m.mustBeViolated() ? "violated" : "ok";
        List<String> args = new ArrayList<>(List.of("check", "--time-limit", String.valueOf(TIME_LIMIT)));
        args.addAll(m.rumurFlags());
        args.add(m.path().toString());
        Run run = run(runner, loader, args.toArray(String[]::new));
        if (run.outcome().equals(want)) {
          passed++;
          continue;
        }
        failed++;
        String line =
            m.name() + ": want=" + want + " got=" + run.outcome() + " (exit " + run.exitCode() + ", "
                + String.format("%.1f s", run.seconds()) + ")" + explanation(run);
        if (exceptions.containsKey(m.name())) {
          excused.add(m.name());
          System.out.println("  known " + line);
        } else {
          failures.add(line);
          System.out.println("  FAIL  " + line);
        }
      }
    } finally {
      runner.shutdownNow();
    }
    System.out.printf(
        "corpus conformance (check): %d passed, %d failed, %d skipped (%d of the failures are known exceptions)%n",
        passed, failed, skipped, excused.size());
    List<String> stale = new ArrayList<>(exceptions.keySet());
    stale.removeAll(excused);
    if (!stale.isEmpty()) {
      System.out.println("  listed in check-exceptions.txt but now conform (remove them): " + stale);
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " corpus models disagree with Rumur under ballot check:\n" + String.join("\n", failures));
  }

  /** What one run gave: corpus.py's outcome name, the exit code, the time, and the start of its output. */
  record Run(String outcome, int exitCode, double seconds, String out, String err) {}

  private static Run run(ExecutorService runner, ModelLoader loader, String[] args) throws Exception {
    Capture out = new Capture();
    Capture err = new Capture();
    long start = System.nanoTime();
    Future<Integer> f =
        runner.submit(
            () ->
                Main.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    () -> loader));
    int code;
    try {
      code = f.get(HARD_TIMEOUT, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Run("timeout", -1, (System.nanoTime() - start) / 1e9, out.text(), err.text());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String outcome =
        switch (code) {
          case ExitCodes.OK -> "ok";
          case ExitCodes.MODEL_REJECTED -> "rejected";
          case ExitCodes.RESOURCE_LIMIT -> "incomplete";
          default -> code >= 10 && code <= 19 ? "violated" : "exit" + code;
        };
    return new Run(outcome, code, seconds, out.text(), err.text());
  }

  /** The line that best says what happened: the first error on stderr, or the result line. */
  private static String explanation(Run run) {
    for (String l : run.err().split("\n")) {
      if (l.contains("error") || l.startsWith("ballot: ")) {
        return ": " + l.strip();
      }
    }
    for (String l : run.out().split("\n")) {
      if (l.startsWith("Result: ")) {
        return ": " + l.strip();
      }
    }
    return "";
  }

  /** Keeps the first {@link #KEEP} bytes written to it and drops the rest. */
  private static final class Capture extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (kept.size() < KEEP) {
        kept.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int room = KEEP - kept.size();
      if (room > 0) {
        kept.write(b, off, Math.min(room, len));
      }
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
  }

  /** The known exceptions, from {@code check-exceptions.txt}. */
  static Map<String, String> exceptions() throws IOException {
    return CorpusModel.exceptions(CheckConformanceTest.class, "/check-exceptions.txt");
  }
}
