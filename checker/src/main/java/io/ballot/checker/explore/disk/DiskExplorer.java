package io.ballot.checker.explore.disk;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.checker.compile.InterpretFirst;
import io.ballot.checker.explore.LevelSpill;
import io.ballot.checker.explore.MemoryBudget;
import io.ballot.checker.explore.PendingViolation;
import io.ballot.checker.explore.PendingViolations;
import io.ballot.checker.explore.SearchOutcome;
import io.ballot.checker.explore.StateChecks;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Storage;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.TransitionSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Breadth-first search whose states live on disk ({@code --store disk}): level-synchronous, with delayed duplicate
 * detection. Each level is read from its file in order and expanded on the worker threads ({@link Expansion}); the
 * successors, in the order a search on one thread finds them, go into a bounded in-memory table that keeps the first
 * of equal ones; when it is full, and at the end of the level, the table is checked against every state seen
 * ({@link DiskSeenSet}: a Bloom filter and a recent-states cache in memory, sorted runs on disk read forward) and its
 * new states are appended to the next level's file with their parent links ({@link Levels}), and checked.
 *
 * <p>Because the new states keep the order and the parent a one-thread search gives them, the counts, the depth,
 * the violations and their (shortest) traces are those of the in-memory search ({@code BfsExplorer}), whose
 * parents follow the same rule; violations are settled per level, in an order of their content, and confirmed on
 * the replayed trace exactly as there. No liveness check (it needs the graph in memory) and no hash compaction.
 * With a {@link Checkpointer}, each complete level goes to the checkpoint too, in the in-memory search's format
 * ({@link DiskCheckpoint}), and a resumed search rebuilds its files from it.
 */
public final class DiskExplorer implements LevelSpill.Continuation {
  private static final long PROGRESS_NANOS = 500_000_000L;

  private final TransitionSystem ts;
  private final InterpretFirst engines;
  private final CheckOptions options;
  private final ProgressListener progress;
  private final Path parent; // where the store's directory goes; null: java.io.tmpdir
  private final boolean keep; // keep the files at the end (a directory the user chose)
  private final int words;
  private final int threads;
  private final MemoryBudget budget;
  private final SymmetryReduction symmetry;
  private final StateChecks checks;
  private final AtomicLongArray coverHits;
  private final long[] ruleFires;
  private final LongAdder rulesFired = new LongAdder();
  private final List<Violation> violations = new ArrayList<>();
  private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
  private final StateChecks.Sink sink = this::violation;
  private PendingViolations pending;
  private volatile boolean stop;
  private String stopReason;
  private long startNanos;
  private long lastReport;
  private long peakBytes;
  private Path dir;
  private Levels levels;
  private Partition[] parts;
  private Workers workers;
  private Levels.Level next; // the level being found
  private final DiskCheckpoint checkpoint; // null: no checkpoints
  private DiskReports reports;

  /**
   * A disk search of {@code ts}; its files go into a new directory under {@code dir}, kept at the end, or (null)
   * under {@code java.io.tmpdir}, deleted at the end.
   */
  public DiskExplorer(TransitionSystem ts, CheckOptions options, ProgressListener progress, Path dir) {
    this(ts, options, progress, dir, null);
  }

  /**
   * As above, writing checkpoints through {@code checkpoints} at level boundaries and continuing the one it read
   * when it has one ({@link Checkpointer#resumed()}, written by a disk or an in-memory search); null: none.
   */
  public DiskExplorer(TransitionSystem ts, CheckOptions options, ProgressListener progress, Path dir,
      Checkpointer checkpoints) {
    this.ts = ts;
    this.engines = ts instanceof InterpretFirst f ? f : null;
    this.options = options;
    this.progress = progress;
    this.parent = dir;
    this.keep = dir != null;
    this.words = ts.layout().words();
    this.threads = Math.max(1, Math.min(CheckOptions.MAX_THREADS, options.threads()));
    this.budget = MemoryBudget.of(options.memoryBytes());
    SymmetryReduction sym = SymmetryReduction.of(ts.layout(), options.symmetry());
    this.symmetry = sym.reduces() ? sym : null;
    this.coverHits = new AtomicLongArray(ts.coverStatementCount() + ts.propertyCount());
    this.ruleFires = new long[ts.ruleCount()];
    this.checks = new StateChecks(ts, coverHits);
    this.checkpoint = checkpoints == null ? null
        : new DiskCheckpoint(checkpoints, progress, Math.max(ts.ruleCount(), ts.startCount()));
  }

