package io.ballot.checker.explore;

/**
 * An exact set of states wider than 63 bits, tree-compressed (Laarman, van de Pol and Weber, "Parallel Recursive
 * State Compression for Free", SPIN 2011): the state's bits are split in halves, recursively, down to leaves of at
 * most {@value #LEAF_BITS} bits; each inner node below the root is the pair of its children's references (a leaf's
 * reference is its value, an inner node's its id), interned in that node's own {@link SubvectorTable}; the root is
 * the pair of its two children's references, kept as a value in an {@link InlineStateTable}. Protocol models repeat
 * their parts, so a new state usually adds a root entry and little else: it costs about the bytes of two ids, not
 * the state's.
 *
 * <p>The root's pair is packed in as few bits as the children's references need now (a leaf's width, or the bits of
 * an inner table's size, plus two bits of room): when an id outgrows its field, the root set is rebuilt with wider
 * fields ({@link #widen}), which happens a few times in a run (each time an inner table grows fourfold).
 *
 * <p>Filled by one thread between the levels of a search and only read during a level (as {@link InlineStateTable}),
 * so {@link #contains} is thread-safe between calls of {@link #add}. Every byte is reserved from the budget first.
 */
final class TreeStateTable implements FoundStates {
  /** Widest leaf: the pair of two leaves or ids fits a {@code long}, and the root's pair 63 bits. */
  static final int LEAF_BITS = 31;
  private static final int ROOM_BITS = 2;

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
  /** Bumped by every {@link #add}: a {@link Memo} of an older generation may hold "absent" for a part now added. */
  private int generation;
  /** Each reading thread's references of the last state it looked up ({@link #contains}). */
  private final ThreadLocal<Memo> memos;

  /**
   * The inner nodes' references of the last state a thread looked up, with the children's references they were
   * found for: a successor differs from its parent in few parts, so most of its inner nodes have the same children
   * as the last lookup's, and so the same id, found without probing a table (Laarman's incremental lookup).
   */
  private static final class Memo {
    final long[] left;
    final long[] right;
    final long[] reference;
    int generation = -1;

    Memo(int nodes) {
      left = new long[nodes];
      right = new long[nodes];
      reference = new long[nodes];
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
    leftBits = fieldBits(left[root], 0);
    rightBits = fieldBits(right[root], 0);
    roots = new InlineStateTable(leftBits + rightBits, budget);
    memos = ThreadLocal.withInitial(() -> new Memo(nodes));
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

  /** Node {@code n}'s reference in {@code state}, its parts interned (given ids) when new. */
  private long intern(long[] state, int n) {
    if (left[n] < 0) {
      return bits(state, lo[n], width[n]);
    }
    long l = intern(state, left[n]);
    long r = intern(state, right[n]);
    return tables[n].intern((l << 32) | r);
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
    Memo memo = memos.get();
    if (memo.generation != generation) {
      java.util.Arrays.fill(memo.left, -1); // no reference is -1: nothing matches until looked up again
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

  @Override
  public boolean add(long[] state) {
    generation++;
    long l = intern(state, left[root]);
    long r = intern(state, right[root]);
    if (l >>> leftBits != 0 || r >>> rightBits != 0) {
      widen();
    }
    if (roots.add((l << rightBits) | r)) {
      size++;
      return true;
    }
    return false;
  }

  /**
   * Rebuilds the root set with fields for the inner tables' sizes now, plus room: the new set is filled before the
   * old one is given back, so the budget must hold both for a moment.
   */
  private void widen() {
    int l = fieldBits(left[root], left[left[root]] < 0 ? 0 : tables[left[root]].size());
    int r = fieldBits(right[root], left[right[root]] < 0 ? 0 : tables[right[root]].size());
    // The new set will take about the old one's bytes times the ratio of their slots' widths: fail before the work.
    long need = roots.bytes() / roots.width() * ((l + r + 8) / 8);
    budget.reserve(need);
    budget.release(need);
    InlineStateTable wider = new InlineStateTable(l + r, budget);
    int oldRight = rightBits;
    long rightMask = (1L << oldRight) - 1;
    try {
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
}
