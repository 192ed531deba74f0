package io.ballot.checker.explore;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Storage;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.compile.InterpretFirst;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Breadth-first exploration, level by level, on several threads. Each level's states are expanded in parallel;
 * the successors that are new form the next level. Because a level is finished before the next one starts, every
 * state's recorded parent is at the previous depth: every counterexample is a shortest one, and the set of states
 * (hence the counts and the verdict) does not depend on the number of threads. Neither do the counterexamples: each
 * state keeps the parent a search on one thread would have recorded ({@link DiscoveryOrder}), and a level's
 * violations are reported in an order of their content ({@link PendingViolations}).
 *
 * <p>Per successor, as Rumur does: top-level assumptions (failing: the successor is dropped), then invariants,
 * then insertion; covers are counted on new states; a state none of whose enabled rules changes it (or, with
 * {@code stuck}, with no enabled rule) is a deadlock. Liveness is checked after the search, on the whole graph.
 */
public final class BfsExplorer {
  private static final int BATCH = 512;
  private static final long PROGRESS_MILLIS = 500;

  private final TransitionSystem ts;
  /** When the search starts on the interpreter and switches to compiled code as it grows; else null. */
  private final InterpretFirst engines;
  private final CheckOptions options;
  private final ProgressListener progress;
  /** The stop reason when {@link ProgressListener#stopRequested()} stopped the search. */
  public static final String INTERRUPTED = "interrupted";
  private final StateStore store;
  private SeenSet seen;
  /** The seen-set under hash compaction ({@code --hash-compaction}); null in an exact search. */
  private final CompactedSeenSet compacted;
  /** The exact seen-set that keeps found states as values, inline or tree-compressed ({@link InlineSeenSet}); or null. */
  private InlineSeenSet inline;
  /** When the records are to move to the tree-compressed set as the memory limit nears ({@link WideStoreSwitch}); or null. */
  private WideStoreSwitch wideSwitch;
  /**
   * The most bytes the search held at a progress report (the end of a level, or every half second); the report's
   * peak is the budget's high-water mark ({@link MemoryBudget#peak}), which this never exceeds.
   */
  private long peakBytes;
  private final DiscoveryOrder order;
  private final SymmetryReduction symmetry; // null: no reduction
  private final int words;
  private final LongAdder rulesFired = new LongAdder();
  private final AtomicLongArray coverHits;
  /** Firings per rule instance, merged from each worker's own counters when it finishes a level. */
  private final long[] ruleFires;
  private final ViolationReports reports;
  /** The violations reported ({@link ViolationReports#list}). */
  private final List<Violation> violations;
  /** Assumptions, invariants and covers, as every strategy checks them. */
  private final StateChecks checks;
  /** Where {@link #checks} report: {@link #violation}. */
  private final StateChecks.Sink sink = this::violation;
  private final boolean checksStates; // whether a new state has invariants or covers to check
  private final MemoryBudget budget;
  /** Worker threads: the options' count, at most {@link CheckOptions#MAX_THREADS} whatever the caller passed. */
  private final int threads;
  private volatile boolean stop;
  private String stopReason;
  private long startNanos;
  /** Whether a level of {@code options.singleThreadUntil()} states has been reached: from then on all threads work. */
  private boolean warmedUp;

  public BfsExplorer(TransitionSystem ts, CheckOptions options, ProgressListener progress) {
    this(ts, options, progress, null);
  }

