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
 * held and is refused by the command line before the check. The {@code ballot} launcher gives the JVM most of the
 * machine's memory ({@link #LAUNCHER_HEAP}), so that this default follows the machine; a JVM that embeds the checker
 * (the Maven plugin, the language server) keeps its own heap, of which the search takes the same share.
 */
public final class MemoryBudget {
  /** The share of the free heap the default limit takes. */
  static final int DEFAULT_SHARE_PERCENT = 70;

  /**
   * The system property the launcher sets ({@code -Dballot.heap=auto}) when it chose {@code -Xmx} from the
   * machine's memory (all of it less an eighth, and less at least 2 GiB, for the OS and the JVM's own memory), so
   * that the start line can say where the heap's size comes from.
   */
  public static final String LAUNCHER_HEAP = "ballot.heap";

  /** How the stop reason of a search this budget stopped begins. */
  public static final String STOP_PREFIX = "memory limit reached";

  private final long limit;
  private final boolean explicit;
  private final String source;
  private final AtomicLong used = new AtomicLong();
  /** The most bytes reserved at any moment ({@link #peak}). */
  private final AtomicLong peak = new AtomicLong();

  /** A budget of {@code limit} bytes; {@code explicit} when the user chose it (the message then says so). */
  MemoryBudget(long limit, boolean explicit) {
    this.limit = limit;
    this.explicit = explicit;
    this.source = explicit ? "--memory" : defaultSource();
  }

  /** The budget for {@code memoryBytes} as given in the options: ≤ 0 means the default, {@link #defaultLimit()}. */
  public static MemoryBudget of(long memoryBytes) {
    return memoryBytes > 0 ? new MemoryBudget(memoryBytes, true) : new MemoryBudget(defaultLimit(), false);
  }

  /** Where the limit comes from, e.g. {@code --memory} or {@code 70% of the free JVM heap (heap 21.0 GiB, ...)}. */
  public String source() {
    return source;
  }

  /**
   * The limit a search given {@code memoryBytes} (≤ 0: the default) would have now, and where it comes from, as the
   * start line prints it: e.g. {@code 14.6 GiB (70% of the free JVM heap; heap 21.0 GiB, set by the launcher from
   * 24.0 GiB of RAM)}.
   */
  public static String describe(long memoryBytes) {
    return memoryBytes > 0 ? gib(memoryBytes) + " (--memory)" : gib(defaultLimit()) + " (" + defaultSource() + ")";
  }

  /** E.g. {@code 70% of the free JVM heap; heap 21.0 GiB, set by the launcher from 24.0 GiB of RAM}. */
  static String defaultSource() {
    String heap = "heap " + gib(Runtime.getRuntime().maxMemory());
    long ram = physicalMemory();
    if ("auto".equals(System.getProperty(LAUNCHER_HEAP))) {
      heap += ", set by the launcher" + (ram > 0 ? " from " + gib(ram) + " of RAM" : " from the machine's memory");
    } else {
      heap += ", the JVM's maximum" + (ram > 0 ? ", of " + gib(ram) + " of RAM" : "");
    }
    return DEFAULT_SHARE_PERCENT + "% of the free JVM heap; " + heap;
  }

  /** The machine's physical memory in bytes, or 0 when the JVM does not say. */
  static long physicalMemory() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return 0;
  }

  /** {@code bytes} in GiB with one decimal, e.g. {@code 1.2 GiB}; below 1 GiB in MiB ({@link #mib}). */
  public static String gib(long bytes) {
    return bytes < (1L << 30) ? mib(bytes) : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
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

  /** Whether the user chose the limit ({@code --memory}). */
  boolean explicit() {
    return explicit;
  }

  /** The limit in bytes. */
  public long limit() {
    return limit;
  }

  /** Bytes reserved so far. */
  long used() {
    return used.get();
  }

  /**
   * The most bytes reserved at any moment so far: the high-water mark, which includes what was held only for a moment
   * (a table's old and new arrays while it grows), unlike samples of {@link #used}.
   */
  long peak() {
    return peak.get();
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
    raisePeak(now + bytes);
  }

  private void raisePeak(long now) {
    long had = peak.get();
    while (now > had && !peak.compareAndSet(had, now)) {
      had = peak.get();
    }
  }

  /**
   * Counts {@code bytes} already allocated (a structure's small fixed part, made before the search starts) even
   * beyond the limit: the search then stops at its first reservation, with nothing stored.
   */
  void charge(long bytes) {
    raisePeak(used.addAndGet(bytes));
  }

  /** Gives back {@code bytes} reserved earlier (a buffer the search dropped). */
  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** The stop reason of a search this budget stopped, e.g. {@code memory limit reached (512 MiB; ...)}. */
  public String stopReason() {
    String size = mib(limit);
    return explicit
        ? STOP_PREFIX + " (" + size + ", the --memory limit; raise it with --memory, up to what the heap holds)"
        : STOP_PREFIX + " (" + size + ", the default: " + DEFAULT_SHARE_PERCENT + "% of the free JVM heap;"
            + " give the JVM more with BALLOT_JAVA_OPTS, e.g. -Xmx8g, or store signatures only with"
            + " --hash-compaction 40)";
  }

  /** {@code bytes} in MiB, with two decimals below 10 MiB. */
  static String mib(long bytes) {
    double m = bytes / (double) (1 << 20);
    return m < 10 ? String.format(Locale.ROOT, "%.2f MiB", m) : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
  }
}