  /**
   * The fewest bytes a disk search of states of {@code words} words holds in memory, beyond its fixed buffers (a
   * block of each sorted run it reads, at most 1 MiB each, and the files' write buffers): its smallest candidate
   * table and cache, and a state and its successors per worker. Past the memory limit, states are too wide for it.
   */
  public static long minimumBytes(int words, int threads, int rules) {
    long state = (long) words * Long.BYTES;
    return state * (16 + 16 + (long) threads * (1 + Math.max(1, rules)));
  }

  /** The directory the search's files are in (null before {@link #run}). */
  public Path directory() {
    return dir;
  }

  /** Runs the search; the files are removed at the end unless the caller chose their directory. */
  @Override
  public Result run() {
    if (seeded == null) {
      startNanos = System.nanoTime();
      progress.memoryLimit(budget.limit(), budget.source());
    }
    lastReport = System.nanoTime();
    try {
      open();
      return search();
    } finally {
      close();
    }
  }

  /** Creates the directory and the structures, sized to the memory limit (once). */
  private void open() {
    if (levels != null) {
      return;
    }
    try {
      dir = parent == null ? Files.createTempDirectory("ballot-store-")
          : Files.createTempDirectory(Files.createDirectories(parent), "ballot-store-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the disk store under " + (parent == null
          ? System.getProperty("java.io.tmpdir") : parent) + ": " + e.getMessage(), e);
    }
    // One partition per thread, sharing the budget: 45 % for the candidate tables, 30 % for the Bloom filters, 10 %
    // for the recent-states caches.
    long limit = budget.limit();
    int n = threads;
    int capacity = (int) Math.max(16, Math.min(1 << 24, limit * 45 / 100 / n / CandidateTable.entryBytes(words)));
    long bloomBits = Math.min(1L << 34, limit * 30 / 100 * 8 / n);
    long cacheSlots = Math.max(16, Math.min(1 << 20, limit / 10 / n / ((words + 1) * 8L)));
    parts = new Partition[n];
    for (int p = 0; p < n; p++) {
      parts[p] = new Partition(dir, "seen-" + p + "-", words, capacity, bloomBits, cacheSlots, n);
    }
    workers = new Workers(threads);
    levels = new Levels(dir, words);
    pending = new PendingViolations(words, (id, out) -> levels.state(id, out));
    reports = new DiskReports(options, symmetry, levels, words, violations);
  }

  /** What the in-memory search handed over ({@link #seed}); null: the search starts from the start states. */
  private LevelSpill.Carried seeded;

  /**
   * Writes the in-memory search's levels to this search's files and takes over its counters and reports, so that
   * {@link #run} continues from its level boundary. The last level keeps its discovery order; the earlier ones
   * their id order (only the last one is expanded again, and only its order decides later parents). Parents become
   * positions through a map of the previous level's ids (an int per state of one level).
   */
  public void seed(LevelSpill.Levels in, LevelSpill.Carried carried) {
    startNanos = System.nanoTime() - (long) (carried.seconds() * 1e9);
    progress.memoryLimit(budget.limit(), budget.source());
    open();
    seeded = carried;
    long[] s = new long[words];
    int[] previous = new int[0];
    int previousFrom = 0;
    long position = 0;
    for (int d = 0; d < in.count(); d++) {
      int from = in.from(d);
      int to = in.from(d + 1);
      int[] map = new int[to - from];
      Levels.Level level = next = levels.start();
      int[] order = d == in.count() - 1 ? in.lastLevelOrder() : null;
      int n = order != null ? order.length : to - from;
      for (int k = 0; k < n; k++) {
        int id = order != null ? order[k] : from + k;
        if (in.isHole(id)) {
          continue;
        }
        in.get(id, s);
        int p = in.parent(id);
        int pp = p < 0 ? -1 : previous[p - previousFrom];
        level.states.append(s, 0);
        level.links.append(((long) pp << 32) | (in.rule(id) & 0xFFFFFFFFL));
        map[id - from] = (int) position;
        if (d == in.count() - 1 && in.blocked(id)) {
          blocked.add(position);
        }
        position++;
        long h = StateKeys.hash(s, 0, words);
        CandidateTable table = parts[Partition.of(h, parts.length)].table;
        if (table.add(h, s, 0, pp, in.rule(id)) && table.full()) {
          addKnownNew();
        }
      }
      previous = map;
      previousFrom = from;
    }
    addKnownNew();
    violations.addAll(carried.violations());
    rulesFired.add(carried.rulesFired());
    System.arraycopy(carried.ruleFires(), 0, ruleFires, 0, ruleFires.length);
    for (int i = 0; i < coverHits.length(); i++) {
      coverHits.set(i, carried.coverHits()[i]);
    }
    peakBytes = carried.peakBytes();
  }