  /**
   * A search that writes checkpoints through {@code checkpoints} at level boundaries, and continues the one it read
   * when it has one ({@link Checkpointer#resumed()}); null: none. Not for models with liveness properties.
   */
  public BfsExplorer(TransitionSystem ts, CheckOptions options, ProgressListener progress, Checkpointer checkpoints) {
    this.ts = ts;
    this.engines = ts instanceof InterpretFirst f ? f : null;
    this.options = options;
    this.progress = progress;
    this.words = ts.layout().words();
    this.threads = Math.max(1, Math.min(CheckOptions.MAX_THREADS, options.threads()));
    this.budget = MemoryBudget.of(options.memoryBytes());
    int ruleLimit = Math.max(ts.ruleCount(), ts.startCount());
    // A tree from the start keeps the states' root pairs as records, not the states ({@link InlineSeenSet}).
    this.store = options.hashCompactionBits() == 0 && StateChecks.of(ts, PropertyKind.LIVENESS).length == 0
        && InlineSeenSet.byReference(ts.layout().bits(), options.wideStore())
        ? StateStore.ofReferences(words, ruleLimit, budget)
        : new StateStore(ts.layout().bits(), words, ruleLimit, budget);
    this.pending = new PendingViolations(store);
    SymmetryReduction sym = SymmetryReduction.of(ts.layout(), options.symmetry());
    this.symmetry = sym.reduces() ? sym : null;
    this.reports = new ViolationReports(store, symmetry, options);
    this.violations = reports.list();
    // Liveness needs every state's id: not kept by the inline or tree-compressed set.
    InlineSeenSet byValue = options.hashCompactionBits() > 0 || StateChecks.of(ts, PropertyKind.LIVENESS).length > 0
        ? null : InlineSeenSet.forBits(store, ts.layout().bits(), options.wideStore());
    if (options.hashCompactionBits() > 0) {
      this.compacted = new CompactedSeenSet(store, options.hashCompactionBits(), ts.layout().bits(), ts,
          symmetry == null ? null : symmetry.canonicalizer());
      this.seen = compacted;
      this.inline = null;
    } else if (byValue != null) {
      this.compacted = null;
      this.inline = byValue;
      this.seen = inline;
    } else {
      this.compacted = null;
      this.inline = null;
      this.seen = new StripedStateTable(store, ts.layout().bits() <= 32);
      boolean wide = TreeStateTable.fits(ts.layout().bits()) && !InlineStateTable.fits(ts.layout().bits());
      if (wide && options.wideStore() == CheckOptions.WideStore.AUTO && options.hashCompactionBits() == 0
          && StateChecks.of(ts, PropertyKind.LIVENESS).length == 0) {
        this.wideSwitch = new WideStoreSwitch(store, ts.layout().bits());
      }
    }
    this.coverHits = new AtomicLongArray(ts.coverStatementCount() + ts.propertyCount());
    this.ruleFires = new long[ts.ruleCount()];
    this.checks = new StateChecks(ts, coverHits);
    this.order = new DiscoveryOrder(budget, Math.max(ts.ruleCount(), ts.startCount()));
    order.boundBy(store);
    if (StateChecks.of(ts, PropertyKind.LIVENESS).length == 0) {
      order.keepInPlace(); // only the liveness check reads the id order: no records to move nor ids to translate
    }
    this.checksStates = checks.checksStates();
    this.checkpoint = checkpoints == null ? null
        : new CheckpointBridge(checkpoints, store, progress, Math.max(ts.ruleCount(), ts.startCount()));
  }

  /** Checkpoints (null: none), and the violations reported since the last level it was given. */
  private final CheckpointBridge checkpoint;
  private final List<PendingViolation> reported = new ArrayList<>();

  /** Hands the level just completed, ids {@code from .. to - 1}, to the checkpoint (if any). */
  private void levelDone(int depth, int from, int to) {
    if (checkpoint != null && stopReason == null) {
      long[] hits = new long[coverHits.length()];
      java.util.Arrays.setAll(hits, coverHits::get);
      String failure = checkpoint.levelDone(depth, from, to, order.levelOrder(), order.levelCount(), reported, blocked,
          new CheckpointBridge.Tally(rulesFired.sum(), ruleFires.clone(), hits), seconds());
      reported.clear();
      if (failure != null) {
        halt(failure);
      }
    }
  }

  /** Continues the checkpoint: its states, counters, violations and blocked states; returns the level to expand. */
  private int resume() {
    CheckpointBridge.Restored r = checkpoint.restore(seen, ruleFires.length, coverHits.length());
    rulesFired.add(r.tally().rulesFired());
    System.arraycopy(r.tally().ruleFires(), 0, ruleFires, 0, ruleFires.length);
    for (int i = 0; i < coverHits.length(); i++) {
      coverHits.set(i, r.tally().coverHits()[i]);
    }
    for (int b : r.blocked()) {
      block(b);
    }
    settle(r.violations());
    reported.clear(); // the checkpoint has them
    return r.from();
  }

