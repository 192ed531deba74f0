package io.ballot.checker.symmetry;

import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.StateLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packed state seen as the leaves (simple values) that a permutation of the scalarsets touches, and its
 * multisets. A leaf is touched when it sits in an array indexed by a reduced scalarset (it moves with the index) or
 * holds values of one (they are renamed). Only named scalarset types are reduced, as in Rumur; an anonymous
 * {@code scalarset(N)} is left alone. Built once per model; immutable, shared by all threads.
 */
final class StateShape {
  /** The reduced scalarsets, numbered in the order first met in the state. */
  final List<Type.ScalarsetType> groups = new ArrayList<>();
  final int words;

  // Touched leaves, as parallel arrays.
  int leaves;
  int[] offset = new int[16];
  int[] fixed = new int[16]; // offset with the scalarset-indexed dimensions' contribution taken out
  int[] width = new int[16];
  /** The group whose values the leaf holds; -1 none; -2 a union (see {@link #unionRanges}). */
  int[] valueGroup = new int[16];
  int[][] unionRanges = new int[16][]; // triples: first value number, count, group
  int[] structure = new int[16]; // the same for leaves that differ only in permuted positions
  int[] dimFrom = new int[17]; // dims of leaf l: dimFrom[l] .. dimFrom[l + 1] - 1
  int dims;
  int[] dimGroup = new int[16];
  int[] dimStride = new int[16];
  int[] dimIndex = new int[16];

  /** Multiset instances, inner ones before the outer ones that contain them: offset, capacity, slot width. */
  final List<int[]> multisets = new ArrayList<>();

  private final Map<String, Integer> structures = new HashMap<>();

  StateShape(StateLayout layout) {
    this.words = layout.words();
    for (Variable v : layout.variables()) {
      collectGroups(v.type());
    }
    for (Variable v : layout.variables()) {
      walk(v.type(), layout.offset(v), v.name(), new ArrayList<>());
    }
    indexLeaves();
  }

  /** For each group: the leaves at each of its indices, and the leaves that may hold its values. */
  int[][][] rowLeaves;
  int[][] valueLeaves;