  /** Adds the tables' states, all distinct and new, to the seen-sets, and empties them. */
  private void addKnownNew() {
    for (Partition p : parts) {
      p.lookUp(true);
      p.table.clear();
    }
  }

  private Result search() {
    long limit = budget.limit();
    int depth;
    Levels.Level current;
    if (seeded == null) {
      depth = 0;
      boolean fits = minimumBytes(words, threads, ruleFires.length) <= limit;
      if (!fits) {
        halt(budget.stopReason()); // not even its smallest tables fit: states of many megabytes each
      }
      if (fits && checkpoint != null && checkpoint.resumed() != null) {
        depth = resume();
        current = next;
      } else {
        current = next = levels.start();
        if (fits) {
          startStates();
        }
        flush();
        settle();
        levelDone(depth, current);
      }
    } else {
      depth = seeded.depth();
      current = next;
    }
    boolean exhausted = false;
    Expansion expansion = new Expansion(this, threads, budget.limit());
    while (true) {
      checkTimeLimit();
      if (stop) {
        break;
      }
      if (current.count() == 0 || (options.bound() > 0 && depth >= options.bound())) {
        exhausted = true;
        break;
      }
      try {
        next = levels.start();
        expansion.level(current);
        flush();
        settle();
      } catch (UncheckedIOException e) { // e.g. the disk is full: a stop with what was found, as a memory limit
        halt("the disk store failed: " + e.getMessage());
        break;
      }
      if (next.count() > 0) {
        depth++;
      }
      current = next;
      levelDone(depth, current);
      report(depth, current.count(), true);
    }
    if (checkpoint != null) {
      String failure = checkpoint.finish(stopReason == null, seconds());
      if (failure != null) {
        progress.checkpointFailed(failure);
      }
    }
    peakBytes = Math.max(peakBytes, memoryBytes());
    Storage storage = new Storage(limit, budget.source(), peakBytes, 0, 0, ts.layout().bits());
    return SearchOutcome.of(ts, options, new SearchOutcome.Search(violations, coverHits, ruleFires, stop,
        stopReason, exhausted, depth, levels.total(), rulesFired.sum(), seconds()), storage);
  }

  /** Hands {@code level}, just completed at {@code depth}, to the checkpoint (if any and the search was not halted). */
  private void levelDone(int depth, Levels.Level level) {
    if (checkpoint == null || stopReason != null) {
      return;
    }
    long[] hits = new long[coverHits.length()];
    java.util.Arrays.setAll(hits, coverHits::get);
    String failure = checkpoint.levelDone(depth, level, reports.drainReported(), blocked, rulesFired.sum(),
        ruleFires.clone(), hits, seconds());
    if (failure != null) {
      halt(failure);
    }
  }

