package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The order in which a search on one thread finds the states, and the parent links that go with it, whatever the
 * number of threads. On one thread a level's states are expanded in order and each one's rules in index order, so a
 * state's parent is its least predecessor in the previous level (least by that level's order, then by rule index)
 * and the new level is found in the order of those (parent, rule) pairs.
 *
 * <p>Once a level is expanded by several threads, ids follow whichever thread stored a state first. From then on a
 * state of the level being built keeps the least of the parent it was stored with and the ways to reach it {@link
 * #offer offered} since, each as one {@code long} (the parent's position in its level, then the rule) replaced by
 * compare-and-set when less. A duplicate is offered only when it can win ({@link ParentOffers}, {@link
 * #offerSeen}): most are reached again from a parent later in the level than the one that stored them, which the
 * thread's own blocks and a small table of bounds (one int per block of ids) tell without reading the pair: a
 * cache miss per duplicate, 52.6 million of them on 10^7 states of counters, had made 2-thread searches 25 %
 * slower. When the level is complete ({@link #finishLevel}) each state gets the parent and rule of its least pair,
 * and the level is ranked by that pair, the order a one-thread search would have found it in. Parent links, hence
 * counterexamples (and which state a liveness violation names), are then a function of the model and the options
 * alone. Nothing is kept across levels but the order of the level being expanded (two ints per state of it), unless
 * every state's position is asked for (the liveness check names the first state in that order: one int per state);
 * the pairs cost eight bytes per state of the level being built (allocated in chunks as offers reach them).
 *
 * <p>Written by the thread that runs the search between levels ({@link #startTracking}, {@link #finishLevel}); the
 * workers read the order and offer pairs during a level (their tasks are submitted after those writes).
 */
final class DiscoveryOrder {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;
  private static final int MAX_CHUNKS = 1 << (31 - CHUNK_BITS);
  private static final VarHandle PAIRS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  /** Whether every state's position is kept ({@link #of}), for the liveness check; else only the current level's. */
  private final boolean keepAll;
  /** Ids below this are in discovery order (their order is their id); above, {@link #kept} holds it. */
  private int identityBelow = Integer.MAX_VALUE;
  private int[][] kept = new int[8][];
  private int keptChunks;
  private boolean tracking;
  /** First id of the level being expanded. */
  private int levelFrom;
  /** Position (in discovery order) to id, for the level being expanded; null when that is the id order. */
  private int[] idAt;
  /** Id minus {@link #levelFrom} to position, for the level being expanded; null when that is the id order. */
  private int[] positionOf;
  /** First id of the level being built. */
  private int buildFrom;
  /** The least pair offered per state of the level being built (by id minus {@link #buildFrom}), plus one; 0: none. */
  private AtomicReferenceArray<long[]> pairs;
  /** Chunks of {@link #pairs} allocated (by the workers). */
  private final AtomicInteger pairChunks = new AtomicInteger();
  /** log2 of the ids per block a thread reserves in the store ({@link StateStore#block}); -1: not bounded. */
  private int blockBits = -1;
  /** log2 of the ids per group of {@link #bounds}: at most {@link #blockBits}, so one thread stores a group. */
  private int groupBits = -1;
  /** The group of {@link #buildFrom}. */
  private int buildGroup;
  /**
   * Per group of ids of the level being built (by group minus {@link #buildGroup}): one plus an upper bound on the
   * positions of the parents its states were first stored from, written by the group's thread before it stores
   * them; 0: unknown. Chunks of ints, allocated by the workers.
   */
  private AtomicReferenceArray<int[]> bounds;
  private final AtomicInteger boundChunks = new AtomicInteger();

  /** An order that keeps every state's position when {@code keepAll} (see {@link #of}). */
  DiscoveryOrder(boolean keepAll) {
    this.keepAll = keepAll;
  }

  /**
   * The position of state {@code id} in discovery order over the whole search (comparable across levels); only
   * when constructed to keep them all.
   */
  int of(int id) {
    if (!keepAll) {
      throw new IllegalStateException("positions of earlier levels were not kept");
    }
    return id < identityBelow ? id : kept[id >>> CHUNK_BITS][id & CHUNK_MASK];
  }

  /** Whether the parents of the level being built are chosen by {@link #offer}. */
  boolean tracking() {
    return tracking;
  }

  /**
   * Called before the first level expanded by several threads, the states with ids {@code from .. to - 1}, which are
   * in discovery order: their successors have ids from {@code to}.
   */
  void startTracking(int from, int to) {
    if (!tracking) {
      tracking = true;
      identityBelow = to;
      levelFrom = from;
      startBuilding(to);
    }
  }

  private void startBuilding(int from) {
    buildFrom = from;
    pairs = new AtomicReferenceArray<>(MAX_CHUNKS);
    pairChunks.set(0);
    bounds = new AtomicReferenceArray<>(MAX_CHUNKS);
    boundChunks.set(0);
    buildGroup = groupBits < 0 ? 0 : from >>> groupBits;
  }

  /**
   * Bounds duplicates' offers by the blocks of {@code store}'s ids ({@link #offerSeen}); before {@link
   * #startTracking}. Without it every duplicate of the level being built is offered.
   */
  void boundBy(StateStore store) {
    blockBits = Integer.numberOfTrailingZeros(store.block());
    groupBits = blockBits;
  }

  /** The position in discovery order of state {@code id} of the level being expanded (0 for its first state). */
  int position(int id) {
    return positionOf == null ? id - levelFrom : positionOf[id - levelFrom];
  }

  /**
   * Called by a thread before it expands the parent at {@code parentPosition}, from which it may store new states:
   * {@code lastStored} is the id of the last state it stored in the level being built (-1: none yet). The states it
   * stores next, until its block of ids is used up, are in that id's group; the group's bound is raised to cover
   * this parent before any of them is published, so that a thread that then finds one of them as a duplicate reads
   * a bound at least as high. Positions rise within a thread's level, but the bound is kept as a maximum anyway.
   */
  void expanding(int lastStored, int parentPosition) {
    if (groupBits < 0 || lastStored < 0) {
      return;
    }
    int next = lastStored + 1;
    if ((next & ((1 << blockBits) - 1)) == 0) {
      return; // the block is used up: the next state opens a new one, whose bound stays unknown for now
    }
    int g = (next >>> groupBits) - buildGroup;
    int[] chunk = boundChunk(g >>> CHUNK_BITS);
    int i = g & CHUNK_MASK;
    if (chunk[i] <= parentPosition) {
      chunk[i] = parentPosition + 1; // published with the states stored after it (the seen-set's release)
    }
  }

  /**
   * Offers a duplicate: {@code found}, a state of the level being built that this thread did not store, reached
   * again from the parent at {@code parentPosition} by {@code rule}. Its first storer's parent, kept in the store,
   * is at a position its group's bound covers: a parent past that bound cannot win and is not offered, which spares
   * the read of the recorded pair. Returns whether it was offered. Thread-safe.
   */
  boolean offerSeen(int found, int parentPosition, int rule) {
    if (groupBits >= 0) {
      int g = (found >>> groupBits) - buildGroup;
      int[] chunk = bounds.get(g >>> CHUNK_BITS);
      if (chunk != null) {
        int bound = (int) INTS.getAcquire(chunk, g & CHUNK_MASK);
        if (bound != 0 && parentPosition >= bound) {
          return false;
        }
      }
    }
    offer(found, parentPosition, rule);
    return true;
  }

  /** A new filter of one thread's offers for the level being built (see {@link ParentOffers}). */
  ParentOffers offers() {
    return new ParentOffers(this, buildFrom, blockBits);
  }

  private int[] boundChunk(int c) {
    int[] chunk = bounds.get(c);
    if (chunk == null) {
      int[] fresh = new int[1 << CHUNK_BITS];
      chunk = bounds.compareAndExchange(c, null, fresh);
      if (chunk == null) {
        chunk = fresh;
        boundChunks.incrementAndGet();
      }
    }
    return chunk;
  }

  /**
   * Offers the parent at {@code parentPosition} (in the level being expanded) and {@code rule} as the way to reach
   * {@code found}, a state of the level being built: kept when less than what is recorded. The parent a state was
   * stored with need not be offered ({@link #finishLevel} takes the least of the two). Thread-safe.
   */
  void offer(int found, int parentPosition, int rule) {
    int index = found - buildFrom;
    long[] chunk = chunk(index >>> CHUNK_BITS);
    int slot = index & CHUNK_MASK;
    long pair = (((long) parentPosition << 32) | rule) + 1;
    long recorded = (long) PAIRS.getAcquire(chunk, slot);
    while (recorded == 0 || pair < recorded) {
      long witness = (long) PAIRS.compareAndExchange(chunk, slot, recorded, pair);
      if (witness == recorded) {
        return;
      }
      recorded = witness;
    }
  }

  private long[] chunk(int c) {
    long[] chunk = pairs.get(c);
    if (chunk == null) {
      long[] fresh = new long[1 << CHUNK_BITS];
      chunk = pairs.compareAndExchange(c, null, fresh);
      if (chunk == null) {
        chunk = fresh;
        pairChunks.incrementAndGet();
      }
    }
    return chunk;
  }

  /**
   * Ends the level with ids {@code to .. limit - 1} (holes skipped), built by expanding the states {@code from .. to
   * - 1}: each state gets the parent and rule of its least pair, and the level is ranked by those pairs (a counting
   * sort by parent, then by rule among siblings, which are few): linear in the level's size, in {@code parallel}'s
   * parts. It becomes the level expanded next.
   */
  void finishLevel(StateStore store, int from, int to, int limit, ParallelParts parallel) {
    int n = limit - to;
    int parents = to - from;
    int parts = parallel.parts(n);
    long[] least = new long[n];
    int[] start = new int[parents + 1];
    parallel.run(parts, p -> {
      for (int i = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); i < end;
          i++) {
        int id = to + i;
        if (store.isHole(id)) {
          continue;
        }
        // the parent it was first stored with (not offered: see ParentOffers#stored), or a less one offered since
        long pair = (((long) position(store.parent(id)) << 32) | store.rule(id)) + 1;
        long offered = pairAt(i);
        if (offered != 0 && offered < pair) {
          pair = offered;
        }
        least[i] = pair;
        int parentPosition = (int) ((pair - 1) >>> 32);
        store.setParent(id, idAt == null ? levelFrom + parentPosition : idAt[parentPosition], (int) (pair - 1));
        INTS.getAndAdd(start, parentPosition + 1, 1);
      }
    });
    for (int q = 1; q <= parents; q++) {
      start[q] += start[q - 1];
    }
    int count = start[parents];
    int[] next = start.clone();
    int[] sorted = new int[count];
    parallel.run(parts, p -> {
      for (int i = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); i < end;
          i++) {
        if (least[i] != 0) {
          sorted[(int) INTS.getAndAdd(next, (int) ((least[i] - 1) >>> 32), 1)] = i;
        }
      }
    });
    parallel.run(parts, p -> { // siblings (same parent: a segment of sorted) by rule; they are few
      for (int q = ParallelParts.sliceStart(parents, parts, p), end = ParallelParts.sliceStart(parents, parts, p + 1);
          q < end; q++) {
        for (int k = start[q] + 1; k < start[q + 1]; k++) {
          int i = sorted[k];
          int j = k - 1;
          while (j >= start[q] && least[sorted[j]] > least[i]) {
            sorted[j + 1] = sorted[j];
            j--;
          }
          sorted[j + 1] = i;
        }
      }
    });
    int[] position = new int[n];
    parallel.run(parts, p -> {
      for (int k = ParallelParts.sliceStart(count, parts, p), end = ParallelParts.sliceStart(count, parts, p + 1);
          k < end; k++) {
        position[sorted[k]] = k;
        sorted[k] += to;
      }
    });
    if (keepAll) {
      keep(sorted, to);
    }
    idAt = sorted;
    positionOf = position;
    levelFrom = to;
    startBuilding(limit);
  }

  /**
   * The ids of the level expanded next in discovery order (after {@link #finishLevel}), holes left out; null when
   * that is their id order (not {@link #tracking}).
   */
  int[] levelIds() {
    return idAt;
  }

  /** Records that the states {@code ids} have positions {@code from, from + 1, ...}. */
  private void keep(int[] ids, int from) {
    for (int k = 0; k < ids.length; k++) {
      int id = ids[k];
      int c = id >>> CHUNK_BITS;
      if (c >= kept.length) {
        kept = java.util.Arrays.copyOf(kept, Math.max(c + 1, 2 * kept.length));
      }
      if (kept[c] == null) {
        kept[c] = new int[1 << CHUNK_BITS];
        keptChunks++;
      }
      kept[c][id & CHUNK_MASK] = from + k;
    }
  }

  private long pairAt(int index) {
    long[] chunk = pairs.get(index >>> CHUNK_BITS);
    return chunk == null ? 0 : (long) PAIRS.getAcquire(chunk, index & CHUNK_MASK);
  }

  /** Bytes held: the order of the level being expanded and the pairs of the level being built. */
  long bytes() {
    long order = idAt == null ? 0 : 4L * (idAt.length + positionOf.length);
    return order + ((long) keptChunks << (CHUNK_BITS + 2)) + ((long) pairChunks.get() << (CHUNK_BITS + 3))
        + ((long) boundChunks.get() << (CHUNK_BITS + 2));
  }
}
