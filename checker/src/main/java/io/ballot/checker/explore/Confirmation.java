package io.ballot.checker.explore;

import io.ballot.checker.SoundnessFailure;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.result.ViolationKind;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.Arrays;
import java.util.Objects;

/**
 * Confirms a violation on the last state of its concrete trace before it is reported, and names it after the
 * instance that shows it there. The search found the violation in a stored state, which under symmetry reduction is
 * an orbit representative; the concrete trace ends in a permuted copy of it, where a permuted instance of the same
 * property fails, or of the same rule errs. The recorded instance is tried first, then the other instances of the
 * same rule or property. When none shows the violation in the concrete state, the search was wrong, not the model:
 * that is a {@link SoundnessFailure}, never a printed counterexample.
 */
public final class Confirmation {
  private final TransitionSystem ts;
  private final DeadlockMode deadlock;

  /** Confirms violations of {@code ts}, whose deadlocks are judged as {@code deadlock} says. */
  public Confirmation(TransitionSystem ts, DeadlockMode deadlock) {
    this.ts = ts;
    this.deadlock = deadlock;
  }

  /** {@code p} as shown by {@code last}, the concrete state its trace ends in; throws when {@code last} does not. */
  public PendingViolation confirm(PendingViolation p, long[] last, String context) {
    PendingViolation q;
    if (p.rule() >= 0 && p.prop() >= 0) {
      q = assumption(p, last);
    } else if (p.prop() >= 0) {
      q = property(p, last);
    } else if (p.rule() >= 0) {
      q = rule(p, last);
    } else if (p.kind() == ViolationKind.DEADLOCK) {
      q = deadlocked(last) ? p : null;
    } else if (p.kind() == ViolationKind.LIVENESS) {
      q = livenessFails(p, last) ? p : null;
    } else {
      q = p;
    }
    if (q == null) {
      throw new SoundnessFailure("the search reported " + p.message() + ", but the last state of its concrete trace"
          + " does not show it; " + context + ". No counterexample is printed: this is a bug in ballot,"
          + " please report it with the model and this message");
    }
    return q;
  }

  /** An invariant false, or a property whose evaluation errs at the same place, in an instance of the property. */
  private PendingViolation property(PendingViolation p, long[] last) {
    Instance was = ts.property(p.prop());
    PropertyKind kind = ts.propertyKind(p.prop());
    for (int q : candidates(p.prop(), ts.propertyCount())) {
      Instance is = ts.property(q);
      if (ts.propertyKind(q) != kind || !same(is, was)) {
        continue;
      }
      try {
        if (!ts.holds(q, last) && p.kind() == ViolationKind.INVARIANT) {
          String message = p.message().replace("\"" + was.describe() + "\"", "\"" + is.describe() + "\"");
          return renamed(p, was, is, message, -1, q);
        }
      } catch (ModelError e) {
        if (p.kind() != ViolationKind.INVARIANT && e.kind() == p.kind() && Objects.equals(e.location(), p.where())) {
          return renamed(p, was, is, e.getMessage() + " (in " + is.describe() + ")", -1, q);
        }
      }
    }
    return null;
  }

  /** An instance of the rule whose guard or body errs at the same place. */
  private PendingViolation rule(PendingViolation p, long[] last) {
    Instance was = ts.rule(p.rule());
    long[] next = new long[last.length];
    for (int r : candidates(p.rule(), ts.ruleCount())) {
      Instance is = ts.rule(r);
      if (!same(is, was)) {
        continue;
      }
      try {
        if (ts.guard(r, last)) {
          System.arraycopy(last, 0, next, 0, last.length);
          ts.fire(r, last, next, Effects.NONE);
        }
      } catch (ModelError e) {
        if (e.kind() == p.kind() && Objects.equals(e.location(), p.where())) {
          return renamed(p, was, is, e.getMessage() + " (in rule " + is.describe() + ")", r, -1);
        }
      }
    }
    return null;
  }

  /** An instance of the rule whose successor of {@code last} errs at the same place in the assumption. */
  private PendingViolation assumption(PendingViolation p, long[] last) {
    Instance was = ts.rule(p.rule());
    long[] next = new long[last.length];
    for (int r : candidates(p.rule(), ts.ruleCount())) {
      if (!same(ts.rule(r), was)) {
        continue;
      }
      try {
        System.arraycopy(last, 0, next, 0, last.length);
        if (!ts.guard(r, last) || !ts.fire(r, last, next, Effects.NONE)) {
          continue;
        }
      } catch (ModelError e) {
        continue;
      }
      try {
        ts.holds(p.prop(), next);
      } catch (ModelError e) {
        if (e.kind() == p.kind() && Objects.equals(e.location(), p.where())) {
          return new PendingViolation(p.kind(), p.property(), p.where(), p.message(), p.at(), r, p.prop());
        }
      }
    }
    return null;
  }

  /** No rule fires in {@code last} (or, stuttering, none changes it), as the search judges a deadlock. */
  private boolean deadlocked(long[] last) {
    long[] next = new long[last.length];
    for (int r = 0; r < ts.ruleCount(); r++) {
      try {
        if (!ts.guard(r, last)) {
          continue;
        }
        System.arraycopy(last, 0, next, 0, last.length);
        if (!ts.fire(r, last, next, Effects.NONE)) {
          continue;
        }
      } catch (ModelError e) {
        continue;
      }
      if (deadlock != DeadlockMode.STUTTERING || !Arrays.equals(last, next)) {
        return false;
      }
    }
    return true;
  }

  /** The liveness property is false in {@code last} (from which, the search found, it cannot become true). */
  private boolean livenessFails(PendingViolation p, long[] last) {
    for (int q = 0; q < ts.propertyCount(); q++) {
      if (ts.propertyKind(q) == PropertyKind.LIVENESS && ts.property(q).describe().equals(p.property())) {
        try {
          return !ts.holds(q, last);
        } catch (ModelError e) {
          return false;
        }
      }
    }
    return false;
  }

  /** {@code first}, then every other index below {@code count}. */
  private static int[] candidates(int first, int count) {
    int[] out = new int[count];
    out[0] = first;
    for (int i = 0, k = 1; i < count; i++) {
      if (i != first) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** Instances of one rule or property: the same name at the same place. */
  private static boolean same(Instance a, Instance b) {
    return a.name().equals(b.name()) && Objects.equals(a.location(), b.location());
  }

  private static PendingViolation renamed(
      PendingViolation p, Instance was, Instance is, String message, int rule, int prop) {
    String property = p.property().equals(was.describe()) ? is.describe() : p.property();
    return new PendingViolation(p.kind(), property, p.where(), message, p.at(), rule, prop);
  }
}