  /**
   * Continues the checkpoint: its states go into the level files and the seen-sets ({@link DiskCheckpoint#restore});
   * then its counters, blocked states and violations (reported again in their order, traced from the stored
   * parents). Returns the depth of the level to expand.
   */
  private int resume() {
    Manifest m = checkpoint.resumed();
    next = checkpoint.restore(levels, parts, ruleFires.length, coverHits.length(), this::addKnownNew);
    rulesFired.add(m.rulesFired());
    System.arraycopy(m.ruleFires(), 0, ruleFires, 0, ruleFires.length);
    for (int i = 0; i < coverHits.length(); i++) {
      coverHits.set(i, m.coverHits()[i]);
    }
    for (int b : m.blocked()) {
      blocked.add((long) b);
    }
    settle(DiskCheckpoint.pending(m), false); // the checkpoint has them
    return m.depth();
  }

  /** Bytes the search holds in memory: the candidate tables and the seen-sets' filters, caches and indexes. */
  private long memoryBytes() {
    long b = 0;
    for (Partition p : parts == null ? new Partition[0] : parts) {
      b += p.memoryBytes();
    }
    return b;
  }

  /** Bytes the search's files take on disk now. */
  public long diskBytes() {
    long b = levels == null ? 0 : levels.bytes();
    for (Partition p : parts == null ? new Partition[0] : parts) {
      b += p.seen.diskBytes();
    }
    return b;
  }

  Partition[] partitions() {
    return parts;
  }

  Workers workers() {
    return workers;
  }

  private void startStates() {
    long[] s = new long[words];
    var canon = symmetry == null ? null : symmetry.canonicalizer();
    for (int i = 0; i < ts.startCount() && !stop; i++) {
      java.util.Arrays.fill(s, 0);
      try {
        if (!ts.runStart(i, s, countCovers)) {
          continue;
        }
      } catch (io.ballot.checker.ts.ModelError e) {
        violation(e.kind(), e.property(), e.location(), e.getMessage() + " (in " + ts.start(i).describe() + ")", -1,
            -1, -1);
        continue;
      }
      if (!checks.admits(now(), s, -1, i, sink)) {
        continue;
      }
      if (canon != null) {
        canon.canonicalize(s);
      }
      offer(s, 0, -1, i);
    }
  }

  /** Counts statement covers (sites first). */
  final Effects countCovers = new Effects() {
    @Override
    public void cover(int site) {
      coverHits.incrementAndGet(site);
    }

    @Override
    public void put(String text) {}
  };

  /** Takes successor {@code s[off ..]} of state {@code parent} by {@code rule}, in the order of a one-thread search. */
  private void offer(long[] s, int off, int parent, int rule) {
    long h = StateKeys.hash(s, off, words);
    if (parts[Partition.of(h, parts.length)].offer(h, s, off, parent, rule)) {
      flush();
    }
  }

  /**
   * Checks the candidate tables against the states seen (each partition on a worker), appends the new ones in the
   * order found (merged by parent and rule) to the level being found with their parent links, checks their
   * invariants and covers (on the workers), and empties the tables.
   */
  void flush() {
    try {
      workers.run(parts.length, false, p -> parts[p].lookUp(false));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      halt(io.ballot.checker.explore.BfsExplorer.INTERRUPTED);
      return;
    }
    int[] at = new int[parts.length];
    int[] added = new int[parts.length];
    while (true) {
      int best = -1;
      long bestKey = 0;
      for (int p = 0; p < parts.length; p++) {
        Partition part = parts[p];
        while (at[p] < part.table.size && !part.fresh[at[p]]) {
          at[p]++;
        }
        if (at[p] < part.table.size && (best < 0 || part.key(at[p]) < bestKey)) {
          best = p;
          bestKey = part.key(at[p]);
        }
      }
      if (best < 0) {
        break;
      }
      long id = levels.total();
      if (id >= Integer.MAX_VALUE) {
        halt("the disk store holds at most " + Integer.MAX_VALUE + " states");
        break;
      }
      Partition part = parts[best];
      int i = at[best]++;
      next.states.append(part.table.values, i * words);
      next.links.append(bestKey);
      part.ids[added[best]++] = id;
    }
    if (checks.checksStates()) {
      TransitionSystem engine = now();
      try {
        workers.run(parts.length, false, p -> check(engine, parts[p], added[p]));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        halt(io.ballot.checker.explore.BfsExplorer.INTERRUPTED);
      }
    }
    for (Partition p : parts) {
      p.table.clear();
    }
  }

