package io.ballot.checker.ir;

import java.util.List;

/**
 * The type of a variable or expression. Simple types (boolean, range, enum, scalarset, union) have a finite
 * {@link #cardinality()} of values, numbered 0..cardinality-1; a state stores value {@code i} as {@code i + 1} and 0
 * for "undefined", as Rumur does. {@link IntType} is the unbounded type of arithmetic, never stored; {@link RealType}
 * is CMurphi's stored real and {@link DoubleType} the type of real arithmetic before it is stored.
 */
public sealed interface Type {

  /** True for boolean, range, enum, scalarset and union: a value fits one bit-field. */
  default boolean isSimple() {
    return false;
  }

  /** Number of defined values of a simple type. */
  default long cardinality() {
    throw new UnsupportedOperationException(this + " is not a simple type");
  }

  /** Bits one stored value needs (undefined included); at most {@link #MAX_BITS} (else {@link TooLarge}). */
  int bitWidth();

  /** The most bits a value, and a whole state, may take: a state's bits are numbered by an int. */
  long MAX_BITS = Integer.MAX_VALUE;

  /**
   * Bits a value of {@code t} needs, computed without overflow: {@link Long#MAX_VALUE} when beyond it. Unlike
   * {@link #bitWidth()} it never throws, so the front end can tell a type too large to store where it is declared.
   */
  static long bits(Type t) {
    if (t instanceof ArrayType a) {
      return saturatedProduct(a.index().cardinality(), bits(a.element()));
    }
    if (t instanceof MultisetType m) {
      return saturatedProduct(m.capacity(), saturatedSum(1, bits(m.element())));
    }
    if (t instanceof RecordType r) {
      long sum = 0;
      for (Field f : r.fields()) {
        sum = saturatedSum(sum, bits(f.type()));
      }
      return sum;
    }
    return t.bitWidth();
  }

  /** {@code a + b} for non-negative values, or {@link Long#MAX_VALUE} when it overflows. */
  static long saturatedSum(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** {@code a * b} for non-negative values, or {@link Long#MAX_VALUE} when it overflows. */
  static long saturatedProduct(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }

  /** {@link #bitWidth()} of {@code t}, or {@link TooLarge} when beyond {@link #MAX_BITS}. */
  private static int checkedBits(Type t) {
    long b = bits(t);
    if (b > MAX_BITS) {
      throw new TooLarge(t, b);
    }
    return (int) b;
  }

  /** A type whose values need more than {@link #MAX_BITS} bits: no state can hold one. */
  final class TooLarge extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    TooLarge(Type t, long bits) {
      super("a value of this type needs " + (bits == Long.MAX_VALUE ? "more than 2^63" : Long.toString(bits))
          + " bits, more than a state can hold (" + MAX_BITS + " bits)");
    }
  }

  /** Bits needed to store the values 0..count (count + 1 codes). */
  static int bitsFor(long count) {
    return 64 - Long.numberOfLeadingZeros(count);
  }

  /** Unbounded integers: the type of literals and arithmetic results before they are stored. */
  record IntType() implements Type {
    @Override
    public int bitWidth() {
      return 64;
    }
  }

  /** Real arithmetic (CMurphi's C doubles; values carried as {@link Double#doubleToRawLongBits}), never stored. */
  record DoubleType() implements Type {
    @Override
    public int bitWidth() {
      return 64;
    }
  }

  /**
   * CMurphi's {@code real(precision, exponent)}: decimals of {@code precision} significant digits with a decimal
   * exponent in {@code -exponent+1..exponent}, and zero. Values are numbered as {@code io.ballot.checker.state
   * .RealValues} describes; expressions carry them as the bits of the nearest double.
   */
  record RealType(int precision, int exponent) implements Type {
    @Override
    public boolean isSimple() {
      return true;
    }

    /** Mantissas of one sign and exponent: {@code 9 * 10^(precision-1)}. */
    public long mantissas() {
      long m = 9;
      for (int i = 1; i < precision; i++) {
        m *= 10;
      }
      return m;
    }

    @Override
    public long cardinality() {
      return 1 + 2 * mantissas() * 2L * exponent;
    }

    @Override
    public int bitWidth() {
      return bitsFor(cardinality());
    }
  }

  /** {@code boolean}: false is 0, true is 1. */
  record BooleanType() implements Type {
    @Override
    public boolean isSimple() {
      return true;
    }

    @Override
    public long cardinality() {
      return 2;
    }

    @Override
    public int bitWidth() {
      return 2;
    }
  }

  /** The integers {@code lo..hi} inclusive; value {@code v} is numbered {@code v - lo}. */
  record RangeType(long lo, long hi) implements Type {
    @Override
    public boolean isSimple() {
      return true;
    }

    @Override
    public long cardinality() {
      return hi - lo + 1;
    }

    @Override
    public int bitWidth() {
      return bitsFor(cardinality());
    }
  }

  /** An enumeration; {@code origin} makes two declarations with the same members distinct types. */
  record EnumType(List<String> members, SourceLocation origin) implements Type {
    @Override
    public boolean isSimple() {
      return true;
    }

    @Override
    public long cardinality() {
      return members.size();
    }

    @Override
    public int bitWidth() {
      return bitsFor(cardinality());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof EnumType e && e.members.equals(members) && e.origin.equals(origin);
    }

    @Override
    public int hashCode() {
      return members.hashCode();
    }
  }

  /** A symmetric set of {@code size} interchangeable values, named for printing ({@code name_1} ...). */
  record ScalarsetType(String name, long size, SourceLocation origin) implements Type {
    @Override
    public boolean isSimple() {
      return true;
    }

    @Override
    public long cardinality() {
      return size;
    }

    @Override
    public int bitWidth() {
      return bitsFor(size);
    }
  }

  /** A union of enums and scalarsets (CMurphi); values are numbered member after member. */
  record UnionType(List<Type> members) implements Type {
    @Override
    public boolean isSimple() {
      return true;
    }

    @Override
    public long cardinality() {
      return members.stream().mapToLong(Type::cardinality).reduce(0, Type::saturatedSum);
    }

    @Override
    public int bitWidth() {
      return bitsFor(cardinality());
    }
  }

  /** A record field. */
  record Field(String name, Type type) {}

  /** A record: fields in declaration order. */
  record RecordType(List<Field> fields) implements Type {
    @Override
    public int bitWidth() {
      return checkedBits(this);
    }

    /** Index of the field called {@code name}, or -1. */
    public int indexOf(String name) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** An array indexed by a simple type. */
  record ArrayType(Type index, Type element) implements Type {
    @Override
    public int bitWidth() {
      return checkedBits(this);
    }
  }

  /** A CMurphi multiset of at most {@code capacity} elements: slots with a presence bit each. */
  record MultisetType(long capacity, Type element) implements Type {
    @Override
    public int bitWidth() {
      return checkedBits(this);
    }
  }
}