  private void indexLeaves() {
    rowLeaves = new int[groups.size()][][];
    valueLeaves = new int[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      List<List<Integer>> rows = new ArrayList<>();
      for (int i = 0; i < groupSize(g); i++) {
        rows.add(new ArrayList<>());
      }
      List<Integer> values = new ArrayList<>();
      for (int l = 0; l < leaves; l++) {
        for (int k = dimFrom[l]; k < dimFrom[l + 1]; k++) {
          // Leaves come in increasing order, so a leaf already in its row is the row's last (a row's contains()
          // made this quadratic: minutes before the search of a model with a thousand-element scalarset).
          if (dimGroup[k] != g) {
            continue;
          }
          List<Integer> row = rows.get(dimIndex[k]);
          if (row.isEmpty() || row.get(row.size() - 1) != l) {
            row.add(l);
          }
        }
        if (holds(l, g)) {
          values.add(l);
        }
      }
      rowLeaves[g] = rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
      valueLeaves[g] = values.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private boolean holds(int l, int g) {
    if (valueGroup[l] == g) {
      return true;
    }
    if (valueGroup[l] == -2) {
      for (int k = 0; k < unionRanges[l].length; k += 3) {
        if (unionRanges[l][k + 2] == g) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a permutation or a multiset sort can change any state. */
  boolean reduces() {
    return !groups.isEmpty() || !multisets.isEmpty();
  }

  int groupSize(int g) {
    return (int) groups.get(g).size();
  }

  private static boolean named(Type.ScalarsetType s) {
    return !"scalarset".equals(s.name());
  }

  private void collectGroups(Type t) {
    if (t instanceof Type.ScalarsetType s && named(s) && !groups.contains(s) && s.size() > 1) {
      groups.add(s);
    } else if (t instanceof Type.UnionType u) {
      u.members().forEach(this::collectGroups);
    } else if (t instanceof Type.RecordType r) {
      r.fields().forEach(f -> collectGroups(f.type()));
    } else if (t instanceof Type.ArrayType a) {
      collectGroups(a.index());
      collectGroups(a.element());
    } else if (t instanceof Type.MultisetType m) {
      collectGroups(m.element());
    }
  }

  /** One dimension of an enclosing scalarset-indexed array: its group, stride in bits and index. */
  private record Dim(int group, int stride, int index) {}

  /**
   * Whether a value of {@code t} holds anything the reduction permutes: a reduced scalarset (as a value or an
   * index), a union with one, or a multiset. A part that holds none, outside any scalarset-indexed array, adds no
   * leaf, so {@link #walk} skips it rather than visiting each of its (perhaps a hundred million) elements.
   */
  private boolean permutable(Type t) {
    if (t instanceof Type.ScalarsetType s) {
      return groups.contains(s);
    } else if (t instanceof Type.UnionType u) {
      return unionRanges(u).length > 0;
    } else if (t instanceof Type.RecordType r) {
      return r.fields().stream().anyMatch(f -> permutable(f.type()));
    } else if (t instanceof Type.ArrayType a) {
      return permutable(a.index()) || permutable(a.element());
    }
    return t instanceof Type.MultisetType;
  }

  private void walk(Type t, int at, String path, List<Dim> dimsSoFar) {
    if (dimsSoFar.isEmpty() && !permutable(t)) {
      return;
    }
    if (t.isSimple()) {
      int group = t instanceof Type.ScalarsetType s ? groups.indexOf(s) : -1;
      int[] ranges = t instanceof Type.UnionType u ? unionRanges(u) : null;
      if (ranges != null && ranges.length > 0) {
        group = -2;
      }
      if (group != -1 || !dimsSoFar.isEmpty()) {
        addLeaf(at, t.bitWidth(), group, ranges, path, dimsSoFar);
      }
    } else if (t instanceof Type.RecordType r) {
      for (int i = 0; i < r.fields().size(); i++) {
        Type.Field f = r.fields().get(i);
        walk(f.type(), at + StateLayout.fieldOffset(r, i), path + "." + f.name(), dimsSoFar);
      }
    } else if (t instanceof Type.ArrayType a) {
      int stride = a.element().bitWidth();
      int[] group = indexGroups(a.index());
      int[] first = indexFirsts(a.index());
      for (int i = 0; i < group.length; i++) {
        if (group[i] >= 0) {
          // an entry at a reduced scalarset's value moves with it: within the scalarset's own block of a union
          List<Dim> inner = new ArrayList<>(dimsSoFar);
          inner.add(new Dim(group[i], stride, i - first[i]));
          walk(a.element(), at + i * stride, path + "[*" + group[i] + "]", inner);
        } else {
          walk(a.element(), at + i * stride, path + "[" + i + "]", dimsSoFar);
        }
      }
    } else if (t instanceof Type.MultisetType m) {
      int slotWidth = 1 + m.element().bitWidth();
      for (int i = 0; i < m.capacity(); i++) {
        int slot = at + StateLayout.slotOffset(m, i);
        if (!dimsSoFar.isEmpty()) {
          addLeaf(slot, 1, -1, null, path + "{*}?", dimsSoFar); // the presence bit moves with its array entry
        }
        walk(m.element(), slot + 1, path + "{*}", dimsSoFar);
      }
      multisets.add(new int[] {at, Math.toIntExact(m.capacity()), slotWidth});
    }
  }

  /** For each index value of an array's index type: the reduced scalarset it belongs to, or -1. */
  private int[] indexGroups(Type index) {
    int[] out = new int[Math.toIntExact(index.cardinality())];
    java.util.Arrays.fill(out, -1);
    if (index instanceof Type.ScalarsetType s) {
      java.util.Arrays.fill(out, groups.indexOf(s));
    } else if (index instanceof Type.UnionType u) {
      int[] r = unionRanges(u);
      for (int k = 0; k < r.length; k += 3) {
        java.util.Arrays.fill(out, r[k], r[k] + r[k + 1], r[k + 2]);
      }
    }
    return out;
  }

  /** For each index value of an array's index type: the first index of the scalarset block it belongs to. */
  private int[] indexFirsts(Type index) {
    int[] out = new int[Math.toIntExact(index.cardinality())];
    if (index instanceof Type.UnionType u) {
      int[] r = unionRanges(u);
      for (int k = 0; k < r.length; k += 3) {
        java.util.Arrays.fill(out, r[k], r[k] + r[k + 1], r[k]);
      }
    }
    return out;
  }

  /** For a union: (first value number, count, group) of each reduced scalarset member. */
  private int[] unionRanges(Type.UnionType u) {
    List<Integer> out = new ArrayList<>();
    long first = 0;
    for (Type m : u.members()) {
      if (m instanceof Type.ScalarsetType s && groups.contains(s)) {
        out.add((int) first);
        out.add((int) m.cardinality());
        out.add(groups.indexOf(s));
      }
      first += m.cardinality();
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private void addLeaf(int at, int bits, int group, int[] ranges, String path, List<Dim> ds) {
    if (leaves == offset.length) {
      int n = leaves * 2;
      offset = java.util.Arrays.copyOf(offset, n);
      fixed = java.util.Arrays.copyOf(fixed, n);
      width = java.util.Arrays.copyOf(width, n);
      valueGroup = java.util.Arrays.copyOf(valueGroup, n);
      unionRanges = java.util.Arrays.copyOf(unionRanges, n);
      structure = java.util.Arrays.copyOf(structure, n);
      dimFrom = java.util.Arrays.copyOf(dimFrom, n + 1);
    }
    int l = leaves++;
    offset[l] = at;
    width[l] = bits;
    valueGroup[l] = group;
    unionRanges[l] = ranges;
    structure[l] = structures.computeIfAbsent(path, k -> structures.size());
    int f = at;
    for (Dim d : ds) {
      if (dims == dimGroup.length) {
        dimGroup = java.util.Arrays.copyOf(dimGroup, dims * 2);
        dimStride = java.util.Arrays.copyOf(dimStride, dims * 2);
        dimIndex = java.util.Arrays.copyOf(dimIndex, dims * 2);
      }
      dimGroup[dims] = d.group();
      dimStride[dims] = d.stride();
      dimIndex[dims] = d.index();
      dims++;
      f -= d.stride() * d.index();
    }
    fixed[l] = f;
    dimFrom[l + 1] = dims;
  }

  /** The value of leaf {@code l} after renaming scalarset values by {@code perms} (undefined stays undefined). */
  long rename(int l, long v, int[][] perms) {
    if (v == 0) {
      return 0;
    }
    int g = valueGroup[l];
    if (g >= 0) {
      return perms[g][(int) v - 1] + 1;
    }
    if (g == -2) {
      int[] r = unionRanges[l];
      long n = v - 1;
      for (int k = 0; k < r.length; k += 3) {
        if (n >= r[k] && n < r[k] + r[k + 1]) {
          return r[k] + perms[r[k + 2]][(int) n - r[k]] + 1;
        }
      }
    }
    return v;
  }

  /** Where leaf {@code l} goes under {@code perms}. */
  int target(int l, int[][] perms) {
    int d = fixed[l];
    for (int k = dimFrom[l]; k < dimFrom[l + 1]; k++) {
      d += dimStride[k] * perms[dimGroup[k]][dimIndex[k]];
    }
    return d;
  }

  /**
   * Writes into {@code dst} the state {@code src} with every reduced scalarset's values permuted: value {@code i}
   * of group {@code g} becomes {@code perms[g][i]}, and array entries move with their indices. Multisets are left
   * in slot order (see {@link #sortMultisets}).
   */
  void apply(int[][] perms, long[] src, long[] dst) {
    System.arraycopy(src, 0, dst, 0, words);
    for (int l = 0; l < leaves; l++) {
      long v = Bits.get(src, offset[l], width[l]);
      Bits.set(dst, target(l, perms), width[l], rename(l, v, perms));
    }
  }

  /**
   * Whether swapping values {@code a} and {@code b} of group {@code g} leaves {@code s} as it is (multisets aside):
   * every leaf the swap moves or renames must find its own value where it lands.
   */
  boolean fixedBySwap(long[] s, int g, int a, int b) {
    return fixedBySwap(s, g, a, b, rowLeaves[g][a])
        && fixedBySwap(s, g, a, b, rowLeaves[g][b])
        && fixedBySwap(s, g, a, b, valueLeaves[g]);
  }

  /** {@link #fixedBySwap(long[], int, int, int)} over {@code some} of the leaves. */
  private boolean fixedBySwap(long[] s, int g, int a, int b, int[] some) {
    for (int l : some) {
      boolean moves = false;
      for (int k = dimFrom[l]; k < dimFrom[l + 1]; k++) {
        if (dimGroup[k] == g && (dimIndex[k] == a || dimIndex[k] == b)) {
          moves = true;
          break;
        }
      }
      long v = Bits.get(s, offset[l], width[l]);
      long renamed = swapValue(l, v, g, a, b);
      if (!moves && renamed == v) {
        continue;
      }
      int d = offset[l];
      if (moves) {
        d = fixed[l];
        for (int k = dimFrom[l]; k < dimFrom[l + 1]; k++) {
          int i = dimIndex[k];
          if (dimGroup[k] == g) {
            i = i == a ? b : i == b ? a : i;
          }
          d += dimStride[k] * i;
        }
      }
      if (Bits.get(s, d, width[l]) != renamed) {
        return false;
      }
    }
    return true;
  }

  /** Leaf {@code l}'s value {@code v} with values {@code a} and {@code b} of group {@code g} swapped. */
  private long swapValue(int l, long v, int g, int a, int b) {
    if (v == 0) {
      return 0;
    }
    int first;
    if (valueGroup[l] == g) {
      first = 0;
    } else if (valueGroup[l] == -2) {
      int[] r = unionRanges[l];
      first = -1;
      for (int k = 0; k < r.length; k += 3) {
        if (r[k + 2] == g) {
          first = r[k];
        }
      }
      if (first < 0 || v - 1 < first || v - 1 >= first + groupSize(g)) {
        return v;
      }
    } else {
      return v;
    }
    long n = v - 1 - first;
    return n == a ? first + b + 1 : n == b ? first + a + 1 : v;
  }

  /**
   * Puts every multiset's slots in a canonical order: occupied slots first, by content. Two states that differ
   * only in where a multiset keeps its elements become one.
   */
  void sortMultisets(long[] s, long[] scratch) {
    for (int[] m : multisets) {
      int at = m[0];
      int capacity = m[1];
      int slotWidth = m[2];
      if (slotWidth <= 63) {
        sortSmallSlots(s, at, capacity, slotWidth, scratch);
      } else {
        sortWideSlots(s, at, capacity, slotWidth);
      }
    }
  }

  /** The largest multiset capacity: the scratch space {@link #sortMultisets} needs. */
  int maxCapacity() {
    return multisets.stream().mapToInt(m -> m[1]).max().orElse(0);
  }

  private static void sortSmallSlots(long[] s, int at, int capacity, int slotWidth, long[] slots) {
    for (int i = 0; i < capacity; i++) {
      slots[i] = Bits.get(s, at + i * slotWidth, slotWidth);
    }
    boolean sorted = true;
    for (int i = 1; i < capacity && sorted; i++) {
      sorted = Long.compareUnsigned(slots[i - 1], slots[i]) >= 0;
    }
    if (sorted) {
      return;
    }
    // descending, so that empty (all-zero) slots come last; insertion sort: capacities are small
    for (int i = 1; i < capacity; i++) {
      long x = slots[i];
      int j = i - 1;
      while (j >= 0 && Long.compareUnsigned(slots[j], x) < 0) {
        slots[j + 1] = slots[j];
        j--;
      }
      slots[j + 1] = x;
    }
    for (int i = 0; i < capacity; i++) {
      Bits.set(s, at + i * slotWidth, slotWidth, slots[i]);
    }
  }

  private static void sortWideSlots(long[] s, int at, int capacity, int slotWidth) {
    int chunks = (slotWidth + 62) / 63;
    long[][] slots = new long[capacity][chunks];
    for (int i = 0; i < capacity; i++) {
      for (int c = 0; c < chunks; c++) {
        int w = Math.min(63, slotWidth - 63 * c);
        slots[i][chunks - 1 - c] = Bits.get(s, at + i * slotWidth + 63 * c, w); // most significant chunk first
      }
    }
    java.util.Arrays.sort(slots, (x, y) -> java.util.Arrays.compareUnsigned(y, x));
    for (int i = 0; i < capacity; i++) {
      for (int c = 0; c < chunks; c++) {
        int w = Math.min(63, slotWidth - 63 * c);
        Bits.set(s, at + i * slotWidth + 63 * c, w, slots[i][chunks - 1 - c]);
      }
    }
  }
}
