package io.ballot.checker.explore.disk;

import io.ballot.checker.ProgressListener;
import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.checkpoint.CheckpointLedger;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.checker.checkpoint.StoredViolation;
import io.ballot.checker.explore.PendingViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Between a {@link DiskExplorer} and its {@link Checkpointer}: the checkpoint of a disk search is the one an
 * in-memory search writes (the same files, so either store resumes either's checkpoint). Each complete level is read
 * back from its level file and appended to the checkpoint's states file; a state's id in the disk search is its
 * position in the search (levels in order, each in the order a one-thread search finds it), which is its position in
 * the states file, so parents, violations and blocked states are written as they are. The disk store's own files
 * (level files, sorted runs, filters) are not part of the checkpoint: they change within a level (runs are merged
 * and deleted), and a resumed disk search rebuilds them from the states file ({@link #restore}). Called by the thread
 * that runs the search, between levels.
 */
final class DiskCheckpoint {
  private static final int CHUNK = 4096; // states read back from a level file at a time

  private final Checkpointer out;
  private final CheckpointLedger ledger;
  private final int ruleLimit;

  /** Checkpoints through {@code out}, for a model whose rule and start-state instances are below {@code ruleLimit}. */
  DiskCheckpoint(Checkpointer out, ProgressListener progress, int ruleLimit) {
    this.out = out;
    this.ledger = new CheckpointLedger(out, progress);
    this.ruleLimit = ruleLimit;
  }

  /** The checkpoint the search continues, or null for a new one. */
  Manifest resumed() {
    return out.resumed();
  }

  /**
   * Reads the resumed checkpoint's states, in file order (their positions are their ids), into two new level files of
   * {@code levels} (the levels expanded, then the one to expand, which it returns) and into the partitions' candidate
   * tables, which {@code addKnownNew} adds to the seen-sets when one is full and at the end; first checks that its
   * counters fit the model, then its violations and blocked states. Throws {@link CheckpointException} (CORRUPT) when
   * the files are damaged; the checkpoint is left as it was.
   */
  Levels.Level restore(Levels levels, Partition[] parts, int ruleCount, int coverCount, Runnable addKnownNew) {
    Manifest m = ledger.resumed(ruleCount, coverCount);
    Levels.Level[] level = {m.levelStart() > 0 ? levels.start() : null};
    boolean[] frontier = {false};
    int words = parts[0].scratch.length;
    out.readStates(words, (index, s, parent, rule) -> {
      if (parent < -1 || parent >= index || rule < 0 || rule >= ruleLimit) {
        throw corrupt("state " + index + " names a parent or rule that does not exist");
      }
      if (index == m.levelStart()) {
        level[0] = levels.start();
        frontier[0] = true;
      }
      level[0].states.append(s, 0);
      level[0].links.append(((long) parent << 32) | (rule & 0xFFFFFFFFL));
      long h = StateKeys.hash(s, 0, words);
      CandidateTable table = parts[Partition.of(h, parts.length)].table;
      if (!table.add(h, s, 0, parent, rule)) {
        throw corrupt("state " + index + " is stored twice");
      }
      if (table.full()) {
        addKnownNew.run();
      }
    });
    addKnownNew.run();
    ledger.adopt(m);
    return frontier[0] ? level[0] : levels.start();
  }

  /** The violations {@code m} stored, as the search noted them, in the order they were reported. */
  static List<PendingViolation> pending(Manifest m) {
    List<PendingViolation> out = new ArrayList<>();
    for (StoredViolation v : m.violations()) {
      out.add(PendingViolation.of(v));
    }
    return out;
  }

  /** A {@link CheckpointException} (CORRUPT) saying why the resumed checkpoint is damaged. */
  CheckpointException corrupt(String why) {
    return ledger.corrupt(why);
  }

  /**
   * Appends {@code level}, just completed at {@code depth} (empty when the search found no new state), with the
   * violations {@code reported} since the last level (their states are ids) and the states of the level blocked from
   * expansion ({@code blockedIds}), and the counters; commits a checkpoint when one is due at {@code seconds} into
   * this run. Returns null, or why it could not write.
   */
  String levelDone(int depth, Levels.Level level, List<PendingViolation> reported, Set<Long> blockedIds,
      long rulesFired, long[] ruleFires, long[] coverHits, double seconds) {
    try {
      int count = (int) level.count();
      if (count > 0) {
        if (level.base != ledger.written()) {
          throw new IllegalStateException("level " + depth + " starts at id " + level.base + ", the checkpoint at "
              + ledger.written());
        }
        appendLevel(depth, level, count);
      }
      List<StoredViolation> stored = new ArrayList<>();
      for (PendingViolation p : reported) {
        stored.add(p.stored(p.at()));
      }
      long from = level.base;
      int[] blocked = blockedIds.stream().filter(b -> b >= from && b < from + count).mapToInt(Long::intValue)
          .sorted().toArray();
      ledger.levelWritten(depth, count, stored, blocked, rulesFired, ruleFires, coverHits, seconds);
      return null;
    } catch (IOException | UncheckedIOException | CheckpointException e) {
      return "the checkpoint could not be written to " + out.dir() + ": " + e.getMessage();
    }
  }

  /** Reads {@code level}'s states and links back, a chunk at a time, into the states file. */
  private void appendLevel(int depth, Levels.Level level, int count) throws IOException {
    int words = level.states.words();
    long[] states = new long[CHUNK * words];
    long[] links = new long[CHUNK];
    long[] state = new long[words];
    out.beginLevel(depth, count);
    for (int at = 0; at < count; ) {
      int n = level.states.read(at, CHUNK, states);
      if (level.links.read(at, CHUNK, links) != n || n == 0) {
        throw new IOException("level " + depth + "'s files end before its " + count + " states");
      }
      for (int i = 0; i < n; i++) {
        System.arraycopy(states, i * words, state, 0, words);
        out.add(state, (int) (links[i] >> 32), (int) links[i]);
      }
      at += n;
    }
    out.endLevel(count);
  }

  /**
   * Commits the last level written when the search ends: {@code finished} when it ended on its own, else it was
   * stopped and the checkpoint is the last level boundary, to resume ({@link CheckpointLedger#finish}).
   */
  String finish(boolean finished, double seconds) {
    return ledger.finish(finished, seconds);
  }
}
