package io.ballot.checker.simulate;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Checks one state of a walk as {@code ballot check} checks a state it stores and expands: its invariants (and
 * counts its covers), then every rule: a guard or body that errs, an assumption that errs on a successor, and a
 * deadlock (no enabled rule, or with {@code stuttering} none that changes the state) are violations. Each successor
 * that passes the top-level assumptions and changes the state is offered to a {@link Choice}, which picks the
 * walk's next state. The same code checks a walk while it runs and each candidate while a walk is shortened, so a
 * shortened walk violates exactly as a walk does. One per thread: it keeps buffers and counters.
 */
final class StateVisitor {

  /** Picks the successor a walk goes on with among those offered, in rule order. */
  interface Choice {
    /** Whether the successor by rule instance {@code rule} replaces the one picked so far. */
    boolean offer(int rule);
  }

  private final TransitionSystem ts;
  private final DeadlockMode deadlock;
  private final int[] assumptions;
  private final int[] invariants;
  private final int[] covers;
  private final long[] next;
  /** Firings per rule instance (a rule counts once per visited state where it fired), when counting. */
  final long[] fires;
  /** Hits per cover: statement sites first, then top-level cover properties (as the explorer numbers them). */
  final long[] coverHits;
  private final boolean counting;
  private final Effects effects;
  /** The rule instance whose successor the last {@link #visit} picked; -1 when none. */
  int chosen;
  /** Rules fired by the last {@link #visit}. */
  int fired;

  /** {@code counting}: whether to count firings and cover hits (a walk does; a replay does not). */
  StateVisitor(TransitionSystem ts, DeadlockMode deadlock, boolean counting) {
    this.ts = ts;
    this.deadlock = deadlock;
    this.counting = counting;
    this.assumptions = propertiesOf(ts, PropertyKind.ASSUMPTION);
    this.invariants = propertiesOf(ts, PropertyKind.ASSERTION);
    this.covers = propertiesOf(ts, PropertyKind.COVER);
    this.next = new long[ts.layout().words()];
    this.fires = new long[ts.ruleCount()];
    this.coverHits = new long[ts.coverStatementCount() + ts.propertyCount()];
    this.effects = !counting ? Effects.NONE : new Effects() {
      @Override
      public void cover(int site) {
        coverHits[site]++;
      }

      @Override
      public void put(String text) {}
    };
  }

  static int[] propertiesOf(TransitionSystem ts, PropertyKind kind) {
    return IntStream.range(0, ts.propertyCount()).filter(p -> ts.propertyKind(p) == kind).toArray();
  }

  /** Whether {@code state} passes the top-level assumptions; throws when one errs. */
  boolean assumed(long[] state) throws ModelError {
    for (int a : assumptions) {
      if (!ts.holds(a, state)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks {@code state} and fires every enabled rule; the successor {@code choice} picks is copied into {@code out}
   * and its rule left in {@link #chosen}. Returns the first violation the state shows, or null.
   */
  Found visit(long[] state, Choice choice, long[] out) {
    chosen = -1;
    fired = 0;
    Found bad = checkState(state);
    if (bad != null) {
      return bad;
    }
    boolean stuck = true;
    for (int r = 0; r < ts.ruleCount(); r++) {
      boolean changes;
      try {
        if (!ts.guard(r, state)) {
          continue;
        }
        System.arraycopy(state, 0, next, 0, next.length);
        if (!ts.fire(r, state, next, effects)) {
          continue;
        }
      } catch (ModelError e) {
        return found(e, " (in rule " + ts.rule(r).describe() + ")");
      }
      fired++;
      if (counting) {
        fires[r]++;
      }
      changes = !Arrays.equals(state, next);
      if (deadlock != DeadlockMode.STUTTERING || changes) {
        stuck = false;
      }
      try {
        if (!changes || !assumed(next)) {
          continue;
        }
      } catch (ModelError e) {
        return found(e, " (in an assumption)");
      }
      if (choice.offer(r)) {
        chosen = r;
        System.arraycopy(next, 0, out, 0, next.length);
      }
    }
    if (stuck && deadlock != DeadlockMode.OFF) {
      return new Found(ViolationKind.DEADLOCK, "deadlock", null, "deadlock: no rule can change this state");
    }
    return null;
  }

  /** The invariants of {@code state} (the first false one is the violation) and its covers. */
  private Found checkState(long[] state) {
    int p = -1;
    try {
      for (int inv : invariants) {
        p = inv;
        if (!ts.holds(p, state)) {
          Instance prop = ts.property(p);
          return new Found(ViolationKind.INVARIANT, prop.describe(), prop.location(),
              "invariant \"" + prop.describe() + "\" failed");
        }
      }
      for (int c : covers) {
        p = c;
        if (ts.holds(p, state) && counting) {
          coverHits[ts.coverStatementCount() + p]++;
        }
      }
    } catch (ModelError e) {
      return found(e, " (in " + ts.property(p).describe() + ")");
    }
    return null;
  }

  static Found found(ModelError e, String context) {
    return new Found(e.kind(), e.property(), e.location(), e.getMessage() + context);
  }
}
