package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * thread's own blocks and a small table of bounds (one int per block of ids, written once per batch of parents) tell
 * without reading the pair: a cache miss per duplicate, 52.6 million of them on 10^7 states of counters, had made
 * 2-thread searches 25 % slower. When the level is complete each state gets the parent and rule of its least pair and
 * the level is ranked by that pair (the order a one-thread search would have found it in). The states then keep their
 * ids ({@link #finishLevelInPlace}): the ranking is the level's order ({@link #levelOrder}), in which the workers take
 * its positions and through which they read its records, and a state's parent is written as an id. Or, for the
 * liveness check, which names the least id as the first in discovery order, the level is renumbered in that order
 * ({@link #finishLevel}): the store's records move so that ids are the discovery order again ({@link Renumbering}),
 * and a state's position in its level is its id minus the level's first id. Either way parent links, hence
 * counterexamples (and which state a liveness violation names), are a function of the model and the options alone.
 * Moving the records had cost a wide model's id-indexed seen-set a probe per state to renumber its slot (on
 * two-phase, 72-bit states, 1.7 of the 2.46 s that finishing its levels took in a 16.5 s 2-thread search; in place
 * 0.34 s), where reading a level through its order costs little: its records at neighbouring positions are near each
 * other, both orders following the parents'. (An earlier map of positions to ids, read at random for record and
 * parent, had doubled the expansion loop's own samples on counters: 117 of 1,533 against 58 of 1,614.) The pairs
 * cost four bytes per state of the level being built, an int when its parent's position and rule fit (eight, a long,
 * for a level of billions of parents' successors), allocated in chunks as offers reach them, from a kilobyte-sized
 * first one; the ranking writes each state's least link over its pair. The ranking takes four bytes per state of the
 * level (its array is then the level's order) and four per parent: both kept from level to level, so as much as
 * the widest level needs and an eighth more ({@link #bytes}); a renumbering takes a copy of the level's records for
 * the time of {@link #finishLevel}. All of them are reserved in the search's {@link MemoryBudget} as they are
 * allocated: {@code --memory} caps them with the states.
 *
 * <p>Written by the thread that runs the search between levels ({@link #startTracking}, {@link #finishLevel}, {@link
 * #finishLevelInPlace}); the workers read the level's order and offer pairs during a level (their tasks are
 * submitted after those writes).
 */
final class DiscoveryOrder {
  /**
   * log2 of the pairs in the first chunk: the chunks double from there ({@link #chunkOf}) up to {@link #CHUNK_BITS},
   * so that a small level holds kilobytes of pairs, not a full chunk.
   */
  private static final int FIRST_BITS = 10;
  /** log2 of the pairs per chunk from id offset {@code 1 << CHUNK_BITS} on (512 KiB). */
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;
  /**
   * Ids a level may have beyond its new states, one per firing at most: the holes its workers leave, a partial block
   * each (64 ids at most): enough for 16,384 workers.
   */
  private static final int HOLES = 1 << 20;
  /**
   * The bound of a block not raised yet: no position reaches it. A block's bound is stored as this minus the bound
   * ({@link #raiseBound}), so that a zeroed chunk holds it.
   */
  private static final int UNKNOWN_BOUND = Integer.MAX_VALUE;
  /**
   * log2 of the bounds per chunk of {@link #bounds}, a bound per block of ids: 1,024 (64 K ids, 4 KiB) for blocks
   * of 64 ids, more for smaller blocks, so that the chunks' directory has at most 2^15 entries.
   */
  private int boundChunkBits;
  private int boundChunkMask;
  /** A pair as an int in a chunk's bytes ({@link #narrow}). */
  private static final VarHandle NARROW = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
  /** A pair as a long in a chunk's bytes. */
  private static final VarHandle WIDE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  private boolean tracking;
  /** First id of the level being expanded: a state's position in it is its id minus this. */
  private int levelFrom;
  /** First id of the level being built. */
  private int buildFrom;
  /**
   * The least pair offered per state of the level being built (by id minus {@link #buildFrom}), plus one; 0: none.
   * Chunks of bytes that hold ints or longs ({@link #pairShift}).
   */
  private AtomicReferenceArray<byte[]> pairs;
  /**
   * log2 of a pair's bytes in the level being built: 2 when its parent's position and rule fit in an int, {@code
   * (position << ruleBits | rule) + 1} compared unsigned ({@link #narrow}), else 3, a long, {@code (position << 32 |
   * rule) + 1}. The least link the ranking writes over a pair has the same width.
   */
  private int pairShift = 3;
  /** Bits of a rule's index (below the rules' bound the order was made for). */
  private final int ruleBits;
  /** The rules' bound: a parent has at most this many successors. */
  private final int rules;
  /** Bytes of the chunks' directories ({@link #pairs}, {@link #bounds}), charged to the budget as they grow. */
  private long directoryBytes;
  /** The first id of the level expanded while the level being finished is ranked: {@link #least} adds it. */
  private int rankFrom;
  /** Bytes of the chunks of {@link #pairs} allocated (by the workers, and by the ranking), reserved in the budget. */
  private final AtomicLong pairBytes = new AtomicLong();
  /** What the order's arrays are reserved from: a reservation beyond its limit stops the search. */
  private final MemoryBudget budget;
  /** log2 of the ids per block a thread reserves in the store ({@link StateStore#block}); -1: not bounded. */
  private int blockBits = -1;
  /** The block of {@link #buildFrom}. */
  private int buildBlock;
  /**
   * Per block of ids of the level being built (by block minus {@link #buildBlock}): one plus an upper bound on the
   * positions of the parents its states were first stored from, written by the block's thread before it stores
   * them, held as {@link #UNKNOWN_BOUND} minus the bound; 0: unknown. Chunks of ints, allocated by the workers.
   */
  private AtomicReferenceArray<int[]> bounds;
  private final AtomicInteger boundChunks = new AtomicInteger();
  /** The ranking's arrays, kept from level to level. */
  private final RankScratch scratch;
  /** Whether the levels keep their ids ({@link #finishLevelInPlace}) rather than move to discovery order by id. */
  private boolean inPlace;
  /**
   * The ids of the level being expanded in discovery order, as offsets from its first id: the first {@link
   * #levelCount}; null: in id order (holes included), as before the first level finished in place.
   */
  private int[] levelOrder;
  private int levelCount;

  /** An order whose arrays are reserved from {@code budget}, for rules with indices below {@code rules}. */
  DiscoveryOrder(MemoryBudget budget, int rules) {
    this.budget = budget;
    this.scratch = new RankScratch(budget);
    this.ruleBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, rules) - 1);
    this.rules = Math.max(1, rules);
  }

  /** An order without a memory limit, for rules below 2^8 (tests). */
  DiscoveryOrder() {
    this(new MemoryBudget(Long.MAX_VALUE, true), 1 << 8);
  }

  /**
   * Leaves each level's states at the ids their threads stored them at ({@link #finishLevelInPlace}); before {@link
   * #startTracking}. For a search that reads no id order: without liveness properties.
   */
  void keepInPlace() {
    inPlace = true;
  }

  /** Whether the levels keep their ids ({@link #keepInPlace}). */
  boolean inPlace() {
    return inPlace;
  }

  /**
   * The states of the level to expand next in discovery order, as offsets from its first id (the first {@link
   * #levelCount} of the array, shared: read only, until the next level is finished); null when it is in id order.
   */
  int[] levelOrder() {
    return levelOrder;
  }

  /** How many states {@link #levelOrder} lists. */
  int levelCount() {
    return levelCount;
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
      levelFrom = from;
      startBuilding(to);
    }
  }

  /**
   * Starts the level with ids from {@code from}. The chunks of pairs and bounds stay where they are, for this level
   * to reuse (the pairs' unless they change width): the pairs were zeroed as {@link #finishLevel} read them, the
   * bounds are zeroed here. Their directories grow to what the level can need: a level built from {@code parents}
   * states has at most {@code parents * rules} new states, and its workers' holes.
   */
  private void startBuilding(int from) {
    buildFrom = from;
    int parents = from - levelFrom;
    int shift = narrow(parents) ? 2 : 3;
    if (shift != pairShift && pairs != null) { // the chunks hold the other width: allocated again as offers come
      for (int c = 0; c < pairs.length(); c++) {
        pairs.set(c, null);
      }
      budget.release(pairBytes.getAndSet(0));
    }
    pairShift = shift;
    int most = (int) Math.min((long) Integer.MAX_VALUE - from, (long) parents * rules + HOLES);
    if (pairs == null) {
      boundChunkBits = Math.max(10, 31 - Math.max(0, blockBits) - 15);
      boundChunkMask = (1 << boundChunkBits) - 1;
    }
    pairs = grown(pairs, chunksFor(most));
    bounds = grown(bounds, ((((most >>> Math.max(0, blockBits)) + 1) >>> boundChunkBits) + 1));
    if (boundChunks.get() > 0) {
      for (int c = 0, seen = 0; seen < boundChunks.get() && c < bounds.length(); c++) {
        int[] chunk = bounds.get(c);
        if (chunk != null) {
          java.util.Arrays.fill(chunk, 0);
          seen++;
        }
      }
    }
    buildBlock = blockBits < 0 ? 0 : from >>> blockBits;
  }

  /**
   * {@code directory} (null: none yet) with at least {@code length} slots, its chunks kept; the slots' bytes are
   * charged to the budget (a few kilobytes: a slot per chunk). Between levels only: the workers install chunks.
   */
  private <T> AtomicReferenceArray<T> grown(AtomicReferenceArray<T> directory, int length) {
    int had = directory == null ? 0 : directory.length();
    if (had >= length) {
      return directory;
    }
    AtomicReferenceArray<T> wider = new AtomicReferenceArray<>(length);
    for (int c = 0; c < had; c++) {
      wider.set(c, directory.get(c));
    }
    long bytes = arrayBytes(length, Long.BYTES) - (had == 0 ? 0 : arrayBytes(had, Long.BYTES));
    budget.charge(bytes); // charged, never refused: the level's end cannot stop halfway (the search stops later)
    directoryBytes += bytes;
    return wider;
  }

  /**
   * Whether the pairs of a level built from {@code parents} parents fit in an int: each parent's position and rule,
   * plus one, below 2^32 - 1 (-1 marks a hole once ranked). Half the bytes of a long per state of the level being
   * built; a level has to have 2^32 / 2^ruleBits parents to need the long (67 million with 64 rules).
   */
  private boolean narrow(int parents) {
    return ruleBits < 32 && ((long) parents << ruleBits) <= 0xFFFF_FFFEL;
  }

  /**
   * Bounds duplicates' offers by the blocks of {@code store}'s ids ({@link #offerSeen}); before {@link
   * #startTracking}. Without it every duplicate of the level being built is offered.
   */
  void boundBy(StateStore store) {
    blockBits = Integer.numberOfTrailingZeros(store.block());
  }

  /** The position in discovery order of state {@code id} of the level being expanded (0 for its first state). */
  int position(int id) {
    return id - levelFrom;
  }

  /**
   * Raises to {@code bound} the bound of the block of {@code next}, an id of the level being built that the calling
   * thread reserved and will store its next new state at: called before it expands a parent at a position below
   * {@code bound} (the end of its batch) when the block's bound is not that high yet, so that a thread that finds one
   * of the states it then stores as a duplicate reads a bound at least as high. Only the block's thread writes its
   * bound, which only rises; once per batch and block, not per parent (a write per parent, to a line the other
   * threads' blocks share, cost a cache-line transfer each).
   */
  void raiseBound(int next, int bound) {
    int g = (next >>> blockBits) - buildBlock;
    int[] chunk = boundChunk(g >>> boundChunkBits);
    // published with the states stored after it (the seen-set's release); kept as UNKNOWN_BOUND - bound, so that
    // the zeros of a block not raised yet read as no bound (offerSeen) without a branch of their own
    chunk[g & boundChunkMask] = UNKNOWN_BOUND - bound;
  }

  /**
   * Offers a duplicate: {@code found}, a state of the level being built that this thread did not store, reached
   * again from the parent at {@code parentPosition} by {@code rule}. Its first storer's parent, kept in the store,
   * is at a position its block's bound covers: a parent past that bound cannot win and is not offered, which spares
   * the read of the recorded pair. Returns whether it was offered. Thread-safe.
   */
  boolean offerSeen(int found, int parentPosition, int rule) {
    if (blockBits >= 0) {
      int g = (found >>> blockBits) - buildBlock;
      int[] chunk = bounds.get(g >>> boundChunkBits);
      if (chunk != null) {
        int bound = UNKNOWN_BOUND - (int) INTS.getAcquire(chunk, g & boundChunkMask);
        if (parentPosition >= bound) {
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
      long bytes = boundChunkBytes();
      budget.reserve(bytes);
      int[] fresh = new int[1 << boundChunkBits];
      chunk = bounds.compareAndExchange(c, null, fresh);
      if (chunk == null) {
        chunk = fresh;
        boundChunks.incrementAndGet();
      } else {
        budget.release(bytes); // another thread's is in place
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
    byte[] chunk = chunk(chunkOf(index));
    int offset = slotOf(index) << pairShift;
    if (pairShift == 2) {
      int pair = ((parentPosition << ruleBits) | rule) + 1;
      int recorded = (int) NARROW.getAcquire(chunk, offset);
      while (recorded == 0 || Integer.compareUnsigned(pair, recorded) < 0) {
        int witness = (int) NARROW.compareAndExchange(chunk, offset, recorded, pair);
        if (witness == recorded) {
          return;
        }
        recorded = witness;
      }
      return;
    }
    long pair = (((long) parentPosition << 32) | rule) + 1;
    long recorded = (long) WIDE.getAcquire(chunk, offset);
    while (recorded == 0 || pair < recorded) {
      long witness = (long) WIDE.compareAndExchange(chunk, offset, recorded, pair);
      if (witness == recorded) {
        return;
      }
      recorded = witness;
    }
  }

  /**
   * The pair offered at {@code offset} of {@code chunk} (null: none allocated) as a link, its parent's position plus
   * {@code base >>> 32} in the high half, its rule in the low; {@link Long#MAX_VALUE} when none was offered.
   */
  private long offered(byte[] chunk, int offset, long base) {
    if (chunk == null) {
      return Long.MAX_VALUE;
    }
    if (pairShift == 2) {
      int pair = (int) NARROW.get(chunk, offset);
      if (pair == 0) {
        return Long.MAX_VALUE;
      }
      long key = (pair & 0xFFFF_FFFFL) - 1;
      return base + ((key >>> ruleBits) << 32) + (key & ((1L << ruleBits) - 1));
    }
    long pair = (long) WIDE.get(chunk, offset);
    return pair == 0 ? Long.MAX_VALUE : pair - 1 + base;
  }

  /** Writes {@code link} (-1: a hole; else its parent is at position {@code (link >>> 32) - from}) over a pair. */
  private void putLeast(byte[] chunk, int offset, long link, int from) {
    if (pairShift == 2) {
      NARROW.set(chunk, offset, link < 0 ? -1 : (int) (((((link >>> 32) - from) << ruleBits) | (int) link) + 1));
    } else {
      WIDE.set(chunk, offset, link);
    }
  }

  /**
   * Chunk {@code c} of the pairs, allocated (its bytes reserved in the budget: {@link MemoryLimitReached} when they
   * do not fit) if it is not yet. Thread-safe.
   */
  private byte[] chunk(int c) {
    byte[] chunk = pairs.get(c);
    if (chunk == null) {
      int length = chunkLength(c) << pairShift;
      long bytes = arrayBytes(length, 1);
      budget.reserve(bytes);
      byte[] fresh = new byte[length];
      chunk = pairs.compareAndExchange(c, null, fresh);
      if (chunk == null) {
        chunk = fresh;
        pairBytes.addAndGet(bytes);
      } else {
        budget.release(bytes); // another thread's is in place
      }
    }
    return chunk;
  }

  /**
   * The chunk of the pairs that holds index {@code i} of a level: 0 for the first {@code 1 << FIRST_BITS}, then
   * chunks of twice the length (each as long as all before it) up to {@code 1 << CHUNK_BITS}, then of that length.
   */
  static int chunkOf(int i) {
    // without branches, as slotOf: a branch first taken when a level passes 65,536 states, after the JIT compiled the
    // expansion loop that inlines the offers, would make it compile that loop again
    return topBit(i) - (FIRST_BITS - 1) + (i >>> CHUNK_BITS);
  }

  /** The slot of index {@code i} in its chunk ({@link #chunkOf}). */
  static int slotOf(int i) {
    int small = ((i >>> CHUNK_BITS) - 1) >> 31; // -1 below 1 << CHUNK_BITS, else 0
    return (i & CHUNK_MASK) - ((1 << topBit(i)) & -(1 << FIRST_BITS) & small);
  }

  /** The top bit of {@code i}, at least {@code FIRST_BITS - 1} and at most {@code CHUNK_BITS - 1}. */
  private static int topBit(int i) {
    return Math.min(31 - Integer.numberOfLeadingZeros(i | ((1 << FIRST_BITS) - 1)), CHUNK_BITS - 1);
  }

  /** The number of pairs chunk {@code c} holds ({@link #chunkOf}). */
  static int chunkLength(int c) {
    return c == 0 ? 1 << FIRST_BITS : 1 << Math.min(CHUNK_BITS, FIRST_BITS + c - 1);
  }

  /** The number of chunks that hold indices {@code 0 .. n - 1}. */
  private static int chunksFor(int n) {
    return n <= 0 ? 0 : chunkOf(n - 1) + 1;
  }

  /** The bytes of an array of {@code length} elements of {@code width} bytes, its header included. */
  private static long arrayBytes(int length, int width) {
    return (long) width * length + 16;
  }

  private long boundChunkBytes() {
    return arrayBytes(1 << boundChunkBits, Integer.BYTES);
  }

  /**
   * Ends the level with ids {@code to .. limit - 1} (holes skipped), built by expanding the states {@code from .. to
   * - 1} (in discovery order by id): each state gets the parent and rule of its least pair, the level is ranked by
   * those pairs ({@link #rank}) and renumbered in that order, the records and their least parents moved in one pass
   * ({@link StateStore#permute}): linear in the level's size, in {@code parallel}'s parts. It becomes the level
   * expanded next. Returns the renumbering, valid until the next call (it shares this order's arrays), for whatever
   * else holds the level's ids. When the store cannot copy the level's records within its memory budget, the states
   * keep their ids (with their least parents) and {@link MemoryLimitReached} is thrown: the search must stop. For a
   * search whose ids must be the discovery order (the liveness check, {@link Graph}); else {@link
   * #finishLevelInPlace}.
   *
   * <p>The arrays of the ranking and the pairs' chunks are kept from level to level ({@link #bytes}): allocated
   * afresh per level, they were a third of a gigabyte on counters 10^7, and the collections and page faults that
   * came with them cost more than the ranking itself.
   */
  Renumbering finishLevel(StateStore store, int from, int to, int limit, ParallelParts parallel) {
    if (inPlace) {
      throw new IllegalStateException("this order keeps the records in place");
    }
    int n = limit - to;
    int parts = parallel.parts(n);
    try {
      int total = rank(store, from, to, limit, parallel, false);
      int[] sorted = scratch.sorted(total);
      LevelPhase phase = LevelPhase.begin("permute", -1, total);
      try {
        store.permute(to, limit, sorted, total, this::least, parallel);
        phase.commit();
      } catch (MemoryLimitReached e) {
        parallel.run(parts, p -> { // the least parents all the same, in place, so that the traces reported are these
          for (int i = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1);
              i < end; i++) {
            long link = least(i);
            if (link >= 0) {
              store.setParent(to + i, (int) (link >>> 32), (int) link);
            }
          }
        });
        throw e;
      }
      levelFrom = to;
      startBuilding(limit);
      return new Renumbering(to, limit, sorted, total);
    } finally {
      scratch.dropRetired(); // no order of the level expanded is kept: the ranking's old array is unread
      scratch.dropCounts();
      clearPairs(n);
    }
  }

  /**
   * Ends the level with ids {@code to .. limit - 1} as {@link #finishLevel} does, but leaves every state at its id:
   * each gets its least parent (by id: its parent level's position translated through that level's order), the
   * level is ranked ({@link #rank}) and the ranking kept as its order ({@link #levelOrder}), which the workers follow
   * when they expand it. Nothing else holds ids to translate: the seen-set, the pending violations and the blocked
   * states keep theirs. Only for an order {@link #keepInPlace}, whose workers store a new state with its parent's
   * position in discovery order plus the level's first id as its parent, to be translated here.
   *
   * <p>Moving the records instead cost a wide model (two-phase's 72-bit states, the id-indexed records) a probe of the
   * seen-set per state to give its slot the new id, and a copy of the level's records: 1.84 of the 2.46 s that
   * finishing its levels took in a 16.5-second 2-thread search (JFR level phases, shared machine).
   */
  void finishLevelInPlace(StateStore store, int from, int to, int limit, ParallelParts parallel) {
    if (!inPlace) {
      throw new IllegalStateException("this order moves the records");
    }
    try {
      levelCount = rank(store, from, to, limit, parallel, true);
      // The ranking's array: rank reads the order of the level expanded (this same array) only in its first pass,
      // before its second writes the new level's.
      levelOrder = scratch.sorted(levelCount);
    } catch (MemoryLimitReached e) { // not ranked (its least parents written all the same): listed in id order
      levelOrder = null;
      levelCount = 0;
      throw e;
    } finally {
      scratch.dropRetired();
      scratch.dropCounts();
      clearPairs(limit - to);
      levelFrom = to;
    }
    startBuilding(limit);
  }

  /**
   * Ends the level with ids {@code to .. limit - 1}, which one thread built ({@link ParentOffers#alone}): it is in
   * discovery order by id, and each state was stored from its least parent (one thread expands its parents in rising
   * positions and their rules in order; its offers never win), so only the offers are cleared. Its parent level was
   * built by one thread too, so the parents stored, positions plus the parent level's first id, are already ids.
   * Ranking these first, small levels would run the ranking before the JIT compiled it: about 40 ms on two-phase.
   */
  void finishLevelAlone(int to, int limit) {
    if (levelOrder != null) {
      throw new IllegalStateException("a level built by one thread follows a level in ranked order");
    }
    clearPairs(limit - to);
    levelOrder = null;
    levelCount = limit - to;
    levelFrom = to;
    startBuilding(limit);
  }

  /**
   * Each state of the level {@code to .. limit - 1} gets its least pair: the parent and rule it was stored with (not
   * offered: see {@link ParentOffers#stored}) or a less one offered since, written over its pair ({@link #least}, -1
   * for a hole; the parent as its position plus {@code from}); then the level is ranked by those pairs (a counting
   * sort by parent, the parts of {@code parallel} counting and placing their slices with atomic adds, then by rule
   * among siblings, which are few: no two have the same rule, so the order the parts placed them in does not
   * matter). Leaves in {@link #scratch} the old index of each rank ({@code sorted}); returns the number of states.
   * With {@code writeLinks}, each state's least parent, as an id, is written to the store on the way ({@link
   * #finishLevelInPlace}).
   */
  private int rank(StateStore store, int from, int to, int limit, ParallelParts parallel, boolean writeLinks) {
    int n = limit - to;
    int parents = to - from;
    int parts = parallel.parts(n);
    long base = (long) from << 32; // a pair's position is relative to from
    int[] parentOrder = levelOrder; // the level expanded: its ids by position (null: in id order)
    int[] counts;
    try {
      // The least links are written over the pairs in the pairs' chunks (all the level's, allocated now): no array
      // of their own, 4 bytes per state of the widest level.
      pairs = grown(pairs, chunksFor(n)); // as startBuilding sized it, unless the level outgrew its bound
      for (int c = 0; c < chunksFor(n); c++) {
        chunk(c);
      }
      counts = scratch.counts(parents + 1); // per parent: its states, then the end of its slots
      scratch.sorted(n); // the ranking's, reserved before anything is written: a level that fits is ranked whole
    } catch (MemoryLimitReached e) {
      parallel.run(parts, p -> { // the least parents all the same, at the states' ids, so that traces are these
        for (int i = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); i < end;
            i++) {
          long link = store.link(to + i);
          if (link >= 0) {
            link = Math.min(link, offered(pairs.get(chunkOf(i)), slotOf(i) << pairShift, base));
            int position = (int) ((link >>> 32) - from);
            store.setParent(to + i, parentOrder == null ? from + position : from + parentOrder[position], (int) link);
          }
        }
      });
      throw e;
    }
    java.util.Arrays.fill(counts, 0, parents + 1, 0);
    rankFrom = from;
    LevelPhase phase = LevelPhase.begin("rank", -1, n);
    parallel.run(parts, p -> {
      for (int i = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); i < end;
          i++) {
        byte[] chunk = pairs.get(chunkOf(i));
        int offset = slotOf(i) << pairShift;
        long link = store.link(to + i);
        if (link < 0) {
          putLeast(chunk, offset, -1, from); // a hole
          continue;
        }
        link = Math.min(link, offered(chunk, offset, base));
        putLeast(chunk, offset, link, from);
        int position = (int) ((link >>> 32) - from);
        INTS.getAndAdd(counts, position, 1);
        if (writeLinks) {
          store.setParent(to + i, parentOrder == null ? from + position : from + parentOrder[position], (int) link);
        }
      }
    });
    int count = 0;
    for (int q = 0; q < parents; q++) { // each parent's first slot
      int c = counts[q];
      counts[q] = count;
      count += c;
    }
    counts[parents] = count;
    int total = count;
    int[] sorted = scratch.sorted(total);
    parallel.run(parts, p -> { // each state to a slot of its parent's, in any order: the rule orders them next
      for (int i = ParallelParts.sliceStart(n, parts, p), end = ParallelParts.sliceStart(n, parts, p + 1); i < end;
          i++) {
        long link = least(i);
        if (link >= 0) {
          sorted[(int) INTS.getAndAdd(counts, (int) ((link >>> 32) - from), 1)] = i;
        }
      }
    });
    // counts[q] is now the end of parent q's slots, so the start of q + 1's
    parallel.run(parts, p -> { // siblings (same parent: a segment of sorted) by rule; they are few
      for (int q = ParallelParts.sliceStart(parents, parts, p), end = ParallelParts.sliceStart(parents, parts, p + 1);
          q < end; q++) {
        int first = q == 0 ? 0 : counts[q - 1];
        for (int k = first + 1; k < counts[q]; k++) {
          int i = sorted[k];
          long key = least(i);
          int j = k - 1;
          while (j >= first && least(sorted[j]) > key) {
            sorted[j + 1] = sorted[j];
            j--;
          }
          sorted[j + 1] = i;
        }
      }
    });
    phase.commit();
    return total;
  }

  /** Zeroes the pairs of a level of {@code n} states: no pair offered, for the next level. */
  private void clearPairs(int n) {
    for (int c = 0, start = 0; c < chunksFor(n); start += chunkLength(c), c++) {
      byte[] chunk = pairs.get(c);
      if (chunk != null) { // all of them unless the ranking could not reserve the rest, or one thread built the level
        java.util.Arrays.fill(chunk, 0, (int) Math.min(chunk.length, (long) (n - start) << pairShift), (byte) 0);
      }
    }
    // The chunks past this level's, allocated for a wider one, are given back: the next level reuses this one's and
    // allocates more as its offers reach them.
    for (int c = chunksFor(n); pairs != null && c < pairs.length(); c++) {
      byte[] chunk = pairs.getAndSet(c, null);
      if (chunk != null) {
        long bytes = arrayBytes(chunk.length, 1);
        budget.release(bytes);
        pairBytes.addAndGet(-bytes);
      }
    }
  }

  /** The least link of the state at {@code index} in the level being finished ({@link #rank}). */
  private long least(int index) {
    byte[] chunk = pairs.get(chunkOf(index));
    int offset = slotOf(index) << pairShift;
    if (pairShift == 3) {
      return (long) WIDE.get(chunk, offset);
    }
    int pair = (int) NARROW.get(chunk, offset);
    if (pair == -1) {
      return -1; // a hole
    }
    long key = (pair & 0xFFFF_FFFFL) - 1;
    return ((rankFrom + (key >>> ruleBits)) << 32) | (key & ((1L << ruleBits) - 1));
  }

  /**
   * Bytes held: the pairs and bounds of the level being built, and the arrays kept for the ranking; all of them
   * reserved in the budget, which counts them already.
   */
  long bytes() {
    return pairBytes.get() + boundChunks.get() * boundChunkBytes() + scratch.bytes() + directoryBytes;
  }
}
