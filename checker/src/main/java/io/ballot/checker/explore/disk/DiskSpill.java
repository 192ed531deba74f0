package io.ballot.checker.explore.disk;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.LevelSpill;
import io.ballot.checker.ts.TransitionSystem;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code --store auto}'s hand-over: the in-memory search's levels are written to a new disk search, which continues
 * from the level boundary where the memory neared its limit; {@code notice} is told where it continues.
 */
public final class DiskSpill implements LevelSpill {
  private final TransitionSystem ts;
  private final CheckOptions options;
  private final ProgressListener progress;
  private final Path dir;
  private final Consumer<String> notice;

  /** Hands over to a disk search of {@code ts} whose files go under {@code dir} (null: the temporary directory). */
  public DiskSpill(TransitionSystem ts, CheckOptions options, ProgressListener progress, Path dir,
      Consumer<String> notice) {
    this.ts = ts;
    this.options = options;
    this.progress = progress;
    this.dir = dir;
    this.notice = notice;
  }

  @Override
  public void compacted(long states, int depth, long bytesBefore, long bytesAfter) {
    notice.accept(compactedNotice(states, depth, bytesBefore, bytesAfter));
  }

  /** What {@code --store auto} says when it moved a wide model's states to the tree-compressed store in memory. */
  public static String compactedNotice(long states, int depth, long bytesBefore, long bytesAfter) {
    return "the in-memory search nears its memory limit at " + states + " states (depth " + depth + "); its states"
        + " moved to the tree-compressed store (" + mib(bytesBefore) + " -> " + mib(bytesAfter) + " MiB held) and it"
        + " goes on in memory (should that not fit either, it searches again with the states on disk)";
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  @Override
  public Continuation spill(Levels levels, Carried carried) {
    long states = 0;
    for (int id = 0; id < levels.from(levels.count()); id++) {
      states += levels.isHole(id) ? 0 : 1;
    }
    notice.accept("the in-memory search nears its memory limit at " + states + " states (depth " + carried.depth()
        + "); continuing from there with the states on disk (--store disk; --store memory stops at the limit"
        + " instead)");
    DiskExplorer x = new DiskExplorer(ts, options, progress, dir);
    try {
      x.seed(levels, carried);
    } catch (RuntimeException | Error e) {
      x.abandon();
      throw e;
    }
    return x;
  }
}
