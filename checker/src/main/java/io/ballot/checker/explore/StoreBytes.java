package io.ballot.checker.explore;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event per level of {@link BfsExplorer}'s search: the bytes the search holds (what {@code --memory} caps),
 * split by what holds them, so that a benchmark can say where the bytes per state go at the peak ({@code
 * bench/store-bytes.py}). Recorded only under a flight recording ({@code -XX:StartFlightRecording}); otherwise one
 * check per level.
 */
@Name("io.ballot.StoreBytes")
@Label("Store bytes")
@Category("Ballot")
@Description("The search's accounted bytes at the end of a level, by what holds them")
@StackTrace(false)
@Enabled(true)
final class StoreBytes extends jdk.jfr.Event {
  @Label("Depth")
  int depth;

  @Label("States")
  long states;

  @Label("Accounted")
  @DataAmount
  long accounted;

  @Label("Found set")
  @Description("The levels already found, as values: the inline table, or the tree's root set")
  @DataAmount
  long foundRoots;

  @Label("Tree's inner tables")
  @DataAmount
  long treeInner;

  @Label("Level index")
  @DataAmount
  long levelIndex;

  @Label("Records")
  @Description("Full states of the levels still in memory (the frontier)")
  @DataAmount
  long records;

  @Label("Parents and rules")
  @Description("Those still in memory (not yet in the trace links file)")
  @DataAmount
  long links;

  @Label("Arrays kept for reuse")
  @DataAmount
  long free;

  @Label("Chunk directory")
  @DataAmount
  long directory;

  @Label("Parent order")
  @DataAmount
  long order;

  /** Records the breakdown at the end of level {@code depth}, when a flight recording wants it. */
  static void emit(int depth, StateStore store, InlineSeenSet inline, long orderBytes, long accounted) {
    StoreBytes e = new StoreBytes();
    if (!e.isEnabled()) {
      return;
    }
    e.depth = depth;
    e.states = store.size();
    e.accounted = accounted;
    e.order = orderBytes;
    long[] kinds = store.bytesByKind();
    e.records = kinds[0];
    e.links = kinds[1];
    e.free = kinds[2];
    e.directory = kinds[3];
    if (inline != null) {
      e.levelIndex = inline.levelIndexBytes();
      if (inline.table() instanceof TreeStateTable tree) {
        e.foundRoots = tree.rootBytes();
        e.treeInner = tree.innerBytes();
      } else {
        e.foundRoots = inline.tableBytes();
      }
    }
    e.commit();
  }
}
