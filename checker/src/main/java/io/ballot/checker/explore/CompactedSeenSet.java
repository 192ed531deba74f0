package io.ballot.checker.explore;

import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;

/**
 * The seen-set of hash compaction ({@code --hash-compaction BITS}): the states of the levels already found are kept
 * only as {@code BITS}-bit signatures ({@link SignatureTable}); the full states of the level being built are indexed
 * exactly ({@link StripedStateTable}), and those of the level being expanded are still in the store. When a level
 * is complete ({@link #levelFound}) its states' signatures join the table and the store drops the records of the
 * levels no longer expanded; parents and rules stay, for traces. A state whose signature is already in the table is
 * taken as seen: it may be a different state (a probabilistic omission, bounded by {@link OmissionBound}).
 *
 * <p>The table grows between levels, when it would pass {@value #MAX_LOAD_PERCENT}% full: signatures cannot be
 * rehashed without their states, so the states of the dropped levels are recomputed level by level from the start
 * states along the recorded parents and rules (a rule firing per state), as a trace is. Under an explicit {@code
 * --memory} the table starts at half of it ({@link #firstSlots}), so that a search that fits never grows it.
 */
final class CompactedSeenSet implements SeenSet {
  static final int MAX_LOAD_PERCENT = 80;
  private static final int GROWN_LOAD_PERCENT = 40;
  private static final long FIRST_SLOTS = 1 << 12;
  /** The share of an explicit {@code --memory} the table takes from the start (the rest holds the frontier). */
  static final int UP_FRONT_PERCENT = 50;

  private final StateStore store;
  private final TransitionSystem ts;
  private final Canonicalizer canonicalizer; // null: no symmetry reduction
  private final boolean exact32;
  private final int bits;
  private final MemoryBudget budget;
  private final OmissionBound bound;
  private SignatureTable table;
  private StripedStateTable level;
  /** The first id of each level merged into the table, and one past the last. */
  private final IntList levelStarts = new IntList();
  private final long[] scratch;

  /**
   * A seen-set over {@code store} keeping {@code bits}-bit signatures; {@code canonicalizer} (null: none) is the
   * search's, with which the states of dropped levels are recomputed.
   */
  CompactedSeenSet(StateStore store, int bits, int stateBits, TransitionSystem ts, Canonicalizer canonicalizer) {
    this.store = store;
    this.ts = ts;
    this.canonicalizer = canonicalizer;
    this.exact32 = stateBits <= 32;
    this.bits = bits;
    this.budget = store.budget();
    this.bound = new OmissionBound(bits);
    this.table = new SignatureTable(bits, firstSlots(bits, budget));
    budget.charge(table.bytes());
    this.level = new StripedStateTable(store, exact32);
    this.scratch = new long[store.words()];
  }

  /**
   * The table's first size: under an explicit {@code --memory}, {@value #UP_FRONT_PERCENT}% of it (as CMurphi's
   * {@code -m} sizes its table up front), so that a search that fits never grows it (a growth recomputes every
   * dropped state and briefly holds two tables); without one, a small table grown as needed, so that a small model
   * does not take (and zero) most of the heap.
   */
  static long firstSlots(int bits, MemoryBudget budget) {
    if (!budget.explicit() || budget.limit() >= 1L << 50) {
      return FIRST_SLOTS;
    }
    return Math.max(FIRST_SLOTS, budget.limit() / 100 * UP_FRONT_PERCENT * 8 / bits);
  }

  /** An address hash, independent of {@link #signatureHash}: the two are finalised with different constants. */
  static long addressHash(long[] state) {
    return mix(state, 0x9E3779B97F4A7C15L, 0xBF58476D1CE4E5B9L);
  }

  static long signatureHash(long[] state) {
    return mix(state, 0xD6E8FEB86659FD93L, 0x94D049BB133111EBL);
  }

  private static long mix(long[] state, long seed, long multiplier) {
    long h = seed ^ state.length;
    for (long w : state) {
      h ^= w;
      h *= multiplier;
      h ^= h >>> 29;
    }
    h ^= h >>> 32; // splitmix64's finaliser
    h *= 0xD6E8FEB86659FD93L;
    h ^= h >>> 32;
    h *= 0xD6E8FEB86659FD93L;
    return h ^ (h >>> 32);
  }

  @Override
  public int add(StateStore.Appender appender, long[] state, int parent, int rule) {
    if (table.contains(table.signature(signatureHash(state)), addressHash(state))) {
      return -1; // seen in an earlier level (its id is not kept): -1 - 0, an id below the level being built
    }
    return level.add(appender, state, parent, rule);
  }

