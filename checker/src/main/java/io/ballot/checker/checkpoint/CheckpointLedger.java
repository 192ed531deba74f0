package io.ballot.checker.checkpoint;

import io.ballot.checker.ProgressListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the next manifest of a running search's checkpoint will say: the levels written so far, the counters and
 * violations at the last level boundary, the states of the level to expand that are blocked; and whether the
 * manifest on disk already says it. Both stores' bridges to a {@link Checkpointer} keep one (the in-memory and the
 * disk search write the same checkpoint, so either resumes the other's). Called by the thread that runs the search.
 */
public final class CheckpointLedger {
  private final Checkpointer out;
  private final ProgressListener progress;
  private final List<StoredViolation> violations = new ArrayList<>();
  private int[] blocked = new int[0];
  private int written;
  private int levelStart;
  private int depth;
  private long rulesFired;
  private long[] ruleFires;
  private long[] coverHits;
  private double earlierSeconds; // search time of the runs the checkpoint continues
  private boolean any; // a level was written (or restored)
  private boolean committed; // the manifest names the last level written
  private boolean finishedBefore; // and says the run finished

  /** A ledger of the checkpoint {@code out} writes, which tells {@code progress} of each commit. */
  public CheckpointLedger(Checkpointer out, ProgressListener progress) {
    this.out = out;
    this.progress = progress;
  }

  /** The checkpoint's files. */
  public Checkpointer out() {
    return out;
  }

  /** The states written so far: the position in the states file the next state gets. */
  public int written() {
    return written;
  }

  /**
   * The checkpoint the search continues, after checking that its counters fit a model of {@code ruleCount} rules and
   * {@code coverCount} covers (else {@link CheckpointException} CORRUPT). Read its states next, then {@link #adopt}.
   */
  public Manifest resumed(int ruleCount, int coverCount) {
    Manifest m = out.resumed();
    if (m.ruleFires().length != ruleCount || m.coverHits().length != coverCount) {
      throw corrupt("its counters do not fit the model");
    }
    return m;
  }

  /**
   * Continues from the resumed manifest {@code m}, once its states are read back: checks that its violations name
   * stored states and its blocked states are in the level to expand (else CORRUPT), and takes its running content.
   */
  public void adopt(Manifest m) {
    for (StoredViolation v : m.violations()) {
      if (v.at() >= m.states()) {
        throw corrupt("a violation names a state that is not stored");
      }
    }
    for (int b : m.blocked()) {
      if (b < m.levelStart() || b >= m.states()) {
        throw corrupt("a blocked state is not in the level to expand");
      }
    }
    written = m.states();
    levelStart = m.levelStart();
    depth = m.depth();
    rulesFired = m.rulesFired();
    ruleFires = m.ruleFires();
    coverHits = m.coverHits();
    violations.addAll(m.violations());
    blocked = m.blocked();
    earlierSeconds = m.seconds();
    any = true;
    committed = true;
    finishedBefore = m.finished();
  }

  /** A {@link CheckpointException} (CORRUPT) saying why the resumed checkpoint is damaged. */
  public CheckpointException corrupt(String why) {
    return new CheckpointException(CheckpointException.Kind.CORRUPT,
        "the checkpoint in " + out.dir() + " is damaged: " + why);
  }

  /**
   * Notes the level at {@code depth} just appended to the states file ({@code count} states, none when the search
   * found no new state), the violations {@code reported} at this boundary (as positions in the file), the positions
   * of the level's states {@code blockedPositions} blocked from expansion (sorted), and the counters; commits a
   * checkpoint when one is due at {@code seconds} into this run.
   */
  public void levelWritten(int depth, int count, List<StoredViolation> reported, int[] blockedPositions,
      long rulesFired, long[] ruleFires, long[] coverHits, double seconds) throws IOException {
    violations.addAll(reported);
    blocked = blockedPositions;
    levelStart = written;
    written += count;
    this.depth = depth;
    this.rulesFired = rulesFired;
    this.ruleFires = ruleFires;
    this.coverHits = coverHits;
    any = true;
    committed = false;
    if (out.due(seconds)) {
      commit(false, seconds);
    }
  }

  /**
   * Commits the last level written when the search ends: {@code finished} when it ended on its own (every state
   * expanded, the bound, or {@code --max-errors}), else it was stopped (a limit, Ctrl-C) and the checkpoint is the
   * last level boundary, to resume. Returns null, or why it could not write.
   */
  public String finish(boolean finished, double seconds) {
    if (!any || (committed && (!finished || finishedBefore))) {
      return null;
    }
    try {
      commit(finished, seconds);
      return null;
    } catch (IOException e) {
      return "the last checkpoint could not be written to " + out.dir() + ": " + e.getMessage();
    }
  }

  private void commit(boolean finished, double seconds) throws IOException {
    out.commit(new Manifest(out.fingerprint(), depth, levelStart, written, out.dataBytes(), out.segments(),
        rulesFired, ruleFires, coverHits, List.copyOf(violations), blocked, finished, earlierSeconds + seconds,
        System.currentTimeMillis()), seconds);
    committed = true;
    finishedBefore = finished;
    progress.checkpointWritten(depth, written, seconds);
  }
}
