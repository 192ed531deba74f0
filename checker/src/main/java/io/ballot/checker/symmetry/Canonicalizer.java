package io.ballot.checker.symmetry;

import io.ballot.checker.state.Bits;
import java.util.Arrays;

/**
 * Replaces a state by a representative of its orbit under the permutations of the reduced scalarsets (and the
 * reordering of multiset slots). One per thread: it keeps scratch buffers.
 *
 * <p>The method: each index of a scalarset gets a signature that does not change when the indices are renamed
 * (what its array entries hold, with scalarset values abstracted to "undefined", "itself" or "another", and which
 * variables point at it); indices are sorted by signature. Indices with equal signatures (a tie class) are
 * interchangeable only if swapping them leaves the state unchanged, which is tested; for the other tie classes
 * every order is tried and the smallest resulting state kept. The set of permutations tried depends only on the
 * orbit, so the result is the orbit's exact canonical form: the smallest state of the orbit in the order "sorted
 * signatures first, then the packed words". With a {@code budget}, at most that many orders are tried; beyond it
 * the tied indices keep their present order, which is sound (the state stays in its orbit) but may leave two
 * states of one orbit apart, as Rumur's and CMurphi's heuristic normalisations do.
 *
 * <p>{@link #canonicalize(long[], boolean[][], int[][])} canonicalises under a subgroup instead: the permutations
 * that fix some values ("pinned", as a replay's log pins the processes it names); only the free indices are sorted,
 * into the free positions, so the result stays in the state's orbit under that subgroup.
 */
public final class Canonicalizer {
  private final StateShape shape;
  private final long budget;
  private final int groups;
  private final long[][] sig;
  private final int[][] order;
  private final int[][] perms;
  private final int[][] identity;
  /** For each group, the positions the free (unpinned) indices are sorted into: all of them when none is pinned. */
  private final int[][] slots;
  private final int[] free;
  private final boolean sortsMultisets;
  private final long[] image;
  private final long[] best;
  private final long[] scratch;
  /** The permutation tried by a swap test: identity rows, but for the group being tested. */
  private final int[][] swap;
  private final int[][] swapRows;
  /** The open tie classes of the state being canonicalised, as (group, from, to) triples; grows as needed. */
  private int[] open = new int[3 * 8];

  /** {@code budget} ≤ 0: no limit (exact). */
  Canonicalizer(StateShape shape, long budget) {
    this(shape, budget, true);
  }

  /** {@code sortsMultisets} false: the group is the scalarset permutations alone, multiset slots stay in place. */
  Canonicalizer(StateShape shape, long budget, boolean sortsMultisets) {
    this.shape = shape;
    this.budget = budget <= 0 ? Long.MAX_VALUE : budget;
    this.sortsMultisets = sortsMultisets;
    this.groups = shape.groups.size();
    this.slots = new int[groups][];
    this.free = new int[groups];
    this.sig = new long[groups][];
    this.order = new int[groups][];
    this.perms = new int[groups][];
    this.identity = new int[groups][];
    for (int g = 0; g < groups; g++) {
      int n = shape.groupSize(g);
      sig[g] = new long[n];
      order[g] = new int[n];
      perms[g] = new int[n];
      identity[g] = new int[n];
      slots[g] = new int[n];
      for (int i = 0; i < n; i++) {
        identity[g][i] = i;
      }
    }
    this.image = new long[shape.words];
    this.best = new long[shape.words];
    this.scratch = new long[Math.max(1, shape.maxCapacity())];
    this.swap = identity.clone();
    this.swapRows = new int[groups][];
    for (int g = 0; g < groups; g++) {
      swapRows[g] = identity[g].clone();
    }
  }

  /** Replaces {@code s} by its representative. */
  public void canonicalize(long[] s) {
    canonicalize(s, null, null);
  }

