package io.ballot.checker.explore;

/**
 * One thread's offers of the ways it reaches the states of the level being built ({@link DiscoveryOrder#offer}),
 * filtered: a thread expands its parents in rising positions and fires their rules in index order, so a state it
 * stored itself was stored from its least parent so far, and reaching it again can never win; only the duplicates
 * stored by other threads are offered, and of those only the ones their bounds do not rule out ({@link
 * DiscoveryOrder#offerSeen}). The blocks of ids this thread stored into are a bit set over the level (a bit per 64
 * ids, kilobytes for millions of states). Not thread-safe: one per thread and level.
 */
final class ParentOffers {
  private final DiscoveryOrder order;
  /** First id of the level being built: a state seen with a smaller id has its parent for good. */
  private final int buildFrom;
  /** log2 of the store's ids per block; -1: the blocks are not known, every duplicate is offered. */
  private final int blockBits;
  /**
   * Bit b: this thread stored into block b of the level being built (counted from {@link #buildFrom}'s). Grown by
   * {@link #stored} from empty, so that every level takes the growing path in its first states (see {@link #alone}).
   */
  private long[] own = new long[0];
  /** The bits of {@link #own} that {@link #stored} sets: all, or every other block's ({@link #alone}). */
  private long ownMask = -1L;
  private int lastStored = -1;
  private int position;
  /** The block whose bound this thread raised last ({@link DiscoveryOrder#raiseBound}), and to what; -1: none. */
  private int boundBlock = -1;
  private int bound;
  private long offered;

  ParentOffers(DiscoveryOrder order, int buildFrom, int blockBits) {
    this.order = order;
    this.buildFrom = buildFrom;
    this.blockBits = blockBits;
  }

  /**
   * Marks this thread as the only one expanding its level (the first levels, until one is large enough to share):
   * it then leaves every other block out of its own set, and so offers some duplicates that cannot win (harmless:
   * {@link DiscoveryOrder#finishLevel} keeps the least of the parent a state was stored with and its offers). This is
   * for the JIT: it compiles the expansion loop, with the model's rules inlined in it, during those first levels, and
   * a path of this filter first taken later, once threads share a level (a duplicate another thread stored, a block
   * past the set's end), is a deoptimisation and a recompilation of that whole loop (three of them cost the
   * two-phase benchmark's 3.4 s search about 0.3 s). Returns this.
   */
  ParentOffers alone() {
    ownMask = 0x5555_5555_5555_5555L;
    return this;
  }

  /**
   * The thread is about to expand the parent at {@code position} in the level being expanded, of its batch of
   * positions below {@code batchEnd}. The states it stores next, until its block of ids is used up, are in the block
   * of its last stored state: that block's bound is raised to cover the batch, if it does not already, before any of
   * them is published.
   */
  void expanding(int position, int batchEnd) {
    this.position = position;
    if (blockBits < 0 || lastStored < 0) {
      return;
    }
    int next = lastStored + 1;
    if ((next & ((1 << blockBits) - 1)) == 0) {
      return; // the block is used up: the next state opens a new one, whose bound stays unknown for now
    }
    int block = next >>> blockBits;
    if (block != boundBlock || bound <= position) {
      order.raiseBound(next, batchEnd);
      boundBlock = block;
      bound = batchEnd;
    }
  }

  /**
   * The thread stored state {@code id}, with the current parent and {@code rule}. Not offered: the store holds that
   * parent and rule, and {@link DiscoveryOrder#finishLevel} compares them with the least offer (a compare-and-set per
   * new state, 10 million on counters, spared).
   */
  void stored(int id) {
    lastStored = id;
    if (blockBits >= 0) {
      int b = (id >>> blockBits) - (buildFrom >>> blockBits);
      cover(b >>> 6)[b >>> 6] |= (1L << b) & ownMask;
    }
  }

  /**
   * {@link #own}, grown to hold word {@code w} if it does not. One growing path for both {@link #stored} and {@link
   * #seen}, which every level takes in its first states (the set starts empty): a block of another thread's past the
   * set's end is then no path the JIT has not seen (see {@link #alone}).
   */
  private long[] cover(int w) {
    if (w >= own.length) {
      own = java.util.Arrays.copyOf(own, Math.max(2 * own.length, w + 1));
    }
    return own;
  }

  /** The thread reached state {@code id}, stored before by any thread, from the current parent by {@code rule}. */
  void seen(int id, int rule) {
    if (id < buildFrom) {
      return; // an earlier level's
    }
    if (blockBits >= 0) {
      int b = (id >>> blockBits) - (buildFrom >>> blockBits);
      if ((cover(b >>> 6)[b >>> 6] & (1L << b)) != 0) {
        return; // stored by this thread from an earlier parent, or from this one by an earlier rule
      }
    }
    if (order.offerSeen(id, position, rule)) {
      offered++;
    }
  }

  /** How many duplicates this thread offered (each a read of a recorded pair, likely a cache miss). */
  long offered() {
    return offered;
  }
}