  /** Checks the first {@code n} new states of partition {@code p} (numbered by {@link #flush}). */
  private void check(TransitionSystem engine, Partition p, int n) {
    CandidateTable t = p.table;
    int k = 0;
    for (int i = 0; i < t.size && k < n; i++) {
      if (!p.fresh[i]) {
        continue;
      }
      long id = p.ids[k++];
      System.arraycopy(t.values, i * words, p.scratch, 0, words);
      if (!checks.check(engine, p.scratch, (int) id, sink)) {
        blocked.add(id);
      }
    }
  }

  boolean blocked(long id) {
    return !blocked.isEmpty() && blocked.contains(id);
  }

  boolean stopped() {
    return stop;
  }

  int words() {
    return words;
  }

  StateChecks checks() {
    return checks;
  }

  StateChecks.Sink sink() {
    return sink;
  }

  SymmetryReduction symmetry() {
    return symmetry;
  }

  DeadlockMode deadlock() {
    return options.deadlock();
  }

  long[] ruleFires() {
    return ruleFires;
  }

  int ruleFiresLength() {
    return ruleFires.length;
  }

  LongAdder rulesFired() {
    return rulesFired;
  }

  /** The engine for states expanded so far: {@link InterpretFirst}'s choice, or the one transition system. */
  TransitionSystem engineFor(long expanded) {
    return engines == null ? ts : engines.grown(expanded, System.nanoTime() - startNanos);
  }

  /** The engine to call outside the workers. */
  private TransitionSystem now() {
    return engines == null ? ts : engines.current();
  }

  /** Between chunks of a level: progress every half second, the time limit, a stop request. */
  void between(long queued) {
    checkTimeLimit();
    if (System.nanoTime() - lastReport >= PROGRESS_NANOS) {
      report(-1, queued, false);
    }
  }

  private void report(int depth, long queued, boolean levelEnd) {
    lastReport = System.nanoTime();
    long bytes = memoryBytes();
    peakBytes = Math.max(peakBytes, bytes);
    progress.progress(levels.total(), rulesFired.sum(), depth, queued, seconds(), bytes);
    if (progress.stopRequested()) {
      halt(io.ballot.checker.explore.BfsExplorer.INTERRUPTED);
    }
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void checkTimeLimit() {
    if (options.timeLimitSeconds() > 0 && seconds() > options.timeLimitSeconds()) {
      halt("time limit reached (" + options.timeLimitSeconds() + " s)");
    }
  }

  void halt(String reason) {
    synchronized (violations) {
      if (stopReason == null) {
        stopReason = reason;
      }
      stop = true;
    }
  }

  void violation(
      ViolationKind kind, String property, SourceLocation where, String message, int at, int rule, int prop) {
    pending.add(new PendingViolation(kind, property, where, message, at, rule, prop));
  }

  /** Reports the violations of the level just finished, as the in-memory search does. */
  private void settle() {
    if (!pending.isEmpty()) {
      settle(pending.drain(), checkpoint != null);
    }
  }

  /** Reports {@code list} in its order, up to {@code --max-errors}; {@code record}: notes them for the checkpoint. */
  private void settle(List<PendingViolation> list, boolean record) {
    if (reports.settle(list, now(), record)) {
      stop = true;
    }
  }

  /** Removes what {@link #seed} wrote when the search will not run. */
  void abandon() {
    close();
  }

  private void close() {
    if (levels != null) {
      levels.close();
    }
    if (parts != null) {
      for (Partition p : parts) {
        if (System.getProperty("ballot.diskStats") != null) { // a benchmark's look inside (bench/disk.sh)
          System.err.println("disk store partition: " + p.seen.stats());
        }
        p.close();
      }
    }
    if (workers != null) {
      workers.close();
      workers = null;
    }
    if (!keep && dir != null) {
      StoreDirectory.delete(dir);
    }
  }
}
