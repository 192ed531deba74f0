package io.ballot.checker.explore;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one search may hold in its states, their index and its threads' buffers. Every large allocation of the
 * search (a chunk of the state store, a bigger stripe of the seen-set, the liveness graph) reserves its bytes here
 * first; a reservation beyond the limit throws {@link MemoryLimitReached} instead of allocating, so the search stops
 * cleanly with what it found so far and the JVM heap is never exhausted.
 *
 * <p>The default limit is derived from the heap ({@code -Xmx}): {@value #DEFAULT_SHARE_PERCENT}% of what the heap can
 * still take when the search starts, leaving the rest for the garbage collector's headroom (chunks are large
 * objects), the model's code and the reports written afterwards. An explicit limit above {@link #ceiling()} cannot be
 * held and is refused by the command line before the check.
 */
public final class MemoryBudget {
  /** The share of the free heap the default limit takes. */
  static final int DEFAULT_SHARE_PERCENT = 70;

  private final long limit;
  private final boolean explicit;
  private final AtomicLong used = new AtomicLong();

  /** A budget of {@code limit} bytes; {@code explicit} when the user chose it (the message then says so). */
  MemoryBudget(long limit, boolean explicit) {
    this.limit = limit;
    this.explicit = explicit;
  }

  /** The budget for {@code memoryBytes} as given in the options: ≤ 0 means the default, {@link #defaultLimit()}. */
  static MemoryBudget of(long memoryBytes) {
    return memoryBytes > 0 ? new MemoryBudget(memoryBytes, true) : new MemoryBudget(defaultLimit(), false);
  }

  /** The default limit: {@value #DEFAULT_SHARE_PERCENT}% of the heap's maximum size less what is in use now. */
  public static long defaultLimit() {
    Runtime rt = Runtime.getRuntime();
    long inUse = rt.totalMemory() - rt.freeMemory();
    return Math.max(0, rt.maxMemory() - inUse) / 100 * DEFAULT_SHARE_PERCENT;
  }

  /**
   * The largest explicit limit accepted: nine tenths of the heap's maximum (a tenth is left to the collector). It
   * depends on {@code -Xmx} only, not on what happens to be in use, so that the same command line is accepted or
   * refused the same way every time; a limit near it in a JVM already holding much else may still find the heap
   * exhausted first, which ends the run as a resource limit too (exit 4).
   */
  public static long ceiling() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - rt.maxMemory() / 10;
  }

  /** The limit in bytes. */
  long limit() {
    return limit;
  }

  /** Bytes reserved so far. */
  long used() {
    return used.get();
  }

  /** Reserves {@code bytes}, or throws {@link MemoryLimitReached} (reserving nothing) when they do not fit. */
  void reserve(long bytes) {
    long now;
    do {
      now = used.get();
      if (bytes > limit - now) {
        throw new MemoryLimitReached(stopReason());
      }
    } while (!used.compareAndSet(now, now + bytes));
  }

  /**
   * Counts {@code bytes} already allocated (a structure's small fixed part, made before the search starts) even
   * beyond the limit: the search then stops at its first reservation, with nothing stored.
   */
  void charge(long bytes) {
    used.addAndGet(bytes);
  }

  /** Gives back {@code bytes} reserved earlier (a buffer the search dropped). */
  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** The stop reason of a search this budget stopped, e.g. {@code memory limit reached (512 MiB; ...)}. */
  String stopReason() {
    String size = mib(limit);
    return explicit
        ? "memory limit reached (" + size + ", the --memory limit; raise it with --memory, up to what the heap holds)"
        : "memory limit reached (" + size + ", the default: " + DEFAULT_SHARE_PERCENT + "% of the free JVM heap;"
            + " give the JVM more with BALLOT_JAVA_OPTS, e.g. -Xmx8g)";
  }

  /** {@code bytes} in MiB, with two decimals below 10 MiB. */
  static String mib(long bytes) {
    double m = bytes / (double) (1 << 20);
    return m < 10 ? String.format(Locale.ROOT, "%.2f MiB", m) : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
  }
}