  /** The id of {@code state} when it is in the level being built, else -1 (earlier levels keep no ids). */
  @Override
  public int find(long[] state) {
    return level.find(state);
  }

  @Override
  public int size() {
    return store.size();
  }

  /**
   * Nothing to translate: the level's index serves only the lookups while the level is built, and {@link
   * #levelFound}, next, clears it (the set keeps no ids of found levels).
   */
  @Override
  public void renumber(Renumbering r, ParallelParts parallel) {}

  /** The bound on the probability that a state was omitted, so far. */
  double omissionBound() {
    return bound.probability();
  }

  int bits() {
    return bits;
  }

  /** Bytes of the signature table. */
  long tableBytes() {
    return table.bytes();
  }

  /**
   * The level with ids {@code from .. limit - 1} is complete (its states were looked up in the table as it is now):
   * counts them in the bound, grows the table if they would fill it, adds their signatures, starts a new index for
   * the next level and drops the records below {@code from}. Throws {@link MemoryLimitReached} when a bigger table
   * does not fit.
   */
  void levelFound(int from, int limit) {
    long found = 0;
    for (int id = from; id < limit; id++) {
      if (!store.isHole(id)) {
        found++;
      }
    }
    bound.addLevel(found, table.size(), table.slots());
    long wanted = table.size() + found;
    if (wanted * 100 > table.slots() * MAX_LOAD_PERCENT) {
      grow(wanted * 100 / GROWN_LOAD_PERCENT);
    }
    if (levelStarts.size() == 0) {
      levelStarts.add(from);
    }
    addSignatures(table, from, limit);
    levelStarts.add(limit);
    level.clear();
    store.dropRecordsBelow(from);
  }

  private void addSignatures(SignatureTable t, int from, int limit) {
    for (int id = from; id < limit; id++) {
      if (!store.isHole(id)) {
        store.get(id, scratch);
        t.add(t.signature(signatureHash(scratch)), addressHash(scratch));
      }
    }
  }

  /** Replaces the table by one of {@code slots} slots holding the same signatures, recomputing dropped states. */
  private void grow(long slots) {
    long bytes = SignatureTable.bytesFor(bits, slots);
    budget.reserve(bytes);
    SignatureTable bigger = new SignatureTable(bits, slots);
    int words = store.words();
    long[] previous = new long[0];
    int previousFrom = 0;
    for (int l = 0; l + 1 < levelStarts.size(); l++) {
      int from = levelStarts.get(l);
      int to = levelStarts.get(l + 1);
      if (store.hasRecord(from) && store.hasRecord(to - 1)) {
        addSignatures(bigger, from, to); // still stored: read, not recomputed
        previous = null;
        continue;
      }
      long levelBytes = 8L * words * (to - from);
      budget.reserve(levelBytes);
      long[] states = new long[words * (to - from)];
      long[] s = new long[words];
      for (int id = from; id < to; id++) {
        if (store.isHole(id)) {
          continue;
        }
        if (store.hasRecord(id)) {
          store.get(id, s);
        } else {
          recompute(id, previous, previousFrom, s);
        }
        System.arraycopy(s, 0, states, (id - from) * words, words);
        bigger.add(bigger.signature(signatureHash(s)), addressHash(s));
      }
      if (previous != null) {
        budget.release(8L * previous.length);
      }
      previous = states;
      previousFrom = from;
    }
    if (previous != null) {
      budget.release(8L * previous.length);
    }
    budget.release(table.bytes());
    table = bigger;
  }

  /** The stored value of state {@code id} from its parent's ({@code parents}, from id {@code parentsFrom}). */
  private void recompute(int id, long[] parents, int parentsFrom, long[] out) {
    int rule = store.rule(id);
    int parent = store.parent(id);
    try {
      if (parent < 0) {
        java.util.Arrays.fill(out, 0);
        if (!ts.runStart(rule, out, Effects.NONE)) {
          throw new IllegalStateException("start state " + rule + " no longer produces a state");
        }
      } else {
        long[] p = new long[out.length];
        if (parents == null || parent < parentsFrom) {
          store.get(parent, p); // a parent still stored
        } else {
          System.arraycopy(parents, (parent - parentsFrom) * out.length, p, 0, out.length);
        }
        System.arraycopy(p, 0, out, 0, out.length);
        if (!ts.guard(rule, p) || !ts.fire(rule, p, out, Effects.NONE)) {
          throw new IllegalStateException("rule " + rule + " no longer fires from the parent of state " + id);
        }
      }
    } catch (ModelError e) {
      throw new IllegalStateException("recomputing state " + id + ": " + e.getMessage(), e);
    }
    if (canonicalizer != null) {
      canonicalizer.canonicalize(out);
    }
  }
}
