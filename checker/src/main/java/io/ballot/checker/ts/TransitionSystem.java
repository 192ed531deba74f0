package io.ballot.checker.ts;

import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.state.StateLayout;
import java.util.List;

/**
 * A model as transitions over packed states: what an explorer needs and nothing more. Rules, start states and
 * properties are instances (one per combination of quantifier values), numbered from 0. Two implementations exist:
 * code compiled from the IR (fast) and an interpreter of the IR (the reference the compiled code is tested
 * against). Implementations are immutable and thread-safe; states are {@code long[]} of {@link StateLayout#words()}.
 */
public interface TransitionSystem {

  StateLayout layout();

  int startCount();

  Instance start(int i);

  /** Runs start state {@code i} on {@code out} (all zero, every variable undefined, on entry). False: assumed away. */
  boolean runStart(int i, long[] out, Effects fx) throws ModelError;

  int ruleCount();

  Instance rule(int i);

  /** Whether rule {@code i} is enabled in {@code state}. */
  boolean guard(int i, long[] state) throws ModelError;

  /**
   * Fires rule {@code i}: {@code next} holds a copy of {@code state} on entry and the successor on return. False
   * when an {@code assume} failed (the successor is dropped).
   */
  boolean fire(int i, long[] state, long[] next, Effects fx) throws ModelError;

  /** Top-level properties (invariants, assumptions, covers, liveness), each instance numbered. */
  int propertyCount();

  Instance property(int i);

  PropertyKind propertyKind(int i);

  /** Whether property {@code i} holds in {@code state}. */
  boolean holds(int i, long[] state) throws ModelError;

  /** Number of {@code cover} statements inside rules and functions; their sites are numbered from 0. */
  int coverStatementCount();

  Instance coverStatement(int site);

  /** The state, leaf by leaf, as a trace prints it. */
  List<VariableValue> render(long[] state);
}
