package io.ballot.checker.ts;

import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.state.StateLayout;
import java.util.List;

/**
 * A transition system that forwards every call to another one: extend it and override what changes (rule
 * priorities over a model's rules, or a test's instrumented guard).
 */
public abstract class ForwardingTransitionSystem implements TransitionSystem {
  /** The transition system calls go to. */
  protected final TransitionSystem inner;

  protected ForwardingTransitionSystem(TransitionSystem inner) {
    this.inner = inner;
  }

  @Override
  public StateLayout layout() {
    return inner.layout();
  }

  @Override
  public int startCount() {
    return inner.startCount();
  }

  @Override
  public Instance start(int i) {
    return inner.start(i);
  }

  @Override
  public boolean runStart(int i, long[] out, Effects fx) throws ModelError {
    return inner.runStart(i, out, fx);
  }

  @Override
  public int ruleCount() {
    return inner.ruleCount();
  }

  @Override
  public Instance rule(int i) {
    return inner.rule(i);
  }

  @Override
  public boolean guard(int i, long[] state) throws ModelError {
    return inner.guard(i, state);
  }

  @Override
  public boolean fire(int i, long[] state, long[] next, Effects fx) throws ModelError {
    return inner.fire(i, state, next, fx);
  }

  @Override
  public int propertyCount() {
    return inner.propertyCount();
  }

  @Override
  public Instance property(int i) {
    return inner.property(i);
  }

  @Override
  public PropertyKind propertyKind(int i) {
    return inner.propertyKind(i);
  }

  @Override
  public boolean holds(int i, long[] state) throws ModelError {
    return inner.holds(i, state);
  }

  @Override
  public int coverStatementCount() {
    return inner.coverStatementCount();
  }

  @Override
  public Instance coverStatement(int site) {
    return inner.coverStatement(site);
  }

  @Override
  public List<VariableValue> render(long[] state) {
    return inner.render(state);
  }
}
