package io.ballot.checker.explore;

/**
 * An exact set of states wider than 63 bits, tree-compressed (Laarman, van de Pol and Weber, "Parallel Recursive
 * State Compression for Free", SPIN 2011): the state's bits are split in halves, recursively, down to leaves of at
 * most {@value #LEAF_BITS} bits; each inner node below the root is the pair of its children's references (a leaf's
 * reference is its value, an inner node's its id), interned in that node's own {@link SubvectorTable}; the root is
 * the pair of its two children's references, kept as a value in an {@link InlineStateTable} (which stores it less
 * its stripe's bits). Protocol models repeat their parts, so a new state usually adds a root entry and little else:
 * it costs about the bytes of two ids, not the state's.
 *
 * <p>The root's pair is packed in as few bits as the children's references need now (a leaf's width, or the bits of
 * an inner table's size plus {@value #ROOM_BITS} bits of room, plus what the root's slots would leave unused): when
 * an id outgrows its field, the root set is rebuilt with wider fields ({@link #widen}), which happens a few times in
 * a run.
 *
 * <p>Filled between the levels of a search, by one thread ({@link #add}) or by all the search's threads ({@link
 * #addLevel}: the inner tables take concurrent interns, the root set is split by stripe), and only read during a
 * level, so {@link #contains} is thread-safe between fills. Every byte is reserved from the budget first.
 */
final class TreeStateTable implements FoundStates, StateDecoder {
  /** Widest leaf: the pair of two leaves or ids fits a {@code long}, and the root's pair 63 bits. */
  static final int LEAF_BITS = 31;
  private static final int ROOM_BITS = 1;
  /** The root set's stripes grow by a quarter ({@link InlineStateTable}): it is about half of the tree's bytes. */
  private static final int ROOT_GROWTH = 4;
  /** States whose root pairs are buffered at a time by {@link #addLevel}, between its two phases. */
  private static final int BATCH = 1 << 15;

  /** The nodes in post order (children before parents), the root last; per node: */
  private final int[] lo; // first bit
  private final int[] width; // bits covered
  private final int[] left; // child nodes, -1 for a leaf
  private final int[] right;
  private final SubvectorTable[] tables; // inner nodes below the root; null for leaves and the root
  private final int root;
  private final MemoryBudget budget;
  private InlineStateTable roots;
  /** Bits of the root's fields for its left and right child's reference. */
  private int leftBits;
  private int rightBits;
  private long size;
  /** Bumped by every fill: a {@link Memo} of an older generation may hold "absent" for a part now added. */
  private int generation;

  /**
   * The inner nodes' references of the last state a thread looked up or added, with the children's references they
   * were found for: a successor differs from its parent in few parts, and states in id order share most parts, so
   * most inner nodes have the same children as the last time, and so the same id, found without probing a table
   * (Laarman's incremental lookup). A reading thread keeps its own in its {@link StateStore.Appender}.
   */
  private static final class Memo {
    final long[] left;
    final long[] right;
    final long[] reference;
    /** The last {@link #encode}d state's root pair, as a one-word state for an index of references. */
    final long[] key = new long[1];
    int generation = -1;

    Memo(int nodes) {
      left = new long[nodes];
      right = new long[nodes];
      reference = new long[nodes];
      java.util.Arrays.fill(left, -1); // no reference is -1: nothing matches until looked up
    }
  }

  /** An empty set for states of {@code bits} bits (64 or more), its bytes reserved from {@code budget}. */
  TreeStateTable(int bits, MemoryBudget budget) {
    if (bits <= 2 * LEAF_BITS) {
      throw new IllegalArgumentException("tree-compressed states have over " + 2 * LEAF_BITS + " bits, not " + bits);
    }
    this.budget = budget;
    int nodes = count(bits);
    lo = new int[nodes];
    width = new int[nodes];
    left = new int[nodes];
    right = new int[nodes];
    tables = new SubvectorTable[nodes];
    int[] next = {0};
    root = build(0, bits, next);
    int[] f = fields(0, 0);
    leftBits = f[0];
    rightBits = f[1];
    roots = new InlineStateTable(leftBits + rightBits, budget, false, ROOT_GROWTH);
    for (int n = 0; n < nodes; n++) {
      if (left[n] >= 0 && n != root) {
        tables[n] = new SubvectorTable(budget);
      }
    }
  }

  /** Nodes of the tree over {@code bits} bits. */
  private static int count(int bits) {
    return bits <= LEAF_BITS ? 1 : 1 + count((bits + 1) / 2) + count(bits / 2);
  }

  private int build(int from, int bits, int[] next) {
    int l = -1;
    int r = -1;
    if (bits > LEAF_BITS) {
      l = build(from, (bits + 1) / 2, next);
      r = build(from + (bits + 1) / 2, bits / 2, next);
    }
    int n = next[0]++;
    lo[n] = from;
    width[n] = bits;
    left[n] = l;
    right[n] = r;
    return n;
  }

