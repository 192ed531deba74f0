package io.ballot.checker.interp;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.UndefinedCopies;
import io.ballot.checker.ts.Effects;
import java.util.IdentityHashMap;
import java.util.Map;

/** The bindings of one activation: locals to Ref, Box or (aliases of values) a constant Long or a Ref. */
final class Frame {
  /** A place that holds a value: a bit-field of a buffer (the state or a frame's locals). */
  record Ref(long[] buf, int off, Type type) {}

  /** A one-value holder for unbounded integer quantifiers, which have no stored form. */
  static final class Box {
    long value;

    Box(long value) {
      this.value = value;
    }
  }

  final long[] state;
  final Effects fx;
  final Map<Local, Object> locals = new IdentityHashMap<>();
  /** The expression each alias bound in this activation denotes (for {@link UndefinedCopies}). */
  final Map<Local, Expr> aliasValues = new IdentityHashMap<>();
  Object returned;
  /** The type the function being run returns (a real result is rounded to it), or null. */
  Type returnType;

  Frame(long[] state, Effects fx) {
    this.state = state;
    this.fx = fx;
  }

  /** Gives {@code local} its own zeroed (undefined) storage. */
  Ref allocate(Local local) {
    Type t = local.type();
    int bits = t instanceof Type.IntType ? 64 : t.bitWidth();
    Ref r = new Ref(new long[Math.max(1, (bits + 63) >>> 6)], 0, t);
    locals.put(local, r);
    return r;
  }

  /** Whether {@code e} names an unbounded quantifier, whose value is held in a {@link Box} rather than stored. */
  boolean isBoxed(Expr e) {
    return e instanceof Expr.LocalRef l && locals.get(l.local()) instanceof Box;
  }
}