  /**
   * Replaces {@code s} by a representative of its orbit under the permutations that fix every value {@code i} of
   * group {@code g} with {@code pinned[g][i]} ({@code pinned} or a row null: none fixed). When {@code applied} is not
   * null it receives the permutation that took {@code s} to its representative ({@code applied[g][i]}: where value
   * {@code i} of group {@code g} went; multiset sorting aside).
   */
  public void canonicalize(long[] s, boolean[][] pinned, int[][] applied) {
    if (sortsMultisets) {
      shape.sortMultisets(s, scratch);
    }
    if (groups == 0) {
      return;
    }
    signatures(s, pinned);
    // the tie classes, as (group, from, to) over order[group]; the ones swapping cannot settle are tried in full
    int opened = 0;
    long tries = 1;
    for (int g = 0; g < groups; g++) {
      int[] o = order[g];
      long[] sg = sig[g];
      boolean[] pin = pinned == null ? null : pinned[g];
      int n = 0;
      for (int i = 0; i < o.length; i++) { // insertion sort by signature, stable: scalarsets are small
        if (pin != null && pin[i]) {
          perms[g][i] = i;
          continue;
        }
        slots[g][n] = i;
        int j = n - 1;
        while (j >= 0 && sg[o[j]] > sg[i]) {
          o[j + 1] = o[j];
          j--;
        }
        o[j + 1] = i;
        n++;
      }
      free[g] = n;
      for (int pos = 0; pos < n; pos++) {
        perms[g][o[pos]] = slots[g][pos];
      }
      for (int from = 0; from < n; ) {
        int to = from + 1;
        while (to < n && sg[o[to]] == sg[o[from]]) {
          to++;
        }
        if (to - from > 1 && tries <= budget && !interchangeable(s, g, o, from, to)) {
          if (opened * 3 == open.length) {
            open = Arrays.copyOf(open, open.length * 2);
          }
          open[opened * 3] = g;
          open[opened * 3 + 1] = from;
          open[opened * 3 + 2] = to;
          opened++;
          tries = saturatingTimes(tries, factorial(to - from));
        }
        from = to;
      }
    }
    if (opened == 0 || tries > budget) {
      copy(perms, applied);
      if (isIdentity()) {
        return; // already in signature order, and no ties to try
      }
      shape.apply(perms, s, image);
      if (sortsMultisets) {
        shape.sortMultisets(image, scratch);
      }
      System.arraycopy(image, 0, s, 0, shape.words);
      return;
    }
    Arrays.fill(best, 0);
    boolean first = true;
    // an odometer over the open classes: each class's members take its positions in every order
    int[][] arrangement = new int[opened][];
    for (int c = 0; c < opened; c++) {
      int from = open[c * 3 + 1];
      int to = open[c * 3 + 2];
      arrangement[c] = new int[to - from];
      for (int k = 0; k < to - from; k++) {
        arrangement[c][k] = k;
      }
    }
    while (true) {
      for (int c = 0; c < opened; c++) {
        int g = open[c * 3];
        int from = open[c * 3 + 1];
        int[] arr = arrangement[c];
        for (int k = 0; k < arr.length; k++) {
          perms[g][order[g][from + k]] = slots[g][from + arr[k]];
        }
      }
      shape.apply(perms, s, image);
      if (sortsMultisets) {
        shape.sortMultisets(image, scratch);
      }
      if (first || Arrays.compare(image, best) < 0) {
        System.arraycopy(image, 0, best, 0, shape.words);
        copy(perms, applied);
        first = false;
      }
      int c = 0;
      while (c < opened && !nextPermutation(arrangement[c])) {
        c++; // this class wrapped round to its first order: advance the next one
      }
      if (c == opened) {
        break;
      }
    }
    System.arraycopy(best, 0, s, 0, shape.words);
  }