  /**
   * The widest states kept here: the tree has a table per inner node, about bits / 16 of them, allocated up front,
   * so a state of millions of bits keeps the id-indexed records, whose memory limit stops the search cleanly.
   */
  static final int MAX_BITS = 1 << 16;

  /** Whether states of {@code bits} bits are kept here (rather than inline, or in the id-indexed records). */
  static boolean fits(int bits) {
    return bits > 2 * LEAF_BITS && bits <= MAX_BITS;
  }

  /** The bits of the root's field for node {@code n}'s reference, with room for {@code needed} ids. */
  private int fieldBits(int n, int needed) {
    if (left[n] < 0) {
      return width[n];
    }
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, needed)) + ROOM_BITS;
    return Math.min(LEAF_BITS, Math.max(ROOM_BITS, bits));
  }

  /**
   * The root's fields for ids up to {@code leftNeeded} and {@code rightNeeded}, widened by the bits the root set's
   * slots would leave unused: a slot holds the pair less its stripe's bits in whole bytes, so up to 7 more bits of
   * room for an inner child's ids cost nothing.
   */
  private int[] fields(int leftNeeded, int rightNeeded) {
    int l = fieldBits(left[root], leftNeeded);
    int r = fieldBits(right[root], rightNeeded);
    int rest = Math.max(0, l + r - InlineStateTable.STRIPE_BITS);
    int spare = Math.max(8, (rest + 7) / 8 * 8) - rest;
    boolean leftInner = left[left[root]] >= 0;
    boolean rightInner = left[right[root]] >= 0;
    for (int b = 0; b < spare; b++) {
      boolean growLeft = leftInner && l < LEAF_BITS;
      boolean growRight = rightInner && r < LEAF_BITS;
      if (growRight && (!growLeft || r <= l)) {
        r++;
      } else if (growLeft) {
        l++;
      } else {
        break;
      }
    }
    return new int[] {l, r};
  }

  /** Bits {@code from .. from + bits - 1} of {@code state} ({@code bits} at most 32). */
  static long bits(long[] state, int from, int bits) {
    int w = from >>> 6;
    int o = from & 63;
    long v = state[w] >>> o;
    if (o + bits > 64) {
      v |= state[w + 1] << (64 - o);
    }
    return v & ((1L << bits) - 1);
  }

  /**
   * Node {@code n}'s reference in {@code state}, its parts interned (given ids) when new; {@code memo}'s id for an
   * inner node whose children's references are the last ones; {@code shared}: other threads intern at once.
   */
  private long intern(long[] state, int n, Memo memo, boolean shared) {
    if (left[n] < 0) {
      return bits(state, lo[n], width[n]);
    }
    long l = intern(state, left[n], memo, shared);
    long r = intern(state, right[n], memo, shared);
    if (memo.left[n] == l && memo.right[n] == r) {
      return memo.reference[n];
    }
    long pair = (l << 32) | r;
    long id = shared ? tables[n].internShared(pair) : tables[n].intern(pair);
    memo.left[n] = l;
    memo.right[n] = r;
    memo.reference[n] = id;
    return id;
  }

  /**
   * Node {@code n}'s reference in {@code state}, or -1 when one of its parts was never added; {@code memo}'s id for
   * an inner node whose children's references are those of the last lookup.
   */
  private long lookup(long[] state, int n, Memo memo) {
    if (left[n] < 0) {
      return bits(state, lo[n], width[n]);
    }
    long l = lookup(state, left[n], memo);
    if (l < 0) {
      return -1;
    }
    long r = lookup(state, right[n], memo);
    if (r < 0) {
      return -1;
    }
    if (memo.left[n] == l && memo.right[n] == r) {
      return memo.reference[n];
    }
    long id = tables[n].find((l << 32) | r);
    memo.left[n] = l;
    memo.right[n] = r;
    memo.reference[n] = id;
    return id;
  }

  @Override
  public boolean contains(long[] state) {
    return contains(state, new Memo(left.length));
  }

  @Override
  public boolean contains(long[] state, StateStore.Appender appender) {
    Object scratch = appender.scratch;
    Memo memo;
    if (scratch instanceof Memo m) {
      memo = m;
    } else {
      memo = new Memo(left.length);
      appender.scratch = memo;
    }
    return contains(state, memo);
  }

  private boolean contains(long[] state, Memo memo) {
    if (memo.generation != generation) {
      java.util.Arrays.fill(memo.left, -1); // a part absent then may have been added since
      memo.generation = generation;
    }
    long l = lookup(state, left[root], memo);
    if (l < 0 || l >>> leftBits != 0) {
      return false; // a part never added, or an id newer than every root entry
    }
    long r = lookup(state, right[root], memo);
    if (r < 0 || r >>> rightBits != 0) {
      return false;
    }
    return roots.contains((l << rightBits) | r);
  }

  /** The thread's memo, kept in {@code appender}'s scratch. */
  private Memo memo(StateStore.Appender appender) {
    if (appender.scratch instanceof Memo m) {
      return m;
    }
    Memo memo = new Memo(left.length);
    appender.scratch = memo;
    return memo;
  }

  /**
   * {@code state}'s root pair, {@code left << 32 | right} (its reference: {@link #decode} gives the state back),
   * interning its new parts in the inner tables; thread-safe at any time, also with other threads' encodes and
   * lookups. Returns the thread's one-word array holding it (valid until the thread's next encode).
   */
  long[] encode(long[] state, StateStore.Appender appender) {
    Memo memo = memo(appender);
    if (memo.generation != generation) {
      java.util.Arrays.fill(memo.left, -1); // a lookup's "absent" may have been left there
      memo.generation = generation;
    }
    long l = intern(state, left[root], memo, true);
    long r = intern(state, right[root], memo, true);
    memo.key[0] = (l << 32) | r;
    return memo.key;
  }

  /** {@code state}'s root pair ({@link #encode}) when all its parts are interned, else -1; interns nothing. */
  long pairOf(long[] state) {
    Memo memo = new Memo(left.length);
    long l = lookup(state, left[root], memo);
    long r = l < 0 ? -1 : lookup(state, right[root], memo);
    return r < 0 ? -1 : (l << 32) | r;
  }

  /** Whether the state of root pair {@code pair} ({@link #encode}) was added. Thread-safe between fills. */
  boolean containsPair(long pair) {
    long l = pair >>> 32;
    long r = pair & 0xFFFF_FFFFL;
    if (l >>> leftBits != 0 || r >>> rightBits != 0) {
      return false; // an id newer than every root entry
    }
    return roots.contains((l << rightBits) | r);
  }

  /** The state whose root pair is {@code pair} ({@link #encode}), into {@code state}. Thread-safe. */
  @Override
  public void decode(long pair, long[] state) {
    java.util.Arrays.fill(state, 0);
    put(left[root], pair >>> 32, state);
    put(right[root], pair & 0xFFFF_FFFFL, state);
  }

  private void put(int n, long reference, long[] state) {
    if (left[n] < 0) {
      int from = lo[n];
      int w = from >>> 6;
      int o = from & 63;
      state[w] |= reference << o;
      if (o + width[n] > 64) {
        state[w + 1] |= reference >>> (64 - o);
      }
      return;
    }
    long pair = tables[n].get((int) reference);
    put(left[n], pair >>> 32, state);
    put(right[n], pair & 0xFFFF_FFFFL, state);
  }

  @Override
  public boolean add(long[] state) {
    generation++;
    Memo memo = new Memo(left.length);
    long l = intern(state, left[root], memo, false);
    long r = intern(state, right[root], memo, false);
    if (l >>> leftBits != 0 || r >>> rightBits != 0) {
      widen();
    }
    roots.expect(size + 1);
    if (roots.add((l << rightBits) | r)) {
      size++;
      return true;
    }
    return false;
  }

  /**
   * Adds the states of ids {@code from .. limit - 1} of {@code store}, in batches of {@value #BATCH}: first each part
   * of {@code parallel} (null: this thread alone) takes a slice of the batch and computes its states' root pairs,
   * interning new parts in the shared inner tables (each value found without a lock, interned under its table's lock
   * when new); then, the root's fields widened if an id outgrew them, each part reads all the batch's pairs and adds
   * those of its own stripes of the root set. Two passes, so that the serial phase between levels (a table probe per
   * changed inner node and a cache miss in the root set, per state) runs on every thread.
   */
  @Override
  public void addLevel(StateStore store, int from, int limit, ParallelParts parallel) {
    if (limit <= from) {
      return;
    }
    roots.expect(size + (limit - from));
    int parts = parallel == null ? 1 : parallel.parts(limit - from);
    int length = Math.min(BATCH, limit - from);
    budget.reserve(8L * length + 16 * parts);
    try {
      long[] pairs = new long[length];
      long[] maxLeft = new long[parts];
      long[] maxRight = new long[parts];
      long[] added = new long[parts];
      Memo[] memos = new Memo[parts];
      for (int p = 0; p < parts; p++) {
        memos[p] = new Memo(left.length);
      }
      generation++;
      for (int start = from; start < limit; start += length) {
        int n = Math.min(length, limit - start);
        int batch = start;
        run(parallel, parts, p -> pairsOf(store, batch + ParallelParts.sliceStart(n, parts, p),
            batch + ParallelParts.sliceStart(n, parts, p + 1), pairs, batch, memos[p], parts > 1, maxLeft, maxRight, p));
        long l = 0;
        long r = 0;
        for (int p = 0; p < parts; p++) {
          l = Math.max(l, maxLeft[p]);
          r = Math.max(r, maxRight[p]);
        }
        if (l >>> leftBits != 0 || r >>> rightBits != 0) {
          widen();
        }
        run(parallel, parts, p -> added[p] = addRoots(pairs, n, parts, p));
        for (long a : added) {
          size += a;
        }
      }
    } finally {
      budget.release(8L * length + 16 * parts);
    }
  }

  private static void run(ParallelParts parallel, int parts, java.util.function.IntConsumer part) {
    if (parts == 1) {
      part.accept(0);
    } else {
      parallel.run(parts, part);
    }
  }

  /** Puts the root pairs of ids {@code a .. b - 1} in {@code pairs} (at {@code id - base}; -1 for a hole). */
  private void pairsOf(StateStore store, int a, int b, long[] pairs, int base, Memo memo, boolean shared,
      long[] maxLeft, long[] maxRight, int p) {
    long[] state = new long[store.words()];
    long ml = maxLeft[p];
    long mr = maxRight[p];
    boolean references = store.decoder() == this; // the records are the root pairs already
    for (int id = a; id < b; id++) {
      if (store.isHole(id)) {
        pairs[id - base] = -1;
        continue;
      }
      if (references) {
        long pair = store.record(id);
        pairs[id - base] = pair;
        ml = Math.max(ml, pair >>> 32);
        mr = Math.max(mr, pair & 0xFFFF_FFFFL);
        continue;
      }
      store.get(id, state);
      long l = intern(state, left[root], memo, shared);
      long r = intern(state, right[root], memo, shared);
      pairs[id - base] = (l << 32) | r;
      ml = Math.max(ml, l);
      mr = Math.max(mr, r);
    }
    maxLeft[p] = ml;
    maxRight[p] = mr;
  }

  /** Adds the root entries of the first {@code n} pairs that fall in part {@code p}'s stripes; returns how many new. */
  private long addRoots(long[] pairs, int n, int parts, int p) {
    InlineStateTable set = roots;
    int shift = rightBits;
    long added = 0;
    for (int k = 0; k < n; k++) {
      long pair = pairs[k];
      if (pair < 0) {
        continue;
      }
      long key = ((pair >>> 32) << shift) | (pair & 0xFFFF_FFFFL);
      if ((parts == 1 || set.partOf(key, parts) == p) && set.add(key)) {
        added++;
      }
    }
    return added;
  }

  /**
   * Rebuilds the root set with fields for the inner tables' sizes now, plus room: the new set is filled before the
   * old one is given back, so the budget must hold both for a moment.
   */
  private void widen() {
    int[] f = fields(left[left[root]] < 0 ? 0 : tables[left[root]].size(),
        left[right[root]] < 0 ? 0 : tables[right[root]].size());
    int l = f[0];
    int r = f[1];
    // The new set will take about the old one's bytes times the ratio of their slots' widths: fail before the work.
    long need = roots.bytes() / roots.width() * ((l + r - InlineStateTable.STRIPE_BITS + 7) / 8 + 1);
    budget.reserve(need);
    budget.release(need);
    InlineStateTable wider = new InlineStateTable(l + r, budget, true, ROOT_GROWTH);
    int oldRight = rightBits;
    long rightMask = (1L << oldRight) - 1;
    try {
      wider.expect(size);
      roots.forEach(key -> wider.add(((key >>> oldRight) << r) | (key & rightMask)));
    } catch (MemoryLimitReached e) {
      wider.dispose();
      throw e;
    }
    roots.dispose();
    roots = wider;
    leftBits = l;
    rightBits = r;
  }

  /** Gives every byte of the set back to the budget (a set abandoned: not to be used after). */
  void dispose() {
    roots.dispose();
    for (SubvectorTable t : tables) {
      if (t != null) {
        t.dispose();
      }
    }
  }

  @Override
  public long bytes() {
    return rootBytes() + innerBytes();
  }

  /** Bytes of the root set. */
  long rootBytes() {
    return roots.bytes();
  }

  /** Bytes of the inner tables. */
  long innerBytes() {
    long b = 0;
    for (SubvectorTable t : tables) {
      b += t == null ? 0 : t.bytes();
    }
    return b;
  }

  /** States stored. */
  long size() {
    return size;
  }

  /** Bits of a root entry now (for tests and accounting). */
  int rootBits() {
    return leftBits + rightBits;
  }

  /** Distinct values per inner table, for accounting (0 for leaves and the root). */
  int[] innerSizes() {
    int[] sizes = new int[tables.length];
    for (int n = 0; n < tables.length; n++) {
      sizes[n] = tables[n] == null ? 0 : tables[n].size();
    }
    return sizes;
  }
}
