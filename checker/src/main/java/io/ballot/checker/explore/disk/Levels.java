package io.ballot.checker.explore.disk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The states of each BFS level on disk, in the order they were found, and beside them each one's parent link: the
 * id of its parent (in the previous level; -1 for a start state) and the rule (or start state) instance that made
 * it, as one long per state. A state's id is its position in the whole search (levels in order), so a trace is
 * rebuilt by following links back through the levels' files. Only the level being written and the one being
 * expanded are open; older ones are opened again for a trace.
 */
final class Levels implements AutoCloseable {
  /** One level's files, and the id of its first state. */
  static final class Level {
    final RecordFile states;
    final RecordFile links;
    final long base;

    Level(RecordFile states, RecordFile links, long base) {
      this.states = states;
      this.links = links;
      this.base = base;
    }

    long count() {
      return states.count();
    }
  }

  private final Path dir;
  private final int words;
  private final List<Level> levels = new ArrayList<>();
  private final long[] one = new long[1];

  Levels(Path dir, int words) {
    this.dir = dir;
    this.words = words;
  }

  /** Starts the next level, after the last one (which is complete). */
  Level start() {
    long base = total();
    if (!levels.isEmpty()) {
      Level last = levels.get(levels.size() - 1);
      last.states.close();
      last.links.close();
      if (levels.size() >= 2) {
        Level before = levels.get(levels.size() - 2);
        before.states.close();
        before.links.close();
      }
    }
    int d = levels.size();
    Level l = new Level(new RecordFile(dir.resolve("level-" + d + ".states"), words),
        new RecordFile(dir.resolve("level-" + d + ".links"), 1), base);
    levels.add(l);
    return l;
  }

  /** States in all levels: the next id. */
  long total() {
    if (levels.isEmpty()) {
      return 0;
    }
    Level last = levels.get(levels.size() - 1);
    return last.base + last.count();
  }

  /** Bytes on disk. */
  long bytes() {
    long b = 0;
    for (Level l : levels) {
      b += l.states.bytes() + l.links.bytes();
    }
    return b;
  }

  /** The value of state {@code id} into {@code out}. */
  void state(long id, long[] out) {
    Level l = of(id);
    l.states.read(id - l.base, 1, out);
  }

  /** The parent link of state {@code id}: the parent's id in the high 32 bits, the rule in the low ones. */
  long link(long id) {
    Level l = of(id);
    l.links.read(id - l.base, 1, one);
    return one[0];
  }

  private Level of(long id) {
    int lo = 0;
    int hi = levels.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (levels.get(mid).base <= id) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return levels.get(lo);
  }

  @Override
  public void close() {
    for (Level l : levels) {
      l.states.close();
      l.links.close();
    }
  }
}
