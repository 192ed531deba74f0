package io.ballot.cluster;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/**
 * Many states in one record, in their packed form: the unit the cluster's search ships and caches instead of one
 * object per state. {@code size} states of {@code words} 64-bit words each, laid end to end in {@link #states}; for
 * each, its parent link (the parent's words at the same offset of {@link #parents}, null for start states, and the
 * rule instance in {@link #rules}) and, in a level, whether it is blocked (violates an invariant; null in blocks of
 * successors). A level is one block per partition; a level's successors travel as blocks per (task, partition).
 * Immutable once built.
 */
public final class StateBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  final int words;
  final int size;
  final long[] states;
  final long[] parents;
  final int[] rules;
  final boolean[] blocked;

  /** A block of {@code size} states; the arrays are the caller's to give up (each at least {@code size} long). */
  StateBlock(int words, int size, long[] states, long[] parents, int[] rules, boolean[] blocked) {
    this.words = words;
    this.size = size;
    this.states = states;
    this.parents = parents;
    this.rules = rules;
    this.blocked = blocked;
  }

  /** The number of states. */
  public int size() {
    return size;
  }

  /** The partition (of {@code partitions}) that state {@code a[off..off+words)} belongs to: a HashPartitioner's. */
  static int partition(long[] a, int off, int words, int partitions) {
    return Math.floorMod(PackedState.mix(a, off, words), partitions);
  }

  /** State {@code i}'s words, copied. */
  long[] state(int i) {
    return Arrays.copyOfRange(states, i * words, (i + 1) * words);
  }

  /** State {@code i}'s parent link and blocked flag, as the driver walks a counterexample back. */
  Node link(int i) {
    PackedState parent = parents == null ? null
        : new PackedState(Arrays.copyOfRange(parents, i * words, (i + 1) * words));
    return new Node(parent, rules[i], blocked != null && blocked[i]);
  }

  /** The index of state {@code s} in this block, or -1 (a scan: for the few look-ups of a counterexample). */
  int indexOf(long[] s) {
    for (int i = 0; i < size; i++) {
      if (Arrays.equals(states, i * words, (i + 1) * words, s, 0, words)) {
        return i;
      }
    }
    return -1;
  }

  /** This block's states split by their partition of {@code partitions}, one block per partition that has some. */
  Iterator<Tuple2<Integer, StateBlock>> split(int partitions) {
    int[] counts = new int[partitions];
    int[] where = new int[size];
    for (int i = 0; i < size; i++) {
      where[i] = partition(states, i * words, words, partitions);
      counts[where[i]]++;
    }
    List<Tuple2<Integer, StateBlock>> out = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      if (counts[p] == 0) {
        continue;
      }
      Builder b = new Builder(words, counts[p], parents != null, blocked != null);
      for (int i = 0; i < size; i++) {
        if (where[i] == p) {
          b.add(this, i);
        }
      }
      out.add(new Tuple2<>(p, b.build()));
    }
    return out.iterator();
  }

  /** The states of the (partition, block) pairs in one block, in order (no duplicates are looked for). */
  static StateBlock concat(int words, boolean withParents, Iterator<Tuple2<Integer, StateBlock>> blocks) {
    Builder b = new Builder(words, 16, withParents, true);
    while (blocks.hasNext()) {
      StateBlock s = blocks.next()._2();
      for (int i = 0; i < s.size; i++) {
        b.add(s, i);
      }
    }
    return b.build();
  }

  /** Appends states one by one; {@link #build} trims the arrays. */
  static final class Builder {
    private final int words;
    private int size;
    private long[] states;
    private long[] parents;
    private int[] rules;
    private boolean[] blocked;

    Builder(int words, int expected, boolean withParents, boolean withBlocked) {
      int n = Math.max(expected, 4);
      this.words = words;
      this.states = new long[n * words];
      this.parents = withParents ? new long[n * words] : null;
      this.rules = new int[n];
      this.blocked = withBlocked ? new boolean[n] : null;
    }

    int size() {
      return size;
    }

    /** Appends state {@code s[off..]} with parent {@code p[poff..]} (ignored without parents), rule and flag. */
    void add(long[] s, int off, long[] p, int poff, int rule, boolean isBlocked) {
      if (size == rules.length) {
        int n = rules.length * 2;
        states = Arrays.copyOf(states, n * words);
        parents = parents == null ? null : Arrays.copyOf(parents, n * words);
        rules = Arrays.copyOf(rules, n);
        blocked = blocked == null ? null : Arrays.copyOf(blocked, n);
      }
      System.arraycopy(s, off, states, size * words, words);
      if (parents != null) {
        System.arraycopy(p, poff, parents, size * words, words);
      }
      rules[size] = rule;
      if (blocked != null) {
        blocked[size] = isBlocked;
      }
      size++;
    }

    /** Appends state {@code i} of {@code b} with its link and flag. */
    void add(StateBlock b, int i) {
      add(b.states, i * words, b.parents, i * words, b.rules[i], b.blocked != null && b.blocked[i]);
    }

    StateBlock build() {
      return new StateBlock(words, size, Arrays.copyOf(states, size * words),
          parents == null ? null : Arrays.copyOf(parents, size * words), Arrays.copyOf(rules, size),
          blocked == null ? null : Arrays.copyOf(blocked, size));
    }
  }
}
