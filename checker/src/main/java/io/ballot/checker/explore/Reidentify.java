package io.ballot.checker.explore;

import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.Objects;

/**
 * Names a violation after the instance that shows it in a concrete trace's last state. Under symmetry reduction the
 * violation was found in a stored (canonical) state; the trace ends in a permuted copy of it, where a permuted
 * instance of the same invariant fails, or of the same rule errs. Without such an instance (none should be
 * missing in a symmetric model) the violation is reported as found.
 */
final class Reidentify {
  private Reidentify() {}

  static PendingViolation in(TransitionSystem ts, PendingViolation p, long[] last) {
    if (p.prop() >= 0) {
      return property(ts, p, last);
    }
    if (p.rule() >= 0) {
      return rule(ts, p, last);
    }
    return p;
  }

  private static PendingViolation property(TransitionSystem ts, PendingViolation p, long[] last) {
    Instance was = ts.property(p.prop());
    PropertyKind kind = ts.propertyKind(p.prop());
    for (int q = 0; q < ts.propertyCount(); q++) {
      Instance is = ts.property(q);
      if (ts.propertyKind(q) != kind || !is.name().equals(was.name())) {
        continue;
      }
      try {
        if (!ts.holds(q, last) && p.kind() == io.ballot.checker.result.ViolationKind.INVARIANT) {
          String message = p.message().replace("\"" + was.describe() + "\"", "\"" + is.describe() + "\"");
          return renamed(p, was, is, message, q, -1);
        }
      } catch (ModelError e) {
        if (p.kind() != io.ballot.checker.result.ViolationKind.INVARIANT
            && Objects.equals(e.location(), p.where())) {
          return renamed(p, was, is, e.getMessage() + " (in " + is.describe() + ")", q, -1);
        }
      }
    }
    return p;
  }

  private static PendingViolation rule(TransitionSystem ts, PendingViolation p, long[] last) {
    Instance was = ts.rule(p.rule());
    long[] next = new long[last.length];
    for (int r = 0; r < ts.ruleCount(); r++) {
      Instance is = ts.rule(r);
      if (!is.name().equals(was.name())) {
        continue;
      }
      try {
        if (ts.guard(r, last)) {
          System.arraycopy(last, 0, next, 0, last.length);
          ts.fire(r, last, next, Effects.NONE);
        }
      } catch (ModelError e) {
        if (e.kind() == p.kind() && Objects.equals(e.location(), p.where())) {
          return renamed(p, was, is, e.getMessage() + " (in rule " + is.describe() + ")", -1, r);
        }
      }
    }
    return p;
  }

  private static PendingViolation renamed(
      PendingViolation p, Instance was, Instance is, String message, int prop, int rule) {
    String property = p.property().equals(was.describe()) ? is.describe() : p.property();
    return new PendingViolation(p.kind(), property, p.where(), message, p.at(), rule, prop);
  }
}