  /**
   * Whether the indices {@code o[from..to-1]} of group {@code g} can be swapped freely without changing {@code s}:
   * each swap of neighbours leaves it as it is (neighbouring swaps generate every order).
   */
  private boolean interchangeable(long[] s, int g, int[] o, int from, int to) {
    if (shape.multisets.isEmpty() || !sortsMultisets) {
      for (int k = from; k + 1 < to; k++) {
        if (!shape.fixedBySwap(s, g, o[k], o[k + 1])) {
          return false;
        }
      }
      return true;
    }
    int[] t = swapRows[g];
    swap[g] = t;
    boolean fixed = true;
    for (int k = from; k + 1 < to && fixed; k++) {
      t[o[k]] = o[k + 1];
      t[o[k + 1]] = o[k];
      shape.apply(swap, s, image);
      shape.sortMultisets(image, scratch);
      fixed = Arrays.equals(image, s);
      t[o[k]] = o[k]; // back to the identity
      t[o[k + 1]] = o[k + 1];
    }
    swap[g] = identity[g];
    return fixed;
  }

  private static void copy(int[][] from, int[][] to) {
    if (to != null) {
      for (int g = 0; g < from.length; g++) {
        System.arraycopy(from[g], 0, to[g], 0, from[g].length);
      }
    }
  }

  private boolean isIdentity() {
    for (int g = 0; g < groups; g++) {
      int[] p = perms[g];
      for (int i = 0; i < p.length; i++) {
        if (p[i] != i) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Fills {@link #sig}: for each group, a signature per index that renaming the indices carries along (a pinned
   * value, which no permutation of the subgroup moves, is told apart from the others).
   */
  private void signatures(long[] s, boolean[][] pinned) {
    for (int g = 0; g < groups; g++) {
      Arrays.fill(sig[g], 0);
    }
    StateShape sh = shape;
    for (int l = 0; l < sh.leaves; l++) {
      long v = Bits.get(s, sh.offset[l], sh.width[l]);
      int refGroup = -1;
      int ref = -1;
      if (v != 0) {
        if (sh.valueGroup[l] >= 0) {
          refGroup = sh.valueGroup[l];
          ref = (int) v - 1;
        } else if (sh.valueGroup[l] == -2) {
          int[] r = sh.unionRanges[l];
          for (int k = 0; k < r.length; k += 3) {
            if (v - 1 >= r[k] && v - 1 < r[k] + r[k + 1]) {
              refGroup = r[k + 2];
              ref = (int) (v - 1 - r[k]);
              break;
            }
          }
        }
      }
      long value = refGroup >= 0 ? -1 - refGroup : v; // a scalarset value, abstracted to its group
      if (refGroup >= 0 && pinned != null && pinned[refGroup] != null && pinned[refGroup][ref]) {
        value = -1 - groups - ((long) refGroup << 32 | ref); // ... unless pinned: then it is itself
      }
      boolean selfRef = false;
      for (int k = sh.dimFrom[l]; k < sh.dimFrom[l + 1]; k++) {
        int g = sh.dimGroup[k];
        int idx = sh.dimIndex[k];
        long a = value;
        if (refGroup == g && ref == idx) {
          a = Long.MIN_VALUE; // points at its own index
          selfRef = true;
        }
        sig[g][idx] += mix(sh.structure[l], k - sh.dimFrom[l], a);
      }
      if (refGroup >= 0) {
        sig[refGroup][ref] += mix(sh.structure[l], -1, selfRef ? 1 : 2);
      }
    }
  }

  private static long mix(int structure, int dim, long value) {
    long h = value * 0x9E3779B97F4A7C15L + ((long) structure << 20 | (dim + 1L));
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    h *= 0x94D049BB133111EBL;
    return h ^ (h >>> 32);
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f = saturatingTimes(f, i);
    }
    return f;
  }

  private static long saturatingTimes(long a, long b) {
    long r = a * b;
    return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
  }

  /** Advances to the next order in lexicographic order; false (and back to the first order) after the last. */
  private static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      reverse(a, 0);
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    reverse(a, i + 1);
    return true;
  }

  private static void reverse(int[] a, int from) {
    for (int i = from, j = a.length - 1; i < j; i++, j--) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
