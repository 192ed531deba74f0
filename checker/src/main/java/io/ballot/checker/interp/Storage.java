package io.ballot.checker.interp;

import io.ballot.checker.interp.Frame.Ref;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Type;
import io.ballot.checker.state.Bits;
import io.ballot.checker.state.RealValues;
import io.ballot.checker.state.Values;
import io.ballot.checker.ts.ModelError;

/**
 * Stores simple values into their packed form ({@code index + 1}, 0 meaning undefined), converting between unions
 * and their members and range-checking as Rumur does; and says which types are numbers rather than storage.
 */
final class Storage {
  /** Integers are unsigned 64-bit (Rumur's uint64_t value type). */
  private final boolean unsigned;

  Storage(boolean unsigned) {
    this.unsigned = unsigned;
  }

  /** Stores a simple value of type {@code from} into {@code target}, converting and range-checking it. */
  void store(Ref target, long value, Type from, SourceLocation at) throws ModelError {
    Type t = target.type();
    if (t instanceof Type.IntType) {
      throw new IllegalStateException("unbounded integers have no stored form");
    }
    if (t instanceof Type.RealType rt) {
      double d = isReal(from) ? RealValues.real(value) : (double) value;
      Bits.set(target.buf(), target.off(), t.bitWidth(), realIndex(rt, d, at) + 1);
      return;
    }
    long v = convert(value, from, t, at);
    long index = Values.index(t, v, unsigned);
    if (index == -1) { // an unsigned model's index can exceed Long.MAX_VALUE
      String text = unsigned ? Long.toUnsignedString(v) : Long.toString(v);
      throw ModelError.runtime("value " + text + " out of range for " + describe(t), at);
    }
    Bits.set(target.buf(), target.off(), t.bitWidth(), index + 1);
  }

  /** The number of {@code d} rounded to a real type; NaN, infinities and too large exponents are errors. */
  static long realIndex(Type.RealType t, double d, SourceLocation at) throws ModelError {
    try {
      return RealValues.index(t, d);
    } catch (RealValues.OutOfBounds e) {
      throw ModelError.runtime(e.getMessage(), at);
    }
  }

  /** Whether values of type {@code t} are numbers (simple, unbounded integer or real) rather than storage. */
  static boolean isValue(Type t) {
    return t.isSimple() || t instanceof Type.IntType || t instanceof Type.DoubleType;
  }

  static boolean isReal(Type t) {
    return t instanceof Type.RealType || t instanceof Type.DoubleType;
  }

  /** Converts a simple value between a union and one of its members (identity otherwise). */
  static long convert(long value, Type from, Type to, SourceLocation at) throws ModelError {
    if (to instanceof Type.UnionType u && !(from instanceof Type.UnionType)) {
      long offset = Values.memberOffset(u, from);
      return offset < 0 ? value : offset + value;
    }
    if (from instanceof Type.UnionType u && !(to instanceof Type.UnionType)) {
      long offset = Values.memberOffset(u, to);
      if (offset < 0) {
        return value;
      }
      long inner = value - offset;
      if (inner < 0 || inner >= to.cardinality()) {
        throw ModelError.runtime("union value is not a " + to.getClass().getSimpleName(), at);
      }
      return inner;
    }
    return value;
  }

  private String describe(Type t) {
    return t instanceof Type.RangeType r
        ? Values.text(r, r.lo(), unsigned) + ".." + Values.text(r, r.hi(), unsigned)
        : t.getClass().getSimpleName();
  }

  static int width(Type t) {
    return t instanceof Type.IntType ? 64 : t.bitWidth();
  }

  /** A copy of the value {@code r} holds, in a buffer of its own. */
  static Ref copyOf(Ref r) {
    int w = r.type().bitWidth();
    long[] buf = new long[Math.max(1, (w + 63) >>> 6)];
    Bits.copy(r.buf(), r.off(), buf, 0, w);
    return new Ref(buf, 0, r.type());
  }
}
