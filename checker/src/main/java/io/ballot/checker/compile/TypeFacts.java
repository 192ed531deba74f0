package io.ballot.checker.compile;

import io.ballot.checker.ir.IrPrinter;
import io.ballot.checker.ir.Type;

/** What the generator needs to know of IR types: how values are carried, numbered and stored. */
final class TypeFacts {
  private TypeFacts() {}

  /** Whether values of {@code t} are carried in a Java {@code long} (rather than in storage). */
  static boolean isValue(Type t) {
    return t.isSimple() || t instanceof Type.IntType || t instanceof Type.DoubleType;
  }

  /** CMurphi's reals: stored {@code real(p, e)} or computed; carried as the raw bits of a double. */
  static boolean isReal(Type t) {
    return t instanceof Type.RealType || t instanceof Type.DoubleType;
  }

  /** The numbers of a simple type's values: lo..hi (ranges), 0..card-1 (others). */
  static long[] bounds(Type t) {
    if (t instanceof Type.RangeType r) {
      return new long[] {r.lo(), r.hi()};
    }
    if (t instanceof Type.IntType) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    return new long[] {0, t.cardinality() - 1};
  }

  static boolean sameBounds(Type a, Type b) {
    long[] x = bounds(a);
    long[] y = bounds(b);
    return x[0] == y[0] && x[1] == y[1];
  }

  /** Whether a place of type a can stand for one of type b: the same layout and the same numbering. */
  static boolean sameStorage(Type a, Type b) {
    if (a.isSimple() || b.isSimple()) {
      return a.isSimple() && b.isSimple() && a.bitWidth() == b.bitWidth() && sameBounds(a, b)
          && a instanceof Type.UnionType == b instanceof Type.UnionType;
    }
    return IrPrinter.print(a).equals(IrPrinter.print(b));
  }

  /** Whether raw stored bits of type a mean the same values, all valid, in type b ({@code unsigned}: 64-bit). */
  static boolean sameNumbering(boolean unsigned, Type a, Type b) {
    if (!b.isSimple() || a instanceof Type.UnionType != b instanceof Type.UnionType) {
      return false;
    }
    long[] x = bounds(a);
    long[] y = bounds(b);
    return x[0] == y[0] && (unsigned ? Long.compareUnsigned(x[1], y[1]) <= 0 : x[1] <= y[1]);
  }
}
