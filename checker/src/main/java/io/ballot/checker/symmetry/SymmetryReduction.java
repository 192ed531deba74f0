package io.ballot.checker.symmetry;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Choose;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.StateLayout;
import io.ballot.checker.state.Values;
import java.util.List;

/**
 * Symmetry and multiset reduction for one model: which scalarsets are reduced, and canonicalisers for the threads.
 * Immutable; build one per check with {@link #of}.
 */
public final class SymmetryReduction {
  /** Orders of tied indices the heuristic tries before it settles for the present order. */
  static final long HEURISTIC_BUDGET = 24;

  private final StateShape shape;
  private final CheckOptions.Symmetry mode;

  private SymmetryReduction(StateShape shape, CheckOptions.Symmetry mode) {
    this.shape = shape;
    this.mode = mode;
  }

  /** The reduction {@code mode} asks for over states of {@code layout}; {@link #reduces()} false when none. */
  public static SymmetryReduction of(StateLayout layout, CheckOptions.Symmetry mode) {
    return new SymmetryReduction(new StateShape(layout), mode);
  }

  /** Whether states are reduced at all (the mode is not off, and there is a named scalarset or a multiset). */
  public boolean reduces() {
    return mode != CheckOptions.Symmetry.OFF && shape.reduces();
  }

  /** Names of the scalarset types reduced. */
  public List<String> scalarsets() {
    return shape.groups.stream().map(g -> g.name()).toList();
  }

  /** Whether the state has multisets (kept in canonical order under reduction). */
  public boolean hasMultisets() {
    return !shape.multisets.isEmpty();
  }

  /** Sizes of the reduced scalarsets, in the order {@link #permute} takes their permutations. */
  public int[] groupSizes() {
    return shape.groups.stream().mapToInt(g -> (int) g.size()).toArray();
  }

  /**
   * Writes into {@code dst} the state {@code src} permuted: value {@code i} of the {@code g}-th reduced scalarset
   * becomes {@code perms[g][i]} (array entries move with their indices), then multisets are put in canonical order.
   * The group action the reduction is over; for tests and tools (it allocates).
   */
  public void permute(int[][] perms, long[] src, long[] dst) {
    shape.apply(perms, src, dst);
    shape.sortMultisets(dst, new long[Math.max(1, shape.maxCapacity())]);
  }

  /** A canonicaliser for one thread, in this reduction's mode. */
  public Canonicalizer canonicalizer() {
    return new Canonicalizer(shape, mode == CheckOptions.Symmetry.EXHAUSTIVE ? 0 : HEURISTIC_BUDGET);
  }

  /**
   * The first liveness property of {@code model} that symmetry reduction would make unsound to check, or null: one
   * quantified over a scalarset or over a multiset's slots. Such an instance (say "process 1 eventually eats") can
   * hold in a state and fail in a permuted copy of it, while the reduced graph keeps only one of the two; a
   * liveness property without such parameters holds or fails alike in every permutation of a state.
   */
  public static Property unsoundLiveness(Model model) {
    for (Property p : model.properties()) {
      if (p.kind() == PropertyKind.LIVENESS && p.binders().stream().anyMatch(SymmetryReduction::permuted)) {
        return p;
      }
    }
    return null;
  }

  private static boolean permuted(Binder b) {
    if (b instanceof Choose) {
      return true;
    }
    return b instanceof Quantifier q && q.overType() && mentionsScalarset(q.type());
  }

  private static boolean mentionsScalarset(Type t) {
    return t instanceof Type.ScalarsetType s && !"scalarset".equals(s.name())
        || t instanceof Type.UnionType u && u.members().stream().anyMatch(SymmetryReduction::mentionsScalarset);
  }

  /**
   * A canonicaliser for one thread over the scalarset permutations alone (multiset slots stay where they are, so a
   * state and its representative differ only by renaming), trying at most {@code budget} orders of tied indices;
   * with {@link Canonicalizer#canonicalize(long[], boolean[][], int[][])} it reduces under the permutations that fix
   * given values, as a replay needs.
   */
  public Canonicalizer renamingCanonicalizer(long budget) {
    return new Canonicalizer(shape, Math.max(1, budget), false);
  }

  /**
   * Writes into {@code dst} the state {@code src} with value {@code i} of the {@code g}-th reduced scalarset renamed
   * {@code perms[g][i]} (array entries move with their indices); multisets keep their slot order.
   */
  public void rename(int[][] perms, long[] src, long[] dst) {
    shape.apply(perms, src, dst);
  }

  /** How traces print value {@code i} of the {@code g}-th reduced scalarset ({@code Node_1} for the first). */
  public String valueText(int g, int i) {
    return Values.text(shape.groups.get(g), i);
  }

  /** A canonicaliser for one thread that always gives the exact canonical form (for matching orbits). */
  public Canonicalizer exactCanonicalizer() {
    return new Canonicalizer(shape, 0);
  }
}
