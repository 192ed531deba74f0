package io.ballot.cluster;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.PathCounterexample;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.ts.Tallies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Exact breadth-first search on Apache Spark, level by level. Each level is an RDD of one {@link StateBlock} per
 * partition (its new states packed end to end, with their parent links), the states placed by a hash of the canonical
 * state; beside it, one {@link SeenSet} per partition holds every state reached so far, partitioned the same way (so
 * it is never shuffled). A level's step is one Spark job of two stages: the executors expand the level's states and
 * ship their successors as blocks per destination partition, duplicates merged ({@link ExpandBlocks}); then each
 * partition's blocks are checked against its seen set, merged keeping the least parent link, the new states checked
 * ({@link MergeLevel}), and the next seen set built as a copy with them added. While the levels are small (at most
 * {@link #DEFAULT_NARROW_LIMIT} new states) the search runs on one partition instead, a level being one job of one
 * task that expands and merges without a shuffle (Spark's per-job cost is most of a small level's time); after the
 * first larger level the seen set is rebuilt over the run's partitions once, and the levels are partitioned from
 * then on. The driver gathers the level's counts and violations and stops at the first level with a violation (at
 * {@code --max-errors}). A counterexample is walked
 * back on the driver by looking its states up in their levels, then replayed and confirmed concretely ({@link
 * PathCounterexample}), so it is a shortest one and real. Counts, depth and verdict equal the local explorer's; the
 * {@link Result} is the same type, for every reporter.
 *
 * <p>With a {@link SparkCheckpoint}, complete levels are written at level boundaries and a resumed run starts from
 * the last one written. Progress after each level: states, states/s, the bytes of the cached levels and the bytes
 * shuffled ({@link ShuffleMeter}). Not yet: liveness (refused up front), memory limits. One instance per run; not
 * thread-safe.
 */
public final class SparkExplorer {
  /** The most successors a task puts in one block for one partition before it starts another. */
  static final int DEFAULT_BLOCK_LIMIT = 1 << 16;
  /** Levels run as one task, without a shuffle, until a level has more new states than this. */
  static final int DEFAULT_NARROW_LIMIT = 1 << 13;

  private final JavaSparkContext sc;
  private final ModelSpec spec;
  private final CheckOptions options;
  private final int partitions;
  private final ProgressListener progress;
  private final TaskFault fault;
  private final LoadedModel m;
  private final HashPartitioner partitioner;
  private final int words;
  private final List<JavaRDD<StateBlock>> levels = new ArrayList<>();
  private final List<Integer> levelPartitions = new ArrayList<>(); // each level's partitions: 1 while narrow
  private JavaRDD<SeenSet> seen;
  private int seenPartitions; // 1 while the levels are narrow, then the run's partitions
  private int blockLimit = DEFAULT_BLOCK_LIMIT;
  private int narrowLimit = DEFAULT_NARROW_LIMIT;
  private final List<Violation> violations = new ArrayList<>();
  private final long[] coverHits;
  private final long[] ruleFires;
  private final List<Long> levelSizes = new ArrayList<>();
  private long rulesFired;
  private long states;
  private boolean stop;
  private String stopReason;
  private long startNanos;
  private double secondsBefore; // search time of the runs before a resumed one
  private SparkCheckpoint checkpoint;
  private int checkpointedLevels;
  private long shuffleBytes;
  private ShuffleMeter meter;
  // the run's job groups' prefix: another run on the same context (several per JVM) has its own groups to meter
  private final String runTag = java.util.UUID.randomUUID().toString().substring(0, 8);

  /**
   * A run of the model {@code spec} describes on {@code sc} with {@code options} (its threads and memory are Spark's
   * business, ignored here), over {@code partitions} partitions (≤ 0: twice Spark's default parallelism).
   */
  public SparkExplorer(JavaSparkContext sc, ModelSpec spec, CheckOptions options, int partitions,
      ProgressListener progress) {
    this(sc, spec, options, partitions, progress, TaskFault.NONE);
  }

  /** As the other constructor, with {@code fault} called before each expansion task (for tests). */
  public SparkExplorer(JavaSparkContext sc, ModelSpec spec, CheckOptions options, int partitions,
      ProgressListener progress, TaskFault fault) {
    this.sc = sc;
    this.spec = spec;
    this.options = options;
    this.partitions = partitions > 0 ? partitions : 2 * sc.defaultParallelism();
    this.progress = progress;
    this.fault = fault;
    this.m = LoadedModels.get(spec);
    this.partitioner = new HashPartitioner(this.partitions);
    this.coverHits = new long[m.coverCounters()];
    this.ruleFires = new long[m.ts.ruleCount()];
    this.words = m.ts.layout().words();
  }

  /**
   * Runs levels as one task without a shuffle (expansion and merge in one stage) while they have at most {@code
   * limit} new states (0: never; tests force the partitioned path or an early switch); returns this.
   */
  SparkExplorer narrowLimit(int limit) {
    this.narrowLimit = Math.max(0, limit);
    return this;
  }

  /** Caps the successors per shipped block at {@code limit} (≥ 1; tests force small blocks); returns this. */
  SparkExplorer blockLimit(int limit) {
    this.blockLimit = Math.max(1, limit);
    return this;
  }

  /** Why this model cannot be checked on the cluster yet, or null when it can. */
  public static String unsupported(LoadedModel m) {
    return unsupported(m.model);
  }

  /** Why {@code model} cannot be checked on the cluster yet, or null when it can. */
  public static String unsupported(io.ballot.checker.ir.Model model) {
    if (model.properties().stream().anyMatch(p -> p.kind() == io.ballot.checker.ir.PropertyKind.LIVENESS)) {
      return "liveness properties are not checked by --engine spark yet (the check needs the whole state graph);"
          + " check this model with the local engine";
    }
    return null;
  }

  /** Writes checkpoints, or resumes, as {@code c} says (null: neither); returns this. */
  public SparkExplorer checkpoint(SparkCheckpoint c) {
    this.checkpoint = c;
    return this;
  }

  /** The bytes the run's levels shuffled (successors sent to their partitions), as Spark's listener reported them. */
  public long shuffleBytes() {
    return shuffleBytes;
  }

  /** The partitions of each level: 1 for the narrow levels, then the run's (tests see where a run switched). */
  List<Integer> levelPartitions() {
    return List.copyOf(levelPartitions);
  }

  /** The number of new states of each level, level 0 (the start states) first. */
  public List<Long> levelSizes() {
    return List.copyOf(levelSizes);
  }

  /** Explores the model; the Spark context stays open (the caller owns it). */
  public Result run() {
    String why = unsupported(m);
    if (why != null) {
      throw new UnsupportedOperationException(why);
    }
    startNanos = System.nanoTime();
    meter = new ShuffleMeter();
    sc.sc().addSparkListener(meter);
    try {
      return explore();
    } finally {
      sc.sc().removeSparkListener(meter);
      for (JavaRDD<StateBlock> level : levels) {
        level.unpersist(false);
      }
      if (seen != null) {
        seen.unpersist(false);
      }
    }
  }

  private Result explore() {
    int depth;
    long size;
    SparkCheckpoint.Saved saved = checkpoint == null ? null : checkpoint.resumed();
    if (saved != null) {
      depth = resume(saved);
      size = levelSizes.get(levelSizes.size() - 1);
      checkpointedLevels = levels.size();
      progress.progress(states, rulesFired, depth, size, seconds(), cachedBytes());
    } else {
      StartStates start = new StartStates(m, options.maxErrors());
      seenPartitions = start.states.size() <= narrowLimit ? 1 : partitions;
      JavaRDD<StateBlock> level0 = sc.parallelize(startBlocks(start, seenPartitions), seenPartitions)
          .persist(StorageLevel.MEMORY_AND_DISK());
      levels.add(level0);
      levelPartitions.add(seenPartitions);
      int w = words;
      seen = level0.map(b -> SeenSet.of(w, b)).persist(StorageLevel.MEMORY_AND_DISK());
      size = start.states.size();
      levelSizes.add(size);
      states = size;
      add(start.stats);
      settle(start.stats.found);
      depth = 0;
      writeCheckpoint(depth, false);
    }
    boolean exhausted = false;
    while (true) {
      checkLimits();
      if (stop) {
        break;
      }
      if (size == 0 || (options.bound() > 0 && depth >= options.bound())) {
        exhausted = true;
        break;
      }
      int k = levels.size() - 1;
      StatsAccumulator expanded = new StatsAccumulator();
      StatsAccumulator checked = new StatsAccumulator();
      sc.sc().register(expanded, "ballot-expanded-" + (k + 1));
      sc.sc().register(checked, "ballot-checked-" + (k + 1));
      ExpandBlocks expand =
          new ExpandBlocks(spec, k, options.maxErrors(), seenPartitions, blockLimit, expanded, fault);
      MergeLevel merge = new MergeLevel(spec, k + 1, options.maxErrors(), checked);
      JavaRDD<StateBlock> next = (seenPartitions == 1
          // a narrow level: one job of one task, which expands the level and merges against the seen set
          ? levels.get(k).zipPartitions(seen, (blocks, sets) -> merge.call(expand.call(blocks), sets))
          // one job, two stages: expand and ship blocks to their partitions; merge them against the seen set in place
          : levels.get(k).mapPartitionsToPair(expand)
              .partitionBy(partitioner) // keys are partition numbers: block p goes to partition p
              .zipPartitions(seen, merge))
          .persist(StorageLevel.MEMORY_AND_DISK());
      JavaRDD<SeenSet> seenNext = grow(seen, next);
      String group = "ballot-" + runTag + "-level-" + (k + 1);
      sc.setJobGroup(group, "ballot: level " + (k + 1), false);
      seenNext.count();
      sc.clearJobGroup();
      seen.unpersist(false);
      seen = seenNext;
      size = 0;
      for (PartStats s : checked.value().values()) {
        size += s.states;
      }
      // a narrow level shuffles nothing: no need to wait for Spark's listener to report its job
      shuffleBytes += meter.bytes(group, seenPartitions == 1 ? 0 : 5_000);
      progress.shuffleBytes(shuffleBytes);
      levels.add(next);
      levelPartitions.add(seenPartitions);
      levelSizes.add(size);
      states += size;
      List<Found> found = new ArrayList<>();
      for (PartStats s : expanded.value().values()) {
        add(s);
        found.addAll(s.found);
      }
      for (PartStats s : checked.value().values()) {
        add(s);
        found.addAll(s.found);
      }
      settle(found);
      if (size > 0) {
        depth++;
      }
      if (!stop && seenPartitions < partitions && size > narrowLimit) {
        widen();
      }
      progress.progress(states, rulesFired, depth, size, seconds(), cachedBytes());
      writeCheckpoint(depth, false);
    }
    if (stopReason != null) {
      writeCheckpoint(depth, true); // an interrupted run (time limit, Ctrl-C) keeps what it has
    }
    List<CoverCount> covers = Tallies.covers(m.ts, i -> coverHits[i]);
    if (!stop && violations.size() < options.maxErrors()) {
      for (int i = 0; i < covers.size() && violations.size() < options.maxErrors(); i++) {
        CoverCount c = covers.get(i);
        if (c.hits() == 0) {
          violations.add(new Violation(
              ViolationKind.COVER, c.property(), c.location(), "cover \"" + c.property() + "\" not hit", List.of()));
        }
      }
    }
    if (!violations.isEmpty() && !violations.get(0).trace().isEmpty()) {
      depth = violations.get(0).trace().size() - 1;
    }
    Verdict verdict =
        !violations.isEmpty() ? Verdict.VIOLATED : stopReason != null ? Verdict.INCOMPLETE : Verdict.HOLDS;
    boolean complete = exhausted && stopReason == null
        && violations.stream().allMatch(v -> v.kind() == ViolationKind.COVER || v.kind() == ViolationKind.LIVENESS);
    Result r = new Result(verdict, states, rulesFired, depth, seconds(), List.copyOf(violations), covers, stopReason,
        Tallies.ruleCounts(m.ts, ruleFires), complete);
    return MessageTraces.annotate(r, m.model.networks());
  }

  /**
   * Ends the narrow levels: the seen set is rebuilt over the run's partitions from every level so far (one shuffle of
   * the states reached, few by construction), and the next levels are partitioned. The levels stay as they are (the
   * driver's look-ups know each level's partitions); the last one is expanded by one task, its successors shipped to
   * their partitions.
   */
  private void widen() {
    int w = words;
    @SuppressWarnings("unchecked")
    JavaRDD<StateBlock>[] all = levels.toArray(new JavaRDD[0]);
    int p = partitions;
    JavaRDD<SeenSet> wide = sc.union(all)
        .flatMapToPair(b -> b.split(p))
        .partitionBy(partitioner)
        .mapPartitions(blocks -> List.of(SeenSet.of(w, StateBlock.concat(w, false, blocks))).iterator(), true)
        .persist(StorageLevel.MEMORY_AND_DISK());
    seen.unpersist(false);
    seen = wide;
    seenPartitions = partitions;
  }

  /** The seen sets of {@code next}'s level: those of {@code seen} with {@code next}'s states added (persisted). */
  private static JavaRDD<SeenSet> grow(JavaRDD<SeenSet> seen, JavaRDD<StateBlock> next) {
    return seen.zipPartitions(next, (s, b) -> List.of(s.next().with(b.next())).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The start states as one block per partition (list index = partition, as {@code parallelize} slices it). */
  private List<StateBlock> startBlocks(StartStates start, int partitions) {
    List<StateBlock.Builder> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(new StateBlock.Builder(words, 4, false, true));
    }
    for (scala.Tuple2<PackedState, Node> t : start.states) {
      long[] s = t._1().wordsUnsafe();
      parts.get(StateBlock.partition(s, 0, words, partitions)).add(s, 0, null, 0, t._2().rule(), t._2().blocked());
    }
    return parts.stream().map(StateBlock.Builder::build).toList();
  }

  /** Restores the levels and counters of checkpoint {@code s}; returns its depth. */
  private int resume(SparkCheckpoint.Saved s) {
    int w = words;
    int p = partitions;
    for (int k = 0; k < s.levelSizes().length; k++) {
      boolean withParents = k > 0;
      JavaRDD<StateBlock> level = sc.<StateBlock>objectFile(checkpoint.levelPath(k))
          .flatMapToPair(b -> b.split(p)).partitionBy(partitioner) // the saved run may have had other partitions
          .mapPartitions(blocks -> List.of(StateBlock.concat(w, withParents, blocks)).iterator(),
              true)
          .persist(StorageLevel.MEMORY_AND_DISK());
      long n;
      try {
        n = level.map(b -> (long) b.size()).reduce(Long::sum);
      } catch (Exception e) { // a level directory missing or unreadable (Hadoop's IOException is undeclared here)
        level.unpersist(false); // else the context keeps a persisted RDD whose files are gone
        throw new io.ballot.checker.checkpoint.CheckpointException(
            io.ballot.checker.checkpoint.CheckpointException.Kind.CORRUPT, "level " + k + " of the checkpoint ("
                + checkpoint.levelPath(k) + ") cannot be read: " + e.getMessage(), e);
      }
      if (n != s.levelSizes()[k]) {
        throw new io.ballot.checker.checkpoint.CheckpointException(
            io.ballot.checker.checkpoint.CheckpointException.Kind.CORRUPT, checkpoint.levelPath(k) + " holds " + n
                + " states where the manifest says " + s.levelSizes()[k]);
      }
      levels.add(level);
      levelPartitions.add(partitions);
      levelSizes.add(n);
      JavaRDD<SeenSet> before = seen;
      seen = before == null ? level.map(b -> SeenSet.of(w, b)).persist(StorageLevel.MEMORY_AND_DISK())
          : grow(before, level);
      seen.count();
      if (before != null) {
        before.unpersist(false);
      }
    }
    seenPartitions = partitions;
    states = s.states();
    rulesFired = s.rulesFired();
    System.arraycopy(s.ruleFires(), 0, ruleFires, 0, ruleFires.length);
    System.arraycopy(s.coverHits(), 0, coverHits, 0, coverHits.length);
    secondsBefore = s.seconds();
    return s.depth();
  }

  /**
   * Writes the levels not yet checkpointed and a manifest naming them, when a checkpoint is due (or {@code atEnd}),
   * and only while no violation is reported (the manifest holds counters, not counterexamples: a run resumed from
   * it finds the same violations again). A failed write is reported and the run goes on.
   */
  private void writeCheckpoint(int depth, boolean atEnd) {
    if (checkpoint == null || !violations.isEmpty() || checkpointedLevels == levels.size()
        || !(atEnd || checkpoint.due(seconds()))) {
      return;
    }
    try {
      for (int k = checkpointedLevels; k < levels.size(); k++) {
        checkpoint.clearLevel(k);
        sc.setJobGroup("ballot-checkpoint", "ballot: checkpoint of level " + k, false);
        levels.get(k).saveAsObjectFile(checkpoint.levelPath(k));
        sc.clearJobGroup();
      }
      long[] sizes = levelSizes.stream().mapToLong(Long::longValue).toArray();
      checkpoint.commit(new SparkCheckpoint.Saved(sizes, depth, states, rulesFired, ruleFires.clone(),
          coverHits.clone(), seconds()), seconds());
      checkpointedLevels = levels.size();
      progress.checkpointWritten(depth, states, seconds());
    } catch (Exception e) { // Spark's failures are undeclared SparkExceptions
      sc.clearJobGroup();
      progress.checkpointFailed("the checkpoint could not be written: " + e.getMessage());
    }
  }

  /** Bytes of the levels cached on the executors, in memory and on disk (Spark's storage status). */
  private long cachedBytes() {
    long b = 0;
    try {
      for (org.apache.spark.storage.RDDInfo i : sc.sc().getRDDStorageInfo()) {
        b += i.memSize() + i.diskSize();
      }
    } catch (Exception e) { // Hadoop's IOExceptions are undeclared here
      return 0; // progress never stops a run (another persisted RDD of the context may be unreadable)
    }
    return b;
  }

  private void add(PartStats s) {
    rulesFired += s.rulesFired;
    for (int i = 0; i < ruleFires.length; i++) {
      ruleFires[i] += s.ruleFires[i];
    }
    for (int i = 0; i < coverHits.length; i++) {
      coverHits[i] += s.coverHits[i];
    }
  }

  private void checkLimits() {
    if (options.timeLimitSeconds() > 0 && seconds() > options.timeLimitSeconds()) {
      halt("time limit reached (" + options.timeLimitSeconds() + " s)");
    }
    if (progress.stopRequested()) {
      halt("interrupted");
    }
  }

  private void halt(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    stop = true;
  }

  /** Reports the level's violations, least first, up to {@code --max-errors}; stops the search at that many. */
  private void settle(List<Found> found) {
    if (found.isEmpty()) {
      return;
    }
    found.sort(Found.ORDER);
    for (Found f : found) {
      if (violations.size() >= options.maxErrors()) {
        break;
      }
      if (f.at() == null) {
        violations.add(new Violation(f.kind(), f.property(), f.where(), f.message(), List.of()));
        continue;
      }
      List<long[]> path = new ArrayList<>();
      List<Integer> rules = new ArrayList<>();
      PackedState s = f.at();
      for (int l = f.level(); l >= 0; l--) {
        List<Node> node = link(l, s);
        if (node.isEmpty()) {
          throw new IllegalStateException("state " + s + " is not in level " + l + " of the cluster's search");
        }
        path.add(0, s.words());
        rules.add(0, node.get(0).rule());
        s = node.get(0).parent();
      }
      violations.add(PathCounterexample.of(m.ts, m.symmetry, options.deadlock(), runDescription(), f.kind(),
          f.property(), f.where(), f.message(), f.rule(), f.prop(), path,
          rules.stream().mapToInt(Integer::intValue).toArray()));
    }
    if (violations.size() >= options.maxErrors()) {
      stop = true;
    }
  }

  /** State {@code s}'s parent link in level {@code l}, if it is there: a job of one task, on the state's partition. */
  private List<Node> link(int l, PackedState s) {
    long[] w = s.words();
    int part = StateBlock.partition(w, 0, w.length, levelPartitions.get(l));
    return levels.get(l).mapPartitions(blocks -> {
      List<Node> found = new ArrayList<>();
      while (blocks.hasNext()) {
        StateBlock b = blocks.next();
        int j = b.indexOf(w);
        if (j >= 0) {
          found.add(b.link(j));
        }
      }
      return found.iterator();
    }).collectPartitions(new int[] {part})[0];
  }

  private String runDescription() {
    return "options: --engine spark --partitions " + partitions + " --symmetry-reduction "
        + options.symmetry().name().toLowerCase(Locale.ROOT) + " --deadlock-detection "
        + options.deadlock().name().toLowerCase(Locale.ROOT) + (options.bound() > 0 ? " --bound " + options.bound() : "")
        + ", engine " + options.engine().name().toLowerCase(Locale.ROOT);
  }

  private double seconds() {
    return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
  }
}