  /**
   * Bytes reserved by the search: its threads' buffers, the stored states' chunks and their index, the discovery
   * order's arrays.
   */
  private long bytesUsed() {
    return budget.used();
  }

  /**
   * Bytes each thread holds per state being worked on: the state, its successor and a copy to check (and the
   * canonicaliser's, with symmetry reduction), as {@code long}s. Reserved once, up front: a state of hundreds of
   * megabytes stops the search at once rather than exhausting the heap in a worker.
   */
  private long threadBytes() {
    return (symmetry == null ? 3L : 5L) * words * Long.BYTES + 64;
  }

  /** Counts statement covers (sites first, then top-level cover properties). */
  private final Effects effects =
      new Effects() {
        @Override
        public void cover(int site) {
          coverHits.incrementAndGet(site);
        }

        @Override
        public void put(String text) {}
      };

  /** The stop reason when the search handed its states over to the disk search ({@link #spillTo}). */
  public static final String SPILLED = "continued on disk";
  private LevelSpill spill;
  private LevelSpill.Continuation continuation;
  /** When to hand over to {@link #spill}; null: never. */
  private SpillPoint spillPoint;

  /**
   * Hands the states over to {@code spill} at the first level boundary where the next level is not expected to fit
   * in the memory limit (the last level's size times its growth, at the bytes per state held so far); the search
   * then stops with {@link #SPILLED} and {@link #continuation()} continues it. A wide model's records move to the
   * tree-compressed store first when it leaves room ({@link #moveToTree}): {@code spill} is told so ({@link
   * LevelSpill#compacted}) and no hand-over by id follows.
   */
  public void spillTo(LevelSpill spill) {
    // States kept as values or signatures ({@link InlineSeenSet}, {@link CompactedSeenSet}) drop their records once
    // their level is found: there is nothing to hand over by id, so such a search, at its limit, stops and the
    // caller searches again on disk from the start.
    boolean byId = inline == null && compacted == null;
    this.spill = byId ? spill : null; // a wide model's records still move to the tree first ({@link #moveToTree})
    if (this.spill != null && wideSwitch != null) {
      wideSwitch.handOverPossible();
    }
    this.spillPoint = spill == null || !byId ? null : new SpillPoint(store, budget);
  }

  /** The search that continues this one on disk, once {@link #run} returned after a hand-over; else null. */
  public LevelSpill.Continuation continuation() {
    return continuation;
  }

  /** The ids of the level from {@code from}, to expand next, in discovery order; null when that is their id order. */
  private int[] frontierOrder(int from) {
    int[] offsets = order.levelOrder();
    if (offsets == null) {
      return null;
    }
    int[] ids = new int[order.levelCount()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = from + offsets[k];
    }
    return ids;
  }

  private LevelSpill.Carried carried(int depth) {
    long[] hits = new long[coverHits.length()];
    java.util.Arrays.setAll(hits, coverHits::get);
    return new LevelSpill.Carried(List.copyOf(violations), rulesFired.sum(), ruleFires.clone(), hits, depth,
        seconds(), Math.max(peakBytes, budget.peak()));
  }

