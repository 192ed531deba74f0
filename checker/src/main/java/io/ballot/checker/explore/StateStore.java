package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every state found, in the order found, with how it was reached: the parent's id and the rule (or start state)
 * instance that made it. States live in fixed-size chunks of primitive arrays so that the store grows without
 * copying and readers never see a moving array. Ids are ints from 0, handed out to each appending thread in
 * blocks of {@value #BLOCK} (its {@link Appender}), so that two threads never write to the same cache lines nor
 * contend on one counter per state; the ids of a block left unused when its thread is done are holes, skipped by
 * whoever walks the ids.
 *
 * <p>A state is one record of whole bytes in its chunk's {@code byte[]}: its full words, then as many bytes as
 * its last word uses (a 69-bit state costs 9 bytes, not 16). One record, not a word array and a tail array,
 * because comparing a successor with the state its hash points to is the seen-set's main cost: one cache miss,
 * not two. Words are read and written as unaligned little-endian longs. Rule ids take two bytes when the model
 * has fewer than 65,536 rule instances; parents and rules are apart from the states, as only traces read them.
 */
final class StateStore {
  /** Records per chunk at most; fewer for wide states, so that a chunk stays within {@link #CHUNK_BYTES}. */
  private static final int MAX_CHUNK_BITS = 10;
  /** Slots of the chunk directory to begin with. */
  private static final int FIRST_DIRECTORY = 16;
  /**
   * Bytes of records per chunk at most. Small, because the store holds whole chunks: the frontier's records, and the
   * arrays kept for reuse, are rounded up to chunks (with 4 MiB chunks, 65,536 of Paxos's 30-byte states, its levels
   * of 47,000 to 112,000 states held 2.9 MB of records and 3.7 MB of spare arrays at its peak, 6.4 of its 26.5 bytes
   * per state). Narrow states take at most {@code 2^}{@value #MAX_CHUNK_BITS} a chunk, so that a small model's first
   * chunk of records, parents and rules is a few kilobytes: with 65,536 it was some 450 KB, with 8,192 some 60 KB.
   */
  private static final int CHUNK_BYTES = 256 << 10;
  /**
   * Ids reserved at a time by one thread, at most: a store's block ({@link #block}) is this or its chunk's size if
   * smaller (states of megabytes), so that a block divides every chunk and never spans two.
   */
  static final int BLOCK = 64;
  /** The most bytes of records one block spans (a state of over 4 KiB takes fewer than {@link #BLOCK} ids). */
  private static final int BLOCK_BYTES = 256 << 10;
  /** The parent recorded for an unused id. */
  private static final int HOLE = -2;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final int words; // of a record
  private final int stateWords; // of a state: the record's, or more when records are references (decoder)
  private final int head; // full words of a record
  private final int tailBytes; // bytes of the last word kept
  private final long tailMask;
  private final int stride; // bytes per record
  private final int chunkBits;
  private final int chunkMask;
  private final boolean wideRules;
  /**
   * The chunks by index: {@value #FIRST_DIRECTORY} slots at first, doubled when the ids outrun them ({@link
   * #growDirectory}): ids are never reused, so a search that drops the records of expanded levels (the
   * inline and tree-compressed sets, hash compaction) hands out ids for many more chunks than it holds at once.
   * Replaced whole under this store's lock, as every write of a slot is made (or between levels).
   */
  private volatile AtomicReferenceArray<Chunk> chunks;
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger holes = new AtomicInteger();
  private final int block;
  private final MemoryBudget budget;
  /** When the records are references to states (64-bit root pairs of a tree): what turns them into states; or null. */
  private StateDecoder decoder;
  private final boolean references;

  /** One chunk's arrays; all final, so a published chunk is seen whole. */
  private static final class Chunk {
    /** The records, and 8 bytes more so that the last record's tail can be read as one long. */
    final byte[] records;
    final int[] parents;
    final char[] rules;
    final int[] wideRules;
    /**
     * When the parents are in the links file: the indexes of the chunk's holes, ascending (so few: a search list);
     * null when they did not fit the budget (the file then tells).
     */
    final int[] holes;

    Chunk(byte[] records, int[] parents, char[] rules, int[] wideRules) {
      this.records = records;
      this.parents = parents;
      this.rules = rules;
      this.wideRules = wideRules;
      this.holes = null;
    }

    /** {@code c}'s parents and rules without its records (dropped: see {@link #dropRecordsBelow}). */
    Chunk(Chunk c) {
      records = null;
      parents = c.parents;
      rules = c.rules;
      wideRules = c.wideRules;
      holes = c.holes;
    }

    /**
     * {@code records} whose parents and rules are in the store's {@link TraceLinkFile} ({@link #spillLinksBelow}),
     * and whose holes are at {@code holes}: telling a hole needs no read of the file.
     */
    Chunk(byte[] records, int[] holes) {
      this.records = records;
      parents = null;
      rules = null;
      wideRules = null;
      this.holes = holes;
    }
  }

  /** Chunks below this index have had their records dropped. */
  private int droppedChunks;
  /** Chunks below this index have their parents and rules in {@link #links}, not in memory. */
  private int spilledChunks;
  /** Where the parents and rules of chunks no longer changed go; null until the first is moved there. */
  private volatile TraceLinkFile links;
  /** Why the links file could not be used (they then stay in memory), or null. */
  private String linksFailure;
  /**
   * Arrays of chunks whose records were dropped during a level ({@link #dropChunk}), for the level's next chunks to
   * reuse, so that the heap does not grow with them; emptied at the level's end ({@link #trimFree}). They stay
   * reserved from the budget meanwhile. Guarded by this store's lock.
   */
  private final java.util.ArrayDeque<byte[]> freeRecords = new java.util.ArrayDeque<>();
  private final java.util.ArrayDeque<Chunk> freeLinks = new java.util.ArrayDeque<>();

  /**
   * A store for states of {@code bits} bits in {@code words} words, whose rule ids are below {@code ruleLimit}, with
   * no memory limit.
   */
  StateStore(int bits, int words, int ruleLimit) {
    this(bits, words, ruleLimit, new MemoryBudget(Long.MAX_VALUE, true));
  }

  /**
   * A store as above whose chunks are reserved from {@code budget} before they are allocated: when one does not fit,
   * {@link #add} throws {@link MemoryLimitReached} and the store is left as it was.
   */
  StateStore(int bits, int words, int ruleLimit, MemoryBudget budget) {
    this(bits, words, words, ruleLimit, budget, false);
  }

  /**
   * A store whose records are 64-bit references to states of {@code stateWords} words (a tree's root pairs: 8 bytes a
   * state, not the state's bytes), turned into states by the decoder given to {@link #decodeWith} before the first
   * state is added. {@link #add} and {@link #difference} take the reference (one word), {@link #get} gives the state.
   */
  static StateStore ofReferences(int stateWords, int ruleLimit, MemoryBudget budget) {
    return new StateStore(64, 1, stateWords, ruleLimit, budget, true);
  }

  private StateStore(int bits, int words, int stateWords, int ruleLimit, MemoryBudget budget, boolean references) {
    this.references = references;
    this.budget = budget;
    this.words = words;
    this.stateWords = stateWords;
    this.head = words - 1;
    this.tailBytes = (bits - 64 * head + 7) >>> 3;
    this.tailMask = tailBytes == 8 ? -1L : (1L << (8 * tailBytes)) - 1;
    this.stride = 8 * head + tailBytes;
    int bitsForChunk = MAX_CHUNK_BITS;
    // Chunks of at most CHUNK_BYTES, and of at most a sixteenth of a small memory limit (--memory 100K still holds
    // thousands of small states, not one chunk).
    // States of over a sixteenth of CHUNK_BYTES take four a chunk, as many as with 4 MiB chunks, so that the
    // directory (a slot per possible chunk of 2^31 ids, below) stays as small as it was for them.
    long chunkLimit = Math.min(Math.max(CHUNK_BYTES, 4L * stride), budget.limit() / 16);
    while (bitsForChunk > 0 && (long) stride << bitsForChunk > chunkLimit) {
      bitsForChunk--;
    }
    this.chunkBits = bitsForChunk;
    this.chunkMask = (1 << chunkBits) - 1;
    // A block's unused ids are holes (a block per worker per level), so wide states take fewer at a time.
    int blockBits = 6;
    while (blockBits > 0 && (long) stride << blockBits > BLOCK_BYTES) {
      blockBits--;
    }
    this.block = 1 << Math.min(blockBits, chunkBits);
    this.wideRules = ruleLimit > Character.MAX_VALUE;
    // A few chunks to begin with, doubled when the ids outrun them ({@link #growDirectory}): sized by the budget, the
    // directory of a small model took 70 KB, more than its states.
    int directory = (int) Math.min(maxChunks(), FIRST_DIRECTORY);
    budget.charge(8L * directory + 16);
    this.chunks = new AtomicReferenceArray<>(directory);
  }

  /** Words of a state ({@link #get}'s output). */
  int words() {
    return stateWords;
  }

  /** Whether the records are references to states, to be given a decoder ({@link #ofReferences}). */
  boolean keepsReferences() {
    return references;
  }

  /** Makes {@link #get} decode the references through {@code d}; before any state is read. */
  void decodeWith(StateDecoder d) {
    this.decoder = d;
  }

  /** The decoder of the references ({@link #decodeWith}), or null when the records are the states. */
  StateDecoder decoder() {
    return decoder;
  }

  /** The first word of {@code id}'s record: the reference itself when the records are references. */
  long record(int id) {
    byte[] r = chunks.get(id >>> chunkBits).records;
    return (long) LONG.get(r, (id & chunkMask) * stride) & (head == 0 ? tailMask : -1L);
  }

  /** The budget this store's chunks come from (the seen-set's index takes from it too). */
  MemoryBudget budget() {
    return budget;
  }

  /** Bytes one chunk of this store takes (records, parents, rules). */
  long chunkBytes() {
    long n = 1L << chunkBits;
    return n * stride + Long.BYTES + 4 * n + (wideRules ? 4 : 2) * n + 3 * 16; // and three array headers
  }

  /**
   * Ids one thread reserves at a time ({@link Appender}): a power of two, and every block starts at a multiple of it,
   * so ids {@code i} with the same {@code i / block()} were all handed out to one thread.
   */
  int block() {
    return block;
  }

  /** Ids per chunk. */
  int idsPerChunk() {
    return 1 << chunkBits;
  }

  /** Number of states stored. */
  int size() {
    return ids.get() - holes.get();
  }

  /** One past the highest id handed out (holes included): ids range over {@code 0 .. idLimit() - 1}. */
  int idLimit() {
    return ids.get();
  }

  /** Whether {@code id} (below {@link #idLimit()}, after its thread released its block) holds no state. */
  boolean isHole(int id) {
    Chunk chunk = chunks.get(id >>> chunkBits);
    if (chunk.parents != null) {
      return chunk.parents[id & chunkMask] == HOLE;
    }
    return chunk.holes != null ? java.util.Arrays.binarySearch(chunk.holes, id & chunkMask) >= 0
        : links.parent(id >>> chunkBits, id & chunkMask) == HOLE;
  }

  /** One thread's current block of ids. Not thread-safe: each appending thread has its own. */
  static final class Appender {
    private int next;
    private int limit;
    /**
     * The seen-set's own per-thread scratch (e.g. {@link TreeStateTable}'s last lookup), kept with the thread's block
     * of ids so that the seen-set needs no thread-local; null until the seen-set puts one there.
     */
    Object scratch;
  }

  /** A new appender, with no ids reserved yet. */
  Appender appender() {
    return new Appender();
  }

  /** Marks the ids {@code a} reserved and did not use as holes; call when its thread has finished appending. */
  void release(Appender a) {
    if (a.next < a.limit) {
      Chunk chunk = chunks.get(a.next >>> chunkBits);
      for (int id = a.next; id < a.limit; id++) {
        chunk.parents[id & chunkMask] = HOLE;
      }
      holes.addAndGet(a.limit - a.next);
      a.next = a.limit;
    }
  }

  /** Bytes one state costs here (its record, parent and rule). */
  int bytesPerState() {
    return stride + 4 + (wideRules ? 4 : 2);
  }

  /** Appends a state with an id from {@code a}'s block (reserving a new block when it is used up); returns the id. */
  int add(Appender a, long[] state, int parent, int rule) {
    if (a.next == a.limit) {
      reserve(a);
    }
    int id = a.next++;
    Chunk chunk = chunks.get(id >>> chunkBits);
    int i = id & chunkMask;
    byte[] r = chunk.records;
    int at = i * stride;
    for (int w = 0; w < head; w++, at += 8) {
      LONG.set(r, at, state[w]);
    }
    long last = state[head];
    for (int b = 0; b < tailBytes; b++) {
      r[at + b] = (byte) (last >>> (8 * b));
    }
    chunk.parents[i] = parent;
    if (wideRules) {
      chunk.wideRules[i] = rule;
    } else {
      chunk.rules[i] = (char) rule;
    }
    return id;
  }

  /**
   * Reserves the next block of ids for {@code a}. The chunk of a block is allocated (its bytes reserved from the
   * budget) before the block's ids are handed out, so every id given out has its chunk, and a budget exhausted
   * leaves no id without one.
   */
  private void reserve(Appender a) {
    while (true) {
      int first = ids.get();
      if (first < 0 || first + block < 0) {
        throw new IllegalStateException("more than 2^31 states");
      }
      if ((first >>> chunkBits) >= chunks.length()) {
        growDirectory(first >>> chunkBits);
      }
      if (chunks.get(first >>> chunkBits) == null) {
        allocate(first >>> chunkBits);
      }
      if (ids.compareAndSet(first, first + block)) {
        a.next = first;
        a.limit = first + block;
        return;
      }
    }
  }

  /** Chunks of 2^31 ids: the directory's largest length. */
  private long maxChunks() {
    return ((long) Integer.MAX_VALUE >>> chunkBits) + 1;
  }

  /**
   * Makes the directory hold chunk {@code c}: doubled (up to {@link #maxChunks}), its slots copied under the lock that
   * every slot's write takes, its bytes reserved from the budget ({@link MemoryLimitReached}: left as it was).
   */
  private synchronized void growDirectory(int c) {
    AtomicReferenceArray<Chunk> old = chunks;
    if (c < old.length()) {
      return; // another thread grew it
    }
    int length = (int) Math.min(Math.min(maxChunks(), Math.max(c + 1L, 2L * old.length())), Integer.MAX_VALUE - 8);
    if (c >= length) {
      throw new IllegalStateException("more than 2^31 states");
    }
    budget.reserve(8L * (length - old.length()));
    AtomicReferenceArray<Chunk> wider = new AtomicReferenceArray<>(length);
    for (int k = 0; k < old.length(); k++) {
      wider.set(k, old.get(k));
    }
    chunks = wider; // published whole: a reader of the old one reads only the chunks it already had
  }

  private synchronized void allocate(int c) {
    if (chunks.get(c) == null) {
      int size = 1 << chunkBits;
      long fresh = (freeRecords.isEmpty() ? recordBytesPerChunk() : 0) + (freeLinks.isEmpty() ? linkBytesPerChunk() : 0);
      budget.reserve(fresh);
      byte[] records = freeRecords.isEmpty() ? new byte[size * stride + Long.BYTES] : freeRecords.pop();
      Chunk links = freeLinks.isEmpty()
          ? new Chunk(null, new int[size], wideRules ? null : new char[size], wideRules ? new int[size] : null)
          : freeLinks.pop();
      // A volatile write: the arrays are seen whole. Reused arrays hold old values: every id's record, parent and
      // rule is written when the id is added or released, before it is read.
      chunks.set(c, new Chunk(records, links.parents, links.rules, links.wideRules));
    }
  }

  /**
   * Frees the records (not the parents and rules, which traces read) of every chunk whose ids are all below {@code
   * id}, keeping their arrays for the next chunks (still reserved from the budget): hash compaction and the inline
   * seen-set keep full states only for the levels the search still expands, so the store holds a frontier's worth. Called between levels, by the search thread; {@link #get} and {@link #difference} must not be
   * asked for a dropped id ({@link #hasRecord}).
   */
  void dropRecordsBelow(int id) {
    int end = Math.min(id >>> chunkBits, chunks.length());
    for (int c = droppedChunks; c < end; c++) {
      Chunk chunk = chunks.get(c);
      if (chunk != null && chunk.records != null) {
        chunks.set(c, chunk.parents == null ? new Chunk(null, chunk.holes) : new Chunk(chunk));
        recycle(chunk.records);
      }
    }
    droppedChunks = Math.max(droppedChunks, end);
    trimFree();
  }

  /**
   * Frees the records of chunk {@code c} now, keeping its array for the next chunks ({@link #dropRecordsBelow}, for
   * one chunk during a level: {@link LevelRelease}): no thread may read them again. Thread-safe.
   */
  synchronized void dropChunk(int c) {
    Chunk chunk = chunks.get(c);
    if (chunk != null && chunk.records != null) {
      chunks.set(c, chunk.parents == null ? new Chunk(null, chunk.holes) : new Chunk(chunk));
      freeRecords.push(chunk.records);
    }
  }

  /**
   * Gives back to the budget (and the collector) the arrays kept for reuse: within a level the chunks freed as their
   * states are expanded ({@link #dropChunk}) are reused by the level being built, but between levels spare arrays
   * are bytes held for nothing (with a level's worth kept, 1.1 of Paxos's 15.1 bytes per state at its peak, tree
   * store); the next level's first chunks are allocated afresh until its frontier's chunks are freed.
   */
  private synchronized void trimFree() {
    while (!freeRecords.isEmpty()) {
      freeRecords.pop();
      budget.release(recordBytesPerChunk());
    }
    while (!freeLinks.isEmpty()) {
      freeLinks.pop();
      budget.release(linkBytesPerChunk());
    }
  }

  /** Whether state {@code id}'s value is still stored (its chunk's records were not dropped). */
  boolean hasRecord(int id) {
    return chunks.get(id >>> chunkBits).records != null;
  }

  /**
   * Bytes of the records that {@link #dropRecordsBelow}{@code (id)} would drop, about what it gives back (it keeps a
   * level's worth of arrays for reuse). Walks the chunks: between levels only.
   */
  long recordBytesBelow(int id) {
    long bytes = 0;
    int end = Math.min(id >>> chunkBits, chunks.length());
    for (int c = droppedChunks; c < end; c++) {
      Chunk chunk = chunks.get(c);
      bytes += chunk != null && chunk.records != null ? recordBytesPerChunk() : 0;
    }
    return bytes;
  }

  /** Bytes of the records of one chunk: what a chunk reusing dropped records does not reserve again. */
  long recordBytesPerChunk() {
    return ((long) stride << chunkBits) + Long.BYTES + 16;
  }

  /** The state of {@code id} into {@code out} ({@link #words()} words), decoded when the record is a reference. */
  void get(int id, long[] out) {
    if (decoder != null) {
      decoder.decode(record(id), out);
      return;
    }
    byte[] r = chunks.get(id >>> chunkBits).records;
    int at = (id & chunkMask) * stride;
    for (int w = 0; w < head; w++, at += 8) {
      out[w] = (long) LONG.get(r, at);
    }
    out[head] = (long) LONG.get(r, at) & tailMask;
  }

  /**
   * Zero when {@code id} holds {@code state}, else the bits where they differ (OR-ed over words). Without a
   * data-dependent branch, so that a rare mismatch (a hash collision) takes no path the JIT compiled away.
   */
  long difference(int id, long[] state) {
    byte[] r = chunks.get(id >>> chunkBits).records;
    int at = (id & chunkMask) * stride;
    long diff = 0;
    for (int w = 0; w < head; w++, at += 8) {
      diff |= (long) LONG.get(r, at) ^ state[w];
    }
    return diff | (((long) LONG.get(r, at) & tailMask) ^ state[head]);
  }

  int parent(int id) {
    Chunk chunk = chunks.get(id >>> chunkBits);
    return chunk.parents != null ? chunk.parents[id & chunkMask] : links.parent(id >>> chunkBits, id & chunkMask);
  }

  /**
   * Records another way to reach stored state {@code id}; the caller makes concurrent changes of one id exclusive.
   * Only for ids at or above the last {@link #spillLinksBelow}.
   */
  void setParent(int id, int parent, int rule) {
    Chunk chunk = chunks.get(id >>> chunkBits);
    int i = id & chunkMask;
    if (chunk.parents == null) {
      throw new IllegalStateException("the parent of state " + id + " was already moved to the links file");
    }
    chunk.parents[i] = parent;
    if (wideRules) {
      chunk.wideRules[i] = rule;
    } else {
      chunk.rules[i] = (char) rule;
    }
  }

  /**
   * Reorders the records of the ids {@code from .. limit - 1}: the record at {@code from + source[k]} moves to {@code
   * from + k}, and the ids from {@code from + source.length} on become holes. Parents and rules are left to the caller
   * ({@link #setParent}). See {@link #permute(int, int, int[], int, long[], ParallelParts)}.
   */
  void permute(int from, int limit, int[] source, ParallelParts parallel) {
    permute(from, limit, source, source.length, (long[]) null, parallel);
  }

  /**
   * Reorders the records of the ids {@code from .. limit - 1}: for {@code k < count}, the record at {@code from +
   * source[k]} moves to {@code from + k} and gets the parent and rule {@code links[source[k]]} ({@code parent << 32 |
   * rule}; {@code links} null: the parents and rules are left to the caller, {@link #setParent}); the ids from {@code
   * from + count} on become holes. The range's records are copied first (reserved from the budget for the time:
   * throws {@link MemoryLimitReached}, the store unchanged, when they do not fit), then gathered into place in {@code
   * parallel}'s parts, the links written in the same pass. Between levels only, on a range whose links were not
   * moved to the file.
   */
  void permute(int from, int limit, int[] source, int count, long[] links, ParallelParts parallel) {
    permute(from, limit, source, count, links == null ? null : k -> links[k], parallel);
  }

  /** As {@link #permute(int, int, int[], int, long[], ParallelParts)}, the links read through {@code links}. */
  void permute(int from, int limit, int[] source, int count, java.util.function.IntToLongFunction links,
      ParallelParts parallel) {
    if (from >= limit) {
      return;
    }
    int c0 = from >>> chunkBits;
    int c1 = (limit - 1) >>> chunkBits;
    long bytes = (long) (limit - from) * stride + 16L * (c1 - c0 + 1);
    budget.reserve(bytes);
    try {
      byte[][] copy = new byte[c1 - c0 + 1][];
      int[] copyFrom = new int[copy.length]; // the first id of each copy
      int copies = copy.length;
      int copyParts = Math.min(copies, parallel.parts(limit - from));
      parallel.run(copyParts, p -> {
        for (int c = ParallelParts.sliceStart(copies, copyParts, p); c < ParallelParts.sliceStart(copies, copyParts,
            p + 1); c++) {
          int first = Math.max(from, (c0 + c) << chunkBits);
          int end = Math.min(limit, (c0 + c + 1) << chunkBits);
          int at = (first & chunkMask) * stride;
          copyFrom[c] = first;
          copy[c] = java.util.Arrays.copyOfRange(chunks.get(c0 + c).records, at, at + (end - first) * stride);
        }
      });
      int parts = parallel.parts(count);
      parallel.run(parts, p -> {
        int k = ParallelParts.sliceStart(count, parts, p);
        int end = ParallelParts.sliceStart(count, parts, p + 1);
        while (k < end) { // a run of destinations in one chunk at a time
          int dst = from + k;
          Chunk into = chunks.get(dst >>> chunkBits);
          int runEnd = Math.min(end, ((dst >>> chunkBits) + 1 << chunkBits) - from);
          for (; k < runEnd; k++, dst++) {
            int old = source[k];
            int src = from + old;
            int c = (src >>> chunkBits) - c0;
            int i = dst & chunkMask;
            System.arraycopy(copy[c], (src - copyFrom[c]) * stride, into.records, i * stride, stride);
            if (links != null) {
              long link = links.applyAsLong(old);
              into.parents[i] = (int) (link >>> 32);
              if (wideRules) {
                into.wideRules[i] = (int) link;
              } else {
                into.rules[i] = (char) link;
              }
            }
          }
        }
      });
      for (int id = from + count; id < limit; id++) {
        chunks.get(id >>> chunkBits).parents[id & chunkMask] = HOLE;
      }
    } finally {
      budget.release(bytes);
    }
  }

  /**
   * State {@code id}'s parent and rule as one long, {@code parent << 32 | rule}: negative for a hole (and for a start
   * state, whose parent is -1). One look-up of the chunk where {@link #isHole}, {@link #parent} and {@link #rule}
   * take one each.
   */
  long link(int id) {
    Chunk chunk = chunks.get(id >>> chunkBits);
    int i = id & chunkMask;
    if (chunk.parents == null) {
      int parent = isHole(id) ? HOLE : links.parent(id >>> chunkBits, i);
      return parent < 0 ? -1 : ((long) parent << 32) | links.rule(id >>> chunkBits, i);
    }
    int parent = chunk.parents[i];
    if (parent < 0) {
      return -1;
    }
    return ((long) parent << 32) | (wideRules ? chunk.wideRules[i] : chunk.rules[i]);
  }

  int rule(int id) {
    Chunk chunk = chunks.get(id >>> chunkBits);
    int i = id & chunkMask;
    if (chunk.parents == null) {
      return links.rule(id >>> chunkBits, i);
    }
    return wideRules ? chunk.wideRules[i] : chunk.rules[i];
  }

  /**
   * Moves the parents and rules of every chunk whose ids are all below {@code id} to a temporary file ({@link
   * TraceLinkFile}), keeping their arrays for the next chunks (still reserved from the budget): only traces read them, and {@link #setParent} changes
   * only the level being built. Called between levels by the search thread, with {@code id} at most the first id of
   * the level to expand next. When the file cannot be made or written they stay in memory ({@link #linksFailure}).
   */
  void spillLinksBelow(int id) {
    int end = Math.min(id >>> chunkBits, chunks.length());
    if (linksFailure != null || end <= spilledChunks) {
      return;
    }
    try {
      if (links == null) {
        links = TraceLinkFile.create(1 << chunkBits, wideRules ? 4 : 2);
      }
      for (int c = spilledChunks; c < end; c++) {
        Chunk chunk = chunks.get(c);
        if (chunk == null || chunk.parents == null) {
          continue;
        }
        links.write(c, chunk.parents, chunk.rules, chunk.wideRules);
        chunks.set(c, new Chunk(chunk.records, holesOf(chunk.parents)));
        recycle(chunk);
        spilledChunks = c + 1;
      }
    } catch (java.io.IOException | RuntimeException e) {
      linksFailure = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    trimFree();
  }

  private static final int[] NO_HOLES = {};

  /**
   * The indexes of the holes among {@code parents}, ascending, reserved from the budget (a few per level); null when
   * they do not fit: the links file then tells a hole ({@link #isHole}).
   */
  private int[] holesOf(int[] parents) {
    int n = 0;
    for (int p : parents) {
      n += p == HOLE ? 1 : 0;
    }
    if (n == 0) {
      return NO_HOLES;
    }
    try {
      budget.reserve(4L * n + 16);
    } catch (MemoryLimitReached e) {
      return null;
    }
    int[] holes = new int[n];
    for (int i = 0, k = 0; k < n; i++) {
      if (parents[i] == HOLE) {
        holes[k++] = i;
      }
    }
    return holes;
  }

  private synchronized void recycle(byte[] records) {
    freeRecords.push(records);
  }

  private synchronized void recycle(Chunk links) {
    freeLinks.push(new Chunk(null, links.parents, links.rules, links.wideRules));
  }

  /** Why the parents and rules could not be moved to a file (they stayed in memory), or null. */
  String linksFailure() {
    return linksFailure;
  }

  /** Chunks whose parents and rules are in the links file. */
  int spilledChunks() {
    return spilledChunks;
  }

  /**
   * Bytes the store holds now, by kind: {@code [records, parents and rules, arrays kept for reuse, chunk directory]}
   * (for the accounting breakdown, {@link StoreBytes}; walks the chunks, so between levels only).
   */
  long[] bytesByKind() {
    long records = 0;
    long links = 0;
    int n = Math.min(chunks.length(), (ids.get() >>> chunkBits) + 1);
    for (int c = 0; c < n; c++) {
      Chunk chunk = chunks.get(c);
      if (chunk != null) {
        records += chunk.records != null ? recordBytesPerChunk() : 0;
        links += chunk.parents != null ? linkBytesPerChunk() : 0;
      }
    }
    long free;
    synchronized (this) {
      free = freeRecords.size() * recordBytesPerChunk() + freeLinks.size() * linkBytesPerChunk();
    }
    return new long[] {records, links, free, 8L * chunks.length() + 16};
  }

  /** Bytes of one chunk's parents and rules in memory: what a chunk reusing moved links does not reserve again. */
  long linkBytesPerChunk() {
    return ((4L + (wideRules ? 4 : 2)) << chunkBits) + 32; // and two array headers
  }
}
