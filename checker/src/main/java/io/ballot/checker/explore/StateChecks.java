package io.ballot.checker.explore;

import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * The checks every exploration strategy runs on a state, as Rumur does: a successor's top-level assumptions
 * (failing: it is dropped), then a new state's invariants (failing: it is reported and not expanded) and cover
 * properties (counted). Shared by the in-memory search ({@link BfsExplorer}) and the disk search, so that both
 * report the same violations. Thread-safe: the cover counts are atomic.
 */
public final class StateChecks {
  /** Where a check reports a violation found in state {@code at}, firing {@code rule} or evaluating {@code prop}. */
  @FunctionalInterface
  public interface Sink {
    /** A violation; see {@link PendingViolation} for the meaning of the ids. */
    void violation(ViolationKind kind, String property, SourceLocation where, String message, int at, int rule,
        int prop);
  }

  private final int[] assumptions;
  private final int[] invariants;
  private final int[] covers;
  private final int propertyCoverBase;
  private final AtomicLongArray coverHits;

  /** The checks of {@code ts}'s properties; cover hits are counted in {@code coverHits} (sites first). */
  public StateChecks(TransitionSystem ts, AtomicLongArray coverHits) {
    this.assumptions = of(ts, PropertyKind.ASSUMPTION);
    this.invariants = of(ts, PropertyKind.ASSERTION);
    this.covers = of(ts, PropertyKind.COVER);
    this.propertyCoverBase = ts.coverStatementCount();
    this.coverHits = coverHits;
  }

  /** The instances of {@code ts}'s properties of {@code kind}. */
  static int[] of(TransitionSystem ts, PropertyKind kind) {
    return IntStream.range(0, ts.propertyCount()).filter(p -> ts.propertyKind(p) == kind).toArray();
  }

  /** Whether a new state has invariants or covers to check. */
  public boolean checksStates() {
    return invariants.length + covers.length > 0;
  }

  /**
   * Whether successor {@code s} of state {@code parent} by {@code rule} satisfies every assumption; an assumption
   * that errs is reported (and the successor dropped).
   */
  public boolean admits(TransitionSystem ts, long[] s, int parent, int rule, Sink sink) {
    int p = -1;
    try {
      for (int a : assumptions) {
        p = a;
        if (!ts.holds(p, s)) {
          return false;
        }
      }
      return true;
    } catch (ModelError e) {
      sink.violation(e.kind(), e.property(), e.location(), e.getMessage() + " (in an assumption)", parent, rule, p);
      return false;
    }
  }

  /**
   * Checks the invariants and covers of new state {@code id}, whose value is {@code s}; returns false when it
   * violates one (reported to {@code sink}): the state is then not to be expanded.
   */
  public boolean check(TransitionSystem ts, long[] s, int id, Sink sink) {
    int p = -1;
    try {
      for (int inv : invariants) {
        p = inv;
        if (!ts.holds(p, s)) {
          Instance prop = ts.property(p);
          sink.violation(ViolationKind.INVARIANT, prop.describe(), prop.location(),
              "invariant \"" + prop.describe() + "\" failed", id, -1, p);
          return false;
        }
      }
      for (int c : covers) {
        p = c;
        if (ts.holds(p, s)) {
          coverHits.incrementAndGet(propertyCoverBase + p);
        }
      }
      return true;
    } catch (ModelError e) {
      sink.violation(e.kind(), e.property(), e.location(), e.getMessage() + " (in " + ts.property(p).describe() + ")",
          id, -1, p);
      return false;
    }
  }
}