  public Result run() {
    startNanos = System.nanoTime();
    progress.memoryLimit(budget.limit(), budget.source());
    int depth = 0;
    int from = 0; // the current level: the states with ids from .. to - 1
    boolean resumed = checkpoint != null && checkpoint.resuming();
    try {
      budget.reserve((threads + 1) * threadBytes());
      if (resumed) {
        from = resume();
        depth = checkpoint.depth();
      } else {
        startStates();
      }
    } catch (MemoryLimitReached e) {
      halt(e.getMessage());
    }
    settleViolations();
    levelFound(0, store.idLimit(), null);
    boolean exhausted = false; // every reachable state (within the bound) expanded
    int to = store.idLimit();
    if (!resumed) {
      levelDone(depth, from, to);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ParallelParts betweenLevels = new ParallelParts(pool, threads, 1 << 14);
    try {
      while (true) {
        checkTimeLimit();
        if (stop) {
          break;
        }
        if (from >= to || (options.bound() > 0 && depth >= options.bound())) {
          exhausted = true;
          break;
        }
        LevelPhase phase = LevelPhase.begin("expand", depth, to - from);
        expandLevel(from, to, pool);
        phase.commit();
        if (inline != null) {
          inline.levelBuilt(); // its index first: the ranking's arrays then do not add to it
        }
        if (order.tracking()) {
          phase = LevelPhase.begin("finishLevel", depth, to - from);
          finishLevel(from, to, betweenLevels);
          phase.commit();
        }
        phase = LevelPhase.begin("levelFound", depth, to - from);
        settleViolations();
        levelFound(to, store.idLimit(), betweenLevels);
        phase.commit();
        from = to;
        to = store.idLimit();
        if (from < to) {
          depth++;
        }
        boolean handOver = false; // the tree does not fit either: to disk now
        if (wideSwitch != null && !stop && wideSwitch.due(from, to, bytesUsed())) {
          phase = LevelPhase.begin("wideStore", depth, to - from);
          handOver = !moveToTree(from, to, depth, betweenLevels);
          phase.commit();
        }
        phase = LevelPhase.begin("report", depth, to - from);
        levelDone(depth, from, to);
        report(depth, to - from);
        phase.commit();
        if (spillPoint != null && !stop && (spillPoint.due(from, to, bytesUsed()) || handOver)) {
          String failure = checkpoint == null ? null : checkpoint.finish(false, seconds()); // to resume on disk
          if (failure != null) {
            halt(failure);
            break;
          }
          continuation = spill.spill(
              spillPoint.levels(to, frontierOrder(from), this::blocked), carried(depth));
          halt(SPILLED);
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    if (checkpoint != null) {
      String failure = checkpoint.finish(stopReason == null, seconds());
      if (failure != null) {
        progress.checkpointFailed(failure);
      }
    }
    if (!stop && violations.isEmpty()) {
      checkLiveness();
    }
    peakBytes = Math.max(peakBytes, budget.peak()); // the samples miss what was held only for a moment
    Storage storage = new Storage(budget.limit(), budget.source(), peakBytes,
        compacted == null ? 0 : compacted.bits(), compacted == null ? 0 : compacted.omissionBound(), ts.layout().bits());
    return SearchOutcome.of(ts, options, new SearchOutcome.Search(violations, coverHits, ruleFires, stop, stopReason,
        exhausted, depth, store.size(), rulesFired.sum(), seconds()), storage);
  }

  /**
   * Ranks the level just built (ids {@code to ..}, found by expanding {@code from .. to - 1}) in discovery order and
   * gives each state its least parent. Then either the level keeps its ids and is expanded in that order ({@link
   * DiscoveryOrder#finishLevelInPlace}), or (with liveness properties, whose check reads the id order) it is
   * renumbered so ({@link DiscoveryOrder#finishLevel}) and the ids that the seen-set, the pending violations and the
   * blocked states hold of it are translated; when the level's records cannot be copied within the memory limit,
   * its states keep their ids (and their least parents) and the search stops.
   */
  private void finishLevel(int from, int to, ParallelParts parallel) {
    if (!warmedUp) { // one thread built it: in discovery order already
      order.finishLevelAlone(to, store.idLimit());
      return;
    }
    if (order.inPlace()) {
      try {
        order.finishLevelInPlace(store, from, to, store.idLimit(), parallel);
      } catch (MemoryLimitReached e) { // the ranking's arrays did not fit: least parents written, in id order
        halt(e.getMessage());
      }
      return;
    }
    Renumbering r;
    try {
      r = order.finishLevel(store, from, to, store.idLimit(), parallel);
    } catch (MemoryLimitReached e) {
      halt(e.getMessage());
      return;
    }
    LevelPhase phase = LevelPhase.begin("renumberSeen", -1, r.count());
    seen.renumber(r, parallel);
    phase.commit();
    pending.renumber(r);
    if (anyBlocked) {
      List<Integer> moved = new ArrayList<>();
      for (int b : blocked) {
        if (b >= r.from && b < r.limit) {
          moved.add(b);
        }
      }
      blocked.removeAll(moved);
      for (int b : moved) {
        blocked.add(r.map(b));
      }
    }
  }

  /**
   * Moves the links of the levels already expanded to the store's file and, under hash compaction or the inline
   * seen-set, hands the level just found (ids {@code from .. limit - 1}) to the seen-set, which keeps their
   * signatures or values and drops the states no longer expanded ({@link CompactedSeenSet#levelFound}); the inline
   * seen-set's inserts run in {@code parallel}'s parts (null: on this thread).
   */
  private void levelFound(int from, int limit, ParallelParts parallel) {
    // Only traces read the links of the levels already expanded; the level just found has its final parents too
    // (finishLevel ran), and, kept by value, no hand-over reads them: they go as well, but for a checkpoint, which
    // writes the level from memory in its expansion order.
    store.spillLinksBelow(inline != null && checkpoint == null ? limit : from);
    if ((compacted != null || inline != null) && !stop) {
      try {
        if (compacted != null) {
          compacted.levelFound(from, limit);
        } else {
          inline.levelFound(from, limit, parallel);
        }
      } catch (MemoryLimitReached e) {
        halt(e.getMessage());
      }
    }
  }

  /**
   * Moves the states found so far (ids below {@code to}, to depth {@code depth}) to the tree-compressed set ({@link
   * WideStoreSwitch}). When the search can hand over to disk ({@link #spillTo}), returns false, the records kept,
   * if the tree does not fit or is not expected to hold the next level; else the search, by value from now on, can
   * no longer hand over by id. Without a hand-over, a tree that does not fit stops the search.
   */
  private boolean moveToTree(int from, int to, int depth, ParallelParts parallel) {
    WideStoreSwitch move = wideSwitch;
    wideSwitch = null;
    StripedStateTable records = (StripedStateTable) seen;
    long before = bytesUsed();
    TreeStateTable tree;
    try {
      tree = move.build(to, parallel);
    } catch (MemoryLimitReached e) {
      if (spill != null) {
        return false;
      }
      halt(e.getMessage());
      return true;
    }
    long both = bytesUsed();
    peakBytes = Math.max(peakBytes, both); // the tree was built beside the records
    if (spill != null && !move.treeFits(before, both - records.indexBytes() - store.recordBytesBelow(from))) {
      tree.dispose();
      return false;
    }
    inline = move.commit(tree, records, from);
    seen = inline;
    long after = bytesUsed();
    progress.storeCompacted(store.size(), before, after);
    if (spill != null) {
      spill.compacted(store.size(), depth, before, after);
      spill = null;
      spillPoint = null;
    }
    return true;
  }

  private double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Stops the search when the time limit is past; checked between levels, and every half second within one. */
  private void checkTimeLimit() {
    if (options.timeLimitSeconds() > 0 && seconds() > options.timeLimitSeconds()) {
      halt("time limit reached (" + options.timeLimitSeconds() + " s)");
    }
  }

  private void report(int depth, long queued) {
    long bytes = bytesUsed();
    peakBytes = Math.max(peakBytes, bytes);
    StoreBytes.emit(depth, store, inline, order.bytes(), bytes);
    progress.progress(store.size(), rulesFired.sum(), depth, queued, seconds(), bytes);
    if (progress.stopRequested()) {
      halt(INTERRUPTED);
    }
  }

  // ------------------------------------------------------------------------------------------ start states

  private void startStates() {
    Lane lane = new Lane();
    try {
      startStates(lane);
    } finally {
      store.release(lane.appender);
    }
  }

  private void startStates(Lane lane) {
    long[] s = new long[words];
    for (int i = 0; i < ts.startCount() && !stop; i++) {
      java.util.Arrays.fill(s, 0);
      try {
        if (!ts.runStart(i, s, effects)) {
          continue;
        }
      } catch (ModelError e) {
        violation(e.kind(), e.property(), e.location(), e.getMessage() + " (in " + ts.start(i).describe() + ")", -1,
            -1, -1);
        continue;
      }
      admit(lane, s, -1, -1, i);
    }
    checkStored(lane);
  }

  // ------------------------------------------------------------------------------------------ one level

  /**
   * Expands the states with ids {@code from .. to - 1} (one level; their new successors are appended to the store
   * and so form the next level) on the pool's threads (one of them while the levels are small), and reports
   * progress meanwhile.
   */
  private void expandLevel(int from, int to, ExecutorService pool) {
    warmedUp |= to - from >= options.singleThreadUntil();
    int workers = warmedUp ? threads : 1;
    // From the first level, even while one thread expands them: the tracking paths then run before the JIT compiles
    // the expansion loop, which it would otherwise recompile when several threads start (see ParentOffers.alone).
    if (threads > 1 && options.parents() == CheckOptions.Parents.LEAST) { // FIRST: measurement only, no tracking
      order.startTracking(from, to);
    }
    // The states of the levels already expanded are values in the seen-set, their records dropped at the level's
    // end: dropped as soon as expanded instead. Not with a checkpoint, which a stop within the level writes from
    // the level's records.
    Level level = new Level(from, to, order.levelOrder(), order.levelCount(),
        inline != null && checkpoint == null ? new LevelRelease(store, from, to) : null);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < workers; t++) {
      futures.add(pool.submit(new Worker(level)));
    }
    try {
      for (Future<?> f : futures) {
        await(f, level);
      }
    } catch (RuntimeException | Error e) {
      stop = true; // e.g. the progress listener cancelled the run: the level's workers stop at their next state
      throw e;
    }
  }

  /**
   * Waits for a worker to finish its level, reporting progress every half second meanwhile. The reports come from
   * here, the thread that waits anyway, rather than from the workers: a worker's loop then has no clock to read and
   * no branch that is first taken after the JIT compiled it (which would deoptimise the loop).
   */
  private void await(Future<?> f, Level level) {
    while (true) {
      try {
        f.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        long queued = Math.max(0, level.size - level.cursor.get()) + Math.max(0, store.idLimit() - level.to);
        long bytes = bytesUsed();
        peakBytes = Math.max(peakBytes, bytes);
        progress.progress(store.size(), rulesFired.sum(), -1, queued, seconds(), bytes);
        if (progress.stopRequested()) {
          halt(INTERRUPTED);
        }
        checkTimeLimit();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        halt(INTERRUPTED);
        return;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error; // OutOfMemoryError, StackOverflowError: the caller reports a resource limit
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Expands batches of a level's states, taken from a shared cursor; new successors go to the store. Built by the
   * thread that submits the level, so it holds only what that thread writes; what a worker writes per state is
   * allocated by the worker's own thread ({@link Scratch}).
   */
  private final class Worker implements Runnable {
    private final Level level;

    Worker(Level level) {
      this.level = level;
    }

    @Override
    public void run() {
      Scratch scratch = new Scratch();
      try {
        scratch.expandBatches(level);
      } catch (MemoryLimitReached e) {
        halt(e.getMessage());
      } finally {
        store.release(scratch.lane.appender);
        synchronized (ruleFires) {
          for (int r = 0; r < scratch.fires.length; r++) {
            ruleFires[r] += scratch.fires[r];
          }
        }
      }
    }
  }

  /**
   * One worker's buffers, counters and block of ids for one level. Allocated by the thread that uses it, in that
   * thread's own allocation buffer, so that the per-firing writes (the successor, the counters, the next id) never
   * share a cache line with another worker's, as they could when the submitting thread allocated all workers'
   * arrays side by side.
   */
  private final class Scratch {
    private final long[] state = new long[words];
    private final long[] next = new long[words];
    private final Lane lane = new Lane();
    private final long[] fires = new long[ts.ruleCount()];
    /** The engine this worker calls: {@link BfsExplorer#ts}, or the one {@link InterpretFirst} runs now. */
    private TransitionSystem t = ts;

    void expandBatches(Level level) {
      int base = level.from;
      while (!stop) {
        int from = level.cursor.getAndAdd(BATCH); // positions in the level: its discovery order
        if (from >= level.size) {
          return;
        }
        int to = Math.min(level.size, from + BATCH);
        long fired = 0; // flushed per batch: a shared counter per firing costs a fence
        int switchAt = Integer.MAX_VALUE;
        if (engines != null) {
          t = lane.ts = engines.grown(base + from, System.nanoTime() - startNanos);
          switchAt = engines.switchAt();
        }
        try {
          for (int k = from; k < to && !stop; k++) {
            if (base + k >= switchAt) { // only when a test asks for a switch at a given state
              t = lane.ts = engines.switchNow();
              switchAt = Integer.MAX_VALUE;
            }
            int id = level.id(k);
            if ((level.order != null || !store.isHole(id)) && !blocked(id)) { // an order lists no holes
              if (lane.offers != null) {
                lane.offers.expanding(k, to);
              }
              fired += expand(id, base + k);
            }
          }
        } finally {
          checkStored(lane); // the states stored before a memory limit stopped the batch are checked too
          rulesFired.add(fired);
        }
        // A violation found in the level may name a state of it, whose record its report reads: from then on the
        // level's records stay (a chunk is freed only when all its batches were told).
        if (level.release != null && !stop && pending.isEmpty()) {
          level.release.expanded(level, from, to);
        }
        checkTimeLimit();
      }
    }

    /**
     * Fires every enabled rule in state {@code id}, whose position in its level plus the level's first id is {@code
     * link} (its id unless the level keeps its ids out of discovery order: see {@link #admit}); returns how many fired.
     */
    private int expand(int id, int link) {
      store.get(id, state);
      boolean deadlock = true;
      int fired = 0;
      for (int r = 0; r < t.ruleCount() && !stop; r++) {
        try {
          if (!t.guard(r, state)) {
            continue;
          }
          System.arraycopy(state, 0, next, 0, words);
          if (!t.fire(r, state, next, effects)) {
            continue;
          }
        } catch (ModelError e) {
          violation(e.kind(), e.property(), e.location(), e.getMessage() + " (in rule " + t.rule(r).describe() + ")",
              id, r, -1);
          continue;
        }
        fired++;
        fires[r]++;
        if (options.deadlock() != DeadlockMode.STUTTERING || !java.util.Arrays.equals(state, next)) {
          deadlock = false;
        }
        admit(lane, next, id, link, r);
      }
      if (deadlock && options.deadlock() != DeadlockMode.OFF && !stop) {
        violation(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: no rule can change this state", id, -1, -1);
      }
      return fired;
    }
  }

  /**
   * What one thread needs to add states: its block of ids, its canonicaliser (null without reduction), and the
   * states it stored whose invariants and covers are still to be checked.
   */
  private final class Lane {
    final StateStore.Appender appender = store.appender();
    final Canonicalizer canonicalizer = symmetry == null ? null : symmetry.canonicalizer();
    final IntList unchecked = new IntList();
    final long[] state = new long[words];
    /** The engine that checks this lane's states (see {@link Scratch#t}). */
    TransitionSystem ts = BfsExplorer.this.ts;
    /** When a state of the level being found keeps its least parent: this thread's offers of parents; else null. */
    final ParentOffers offers = !order.tracking() ? null : warmedUp ? order.offers() : order.offers().alone();
  }


  /**
   * Puts a new state through assumptions and the seen-set. A new state is stored (and so is in the next level),
   * with {@code link} as its parent: {@code parent}'s id, or, when the levels keep their ids ({@link
   * DiscoveryOrder#keepInPlace}), its position in discovery order plus its level's first id, which the level's end
   * compares with the offers and makes an id ({@link DiscoveryOrder#finishLevelInPlace}). Its invariants and covers
   * are checked with those of the rest of its batch ({@link #checkStored}).
   */
  private void admit(Lane lane, long[] s, int parent, int link, int rule) {
    if (!checks.admits(lane.ts, s, parent, rule, sink)) {
      return;
    }
    if (lane.canonicalizer != null) {
      lane.canonicalizer.canonicalize(s);
    }
    int id = seen.add(lane.appender, s, link, rule);
    if (lane.offers != null) { // a state of the level being found keeps its least parent
      if (id >= 0) {
        lane.offers.stored(id);
      } else {
        lane.offers.seen(-1 - id, rule);
      }
    }
    if (id >= 0 && checksStates) {
      lane.unchecked.add(id);
    }
  }

  /**
   * Checks invariants and covers on the states {@code lane} stored since the last call; one that violates an
   * invariant is blocked from expansion. Called per batch, before the next level starts, so a violation is found in
   * the same level as when checked at insertion. Kept out of {@link #admit} so that the JIT compiles the model's
   * invariants apart from the insertion path: when an invariant's compiled code is deoptimised (a branch or loop
   * bound first seen deep in the search), only this small loop is compiled again, not the whole insertion path.
   */
  private void checkStored(Lane lane) {
    IntList ids = lane.unchecked;
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      store.get(id, lane.state);
      checkState(lane.ts, lane.state, id);
    }
    ids.clear();
  }

  /** Checks the invariants and covers of stored state {@code id}, whose value is {@code s}. */
  private void checkState(TransitionSystem ts, long[] s, int id) {
    if (!checks.check(ts, s, id, sink)) {
      block(id);
    }
  }

  /** States stored but not to be expanded: those that violate an invariant. Few, so a set. */
  private final java.util.Set<Integer> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean anyBlocked;

  private void block(int id) {
    blocked.add(id);
    anyBlocked = true;
  }

  private boolean blocked(int id) {
    return anyBlocked && blocked.contains(id);
  }

  /** The violations found during the current level, reported when the level is finished. */
  private final PendingViolations pending;

  /**
   * Notes a violation found in state {@code at} (a stored id whose trace is reported, or -1 before any state was
   * stored). It is reported when the current level is finished ({@link #settleViolations()}).
   */
  private void violation(
      ViolationKind kind, String property, SourceLocation where, String message, int at, int rule, int prop) {
    pending.add(new PendingViolation(kind, property, where, message, at, rule, prop));
  }

  /**
   * Reports the violations of the level just finished, in an order that depends only on their content ({@link
   * PendingViolations}), so that which violations are reported, like the counts, does not depend on the number of
   * threads; stops the search when {@code --max-errors} have been reported.
   */
  private void settleViolations() {
    if (!pending.isEmpty()) {
      settle(pending.drain());
    }
  }

  /** Reports {@code list}, in its order, up to {@code --max-errors} ({@link ViolationReports}). */
  private void settle(List<PendingViolation> list) {
    reports.settle(list, now(), checkpoint != null ? reported : null);
    if (reports.full()) {
      stop = true;
    }
  }

  /** The engine to call outside the workers' loop: the one {@link InterpretFirst} runs now, or {@link #ts}. */
  private TransitionSystem now() {
    return engines == null ? ts : engines.current();
  }

  private void halt(String reason) {
    synchronized (pending) { // any lock the workers share
      if (stopReason == null) {
        stopReason = reason;
      }
      stop = true;
    }
  }

  // ------------------------------------------------------------------------------------------ after the search

  private void checkLiveness() {
    List<Integer> live = new ArrayList<>();
    for (int p = 0; p < ts.propertyCount(); p++) {
      if (ts.propertyKind(p) == PropertyKind.LIVENESS) {
        live.add(p);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    if (compacted != null) { // the command line refuses this before the search; an embedding caller gets a reason
      halt("liveness not checked: hash compaction keeps no graph of the states (check without --hash-compaction)");
      return;
    }
    Graph g;
    TransitionSystem ts = now();
    try {
      g = Graph.of(ts, store, seen, symmetry == null ? null : symmetry.canonicalizer(), budget);
    } catch (MemoryLimitReached e) {
      halt(e.getMessage() + "; the liveness check needs the state graph in memory");
      return;
    }
    for (int p : live) {
      int bad = g.firstStateThatCannotReach(p, ts, store); // the first in discovery order: the least id
      if (bad == -2) {
        halt("liveness check failed: a property could not be evaluated");
        return;
      }
      if (bad >= 0) {
        Instance prop = ts.property(p);
        violation(ViolationKind.LIVENESS, prop.describe(), prop.location(),
            "liveness property \"" + prop.describe() + "\" violated: from the last state of this trace, no state"
                + " where it holds can be reached", bad, -1, -1);
        settleViolations();
        if (stop) {
          return;
        }
      }
    }
  }
}
