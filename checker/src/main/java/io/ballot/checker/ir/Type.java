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

  /** Bits one stored value needs (undefined included). */
  int bitWidth();

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
      return members.stream().mapToLong(Type::cardinality).sum();
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
      return fields.stream().mapToInt(f -> f.type().bitWidth()).sum();
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
      return Math.toIntExact(index.cardinality() * element.bitWidth());
    }
  }

  /** A CMurphi multiset of at most {@code capacity} elements: slots with a presence bit each. */
  record MultisetType(long capacity, Type element) implements Type {
    @Override
    public int bitWidth() {
      return Math.toIntExact(capacity * (1 + element.bitWidth()));
    }
  }
}
