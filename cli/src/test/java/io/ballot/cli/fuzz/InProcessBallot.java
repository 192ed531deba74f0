package io.ballot.cli.fuzz;

import io.ballot.cli.Main;
import io.ballot.cli.ModelLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code ballot} command lines in this JVM (as {@link Main#run}), each on a thread with the launcher's stack
 * ({@code -Xss16m}) under a watchdog: a run that gives no answer within the time allowed is reported as a hang (and
 * its thread abandoned; it is a daemon). One instance per worker: its front end is not shared between threads.
 */
final class InProcessBallot implements AutoCloseable {

  /** The stack of a ballot thread: the launcher's {@code -Xss16m}. */
  static final long STACK_BYTES = 16L << 20;

  private final ModelLoader loader;
  private final long timeoutMillis;
  private ExecutorService thread = newThread();

  /** What one run did: its exit code and output, or that it hung (exit -1), or what it threw (exit -2). */
  record Run(String[] args, int exitCode, String out, String err, boolean hung, Throwable thrown, long millis) {}

  InProcessBallot(ModelLoader loader, long timeoutMillis) {
    this.loader = loader;
    this.timeoutMillis = timeoutMillis;
  }

  Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    long start = System.nanoTime();
    Future<Integer> f = thread.submit(() -> Main.run(args, o, e, () -> loader));
    try {
      int code = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
      return new Run(args, code, text(out), text(err), false, null, since(start));
    } catch (TimeoutException t) {
      f.cancel(true);
      thread.shutdownNow();
      thread = newThread(); // the hung thread keeps its own executor; the next run gets a fresh one
      return new Run(args, -1, text(out), text(err), true, null, since(start));
    } catch (java.util.concurrent.ExecutionException x) {
      return new Run(args, -2, text(out), text(err), false, x.getCause(), since(start));
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", x);
    }
  }

  private static long since(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static String text(ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static ExecutorService newThread() {
    return Executors.newSingleThreadExecutor(task -> {
      Thread t = new Thread(null, task, "ballot-fuzz", STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
