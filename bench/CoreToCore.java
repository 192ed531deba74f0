import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What two cores cost each other on this machine, apart from any checker: how long a cache line takes to go from
 * one core to the other (two threads hand a counter back and forth, each waiting for the other's write), and how
 * much more arithmetic two threads do than one when they share nothing. The first is what a 2-thread exploration
 * pays whenever a worker reads or locks a line of the seen-set that the other wrote last, which a 1-thread run
 * never does; the second shows whether the cores themselves scale.
 *
 * <pre>
 *   java bench/CoreToCore.java [ROUNDS]      (default 12; Java's single-file launcher, no build needed)
 * </pre>
 */
public final class CoreToCore {
  private static final int HANDOFFS = 1_000_000;
  private static final long STEPS = 200_000_000L;
  private static volatile long sink;

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    sink = arithmetic(STEPS / 10); // compiled before the first timing
    for (int round = 1; round <= rounds; round++) {
      double handoff = handoffNanos();
      long start = System.nanoTime();
      sink = arithmetic(STEPS);
      double one = System.nanoTime() - start;
      Thread a = new Thread(() -> sink = arithmetic(STEPS));
      Thread b = new Thread(() -> sink = arithmetic(STEPS));
      start = System.nanoTime();
      a.start();
      b.start();
      a.join();
      b.join();
      double two = System.nanoTime() - start;
      System.out.printf(Locale.ROOT, "round %d: %.0f ns per one-way handoff; arithmetic on 2 threads %.2f x 1 thread%n",
          round, handoff, 2 * one / two);
    }
  }

  private static double handoffNanos() throws InterruptedException {
    AtomicLong counter = new AtomicLong();
    Thread other = new Thread(() -> pass(counter, 1));
    other.start();
    long start = System.nanoTime();
    pass(counter, 0);
    other.join();
    return (System.nanoTime() - start) / (2.0 * HANDOFFS);
  }

  /** Waits for the counter to reach each of this side's values (even or odd) and moves it on to the other's. */
  private static void pass(AtomicLong counter, long first) {
    for (long i = first; i < 2L * HANDOFFS; i += 2) {
      while (counter.get() != i) {
        Thread.onSpinWait();
      }
      counter.set(i + 1);
    }
  }

  /** A xorshift walk: registers only, no memory shared with anyone. */
  private static long arithmetic(long steps) {
    long x = 88172645463325252L;
    long sum = 0;
    for (long i = 0; i < steps; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      sum += x * 31 + (x >>> 3);
    }
    return sum;
  }
}
