package io.ballot.checker.explore;

import io.ballot.checker.ProgressListener;
import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.checkpoint.CheckpointLedger;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.checker.checkpoint.StoredViolation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Between a {@link BfsExplorer} and its {@link Checkpointer}: appends each complete level to the checkpoint, in
 * discovery order (the order a search on one thread finds it, {@link DiscoveryOrder}), with its parents as positions
 * in the file; commits a checkpoint when one is due; and, for a resumed run, reads the states back into an empty
 * store, where each gets its position in the file as its id. The level to expand next is then in discovery order by
 * id, as every level of a search is, so the resumed search finds the same states with the same parents
 * (hence the same counterexamples) as one that was never interrupted, on any number of threads.
 *
 * <p>The level just written keeps a map from its ids to their positions (an int per state), to translate the next
 * level's parents and the violations found on the way. Called by the thread that runs the search, between levels.
 */
final class CheckpointBridge {
  /** The counters a checkpoint keeps, as they were at a level boundary. */
  record Tally(long rulesFired, long[] ruleFires, long[] coverHits) {}

  /** What a resumed search starts from: its depth, the first id of the level to expand, counters, violations. */
  record Restored(int depth, int from, Tally tally, List<PendingViolation> violations, int[] blocked) {}

  private final Checkpointer out;
  private final CheckpointLedger ledger;
  private final StateStore store;
  private final int ruleLimit;
  /** Ids {@code mapFrom ..} of the level last written to their positions in the file (-1: a hole). */
  private int mapFrom;
  private int[] map = new int[0];
  /** Right after a resume, ids are positions. */
  private boolean identity;
  private int depth;

  CheckpointBridge(Checkpointer out, StateStore store, ProgressListener progress, int ruleLimit) {
    this.out = out;
    this.ledger = new CheckpointLedger(out, progress);
    this.store = store;
    this.ruleLimit = ruleLimit;
  }

  /** The depth of the level to expand next, after {@link #restore}. */
  int depth() {
    return depth;
  }

  /** Whether the search continues a checkpoint. */
  boolean resuming() {
    return out.resumed() != null;
  }

  /**
   * Reads the resumed checkpoint into the empty {@code store} through {@code seen}: its states get ids 0, 1, ...
   * in file order. Throws {@link CheckpointException} when the files are damaged, {@link MemoryLimitReached} when
   * the states do not fit (the checkpoint is left as it was).
   */
  Restored restore(SeenSet seen, int ruleCount, int coverCount) {
    Manifest m = ledger.resumed(ruleCount, coverCount);
    StateStore.Appender appender = store.appender();
    try {
      out.readStates(store.words(), (index, state, parent, rule) -> {
        if (parent < -1 || parent >= index || rule < 0 || rule >= ruleLimit) {
          throw ledger.corrupt("state " + index + " names a parent or rule that does not exist");
        }
        if (seen.add(appender, state, parent, rule) != index) {
          throw ledger.corrupt("state " + index + " is stored twice");
        }
      });
    } catch (MemoryLimitReached e) {
      throw new MemoryLimitReached(e.getMessage() + ", while reading back the checkpoint's " + m.states()
          + " states (the checkpoint is left as it was)");
    } finally {
      store.release(appender);
    }
    ledger.adopt(m);
    List<PendingViolation> pending = new ArrayList<>();
    for (StoredViolation v : m.violations()) {
      pending.add(PendingViolation.of(v));
    }
    identity = true;
    depth = m.depth();
    return new Restored(depth, m.levelStart(), new Tally(m.rulesFired(), m.ruleFires(), m.coverHits()), pending,
        m.blocked());
  }

  /**
   * Appends the level just completed, ids {@code from .. to - 1} at {@code depth} (none when the search found no new
   * state), in discovery order: that of {@code order}, the first {@code count} of which are its states' ids minus
   * {@code from} (null: their id order, holes skipped), with the violations {@code reported} at this boundary and the
   * states {@code blockedIds} blocked from expansion; commits a checkpoint when one is due at {@code seconds}. Returns
   * null, or why it could not write.
   */
  String levelDone(int depth, int from, int to, int[] order, int count, List<PendingViolation> reported,
      Collection<Integer> blockedIds, Tally tally, double seconds) {
    try {
      int written = ledger.written();
      int[] next = new int[to - from];
      Arrays.fill(next, -1);
      if (order == null) {
        count = 0;
        for (int id = from; id < to; id++) {
          count += store.isHole(id) ? 0 : 1;
        }
      }
      if (from < to) {
        out.beginLevel(depth, count);
        long[] state = new long[store.words()];
        for (int k = 0, id = from; k < count; k++, id++) {
          if (order != null) {
            id = from + order[k];
          }
          while (store.isHole(id)) { // in id order: the ids are in discovery order (DiscoveryOrder)
            id++;
          }
          store.get(id, state);
          out.add(state, position(store.parent(id)), store.rule(id));
          next[id - from] = written + k;
        }
        out.endLevel(count);
      }
      List<StoredViolation> stored = new ArrayList<>();
      for (PendingViolation p : reported) {
        stored.add(p.stored(p.at() >= from && p.at() < to ? next[p.at() - from] : position(p.at())));
      }
      int[] blocked = blockedIds.stream().filter(b -> b >= from && b < to).mapToInt(b -> next[b - from]).sorted()
          .toArray();
      map = next;
      mapFrom = from;
      identity = false;
      this.depth = depth;
      ledger.levelWritten(depth, count, stored, blocked, tally.rulesFired(), tally.ruleFires(), tally.coverHits(),
          seconds);
      return null;
    } catch (IOException | CheckpointException e) {
      return "the checkpoint could not be written to " + out.dir() + ": " + e.getMessage();
    }
  }

  /** The position in the file of state {@code id} of the level last written (-1 for -1). */
  private int position(int id) {
    if (id < 0 || identity) {
      return id;
    }
    int p = id - mapFrom < map.length && id >= mapFrom ? map[id - mapFrom] : -1;
    if (p < 0) {
      throw new IllegalStateException("state " + id + " is not in the level last checkpointed");
    }
    return p;
  }

  /**
   * Commits the last level written when the search ends: {@code finished} when it ended on its own, else it was
   * stopped and the checkpoint is the last level boundary, to resume ({@link CheckpointLedger#finish}).
   */
  String finish(boolean finished, double seconds) {
    return ledger.finish(finished, seconds);
  }
}
