package io.ballot.cluster;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.TransitionSystem;
import java.util.stream.IntStream;

/**
 * A model compiled in this JVM for a cluster run: its IR, transition system (compiled code, with rule priorities
 * applied), symmetry reduction (null when nothing is reduced) and its property instances by kind. Immutable and
 * thread-safe; each task takes its own canonicaliser from {@link #symmetry}.
 */
public final class LoadedModel {
  final Model model;
  final TransitionSystem ts;
  final SymmetryReduction symmetry;
  final int[] assumptions;
  final int[] invariants;
  final int[] covers;
  final int[] liveness;

  LoadedModel(Model model, TransitionSystem ts, ModelSpec spec) {
    this.model = model;
    this.ts = ts;
    SymmetryReduction s = SymmetryReduction.of(ts.layout(), spec.symmetry());
    this.symmetry = s.reduces() ? s : null;
    this.assumptions = of(PropertyKind.ASSUMPTION);
    this.invariants = of(PropertyKind.ASSERTION);
    this.covers = of(PropertyKind.COVER);
    this.liveness = of(PropertyKind.LIVENESS);
  }

  private int[] of(PropertyKind kind) {
    return IntStream.range(0, ts.propertyCount()).filter(p -> ts.propertyKind(p) == kind).toArray();
  }

  /** The model's transition system. */
  public TransitionSystem transitions() {
    return ts;
  }

  /** The model's IR. */
  public Model model() {
    return model;
  }

  /** Cover counters: statement sites first, then one per property instance (as the local explorer numbers them). */
  int coverCounters() {
    return ts.coverStatementCount() + ts.propertyCount();
  }
}
