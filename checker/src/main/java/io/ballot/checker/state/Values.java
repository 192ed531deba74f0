package io.ballot.checker.state;

import io.ballot.checker.ir.Type;
import java.util.List;

/**
 * The numbering of simple values: a range value is the integer itself; booleans, enums and scalarsets are
 * numbered from 0; a union numbers its members' values one member after another. Stored form = number + 1.
 */
public final class Values {
  private Values() {}

  /** The number of a value of a simple type (0-based), or -1 when it is not a value of that type. */
  public static long index(Type t, long value) {
    if (t instanceof Type.RealType rt) {
      try {
        return RealValues.index(rt, RealValues.real(value));
      } catch (RealValues.OutOfBounds e) {
        return -1;
      }
    }
    if (t instanceof Type.RangeType r) {
      return value < r.lo() || value > r.hi() ? -1 : value - r.lo();
    }
    return value < 0 || value >= t.cardinality() ? -1 : value;
  }

  /**
   * {@link #index(Type, long)} where integers are unsigned 64-bit (range bounds compared unsigned); the index is
   * then itself unsigned (a range of 0..2^64-2 has indexes above Long.MAX_VALUE), and -1 still means "none".
   */
  public static long index(Type t, long value, boolean unsigned) {
    if (unsigned && t instanceof Type.RangeType r) {
      return Long.compareUnsigned(value, r.lo()) < 0 || Long.compareUnsigned(value, r.hi()) > 0 ? -1 : value - r.lo();
    }
    return index(t, value);
  }

  /** The value numbered {@code index} (0-based) of a simple type (a real's as double bits, {@link RealValues}). */
  public static long value(Type t, long index) {
    if (t instanceof Type.RealType rt) {
      return RealValues.bits(RealValues.value(rt, index));
    }
    return t instanceof Type.RangeType r ? r.lo() + index : index;
  }

  /** Where member {@code m}'s values start in a union's numbering, or -1 when m is not a member. */
  public static long memberOffset(Type.UnionType u, Type m) {
    long offset = 0;
    for (Type member : u.members()) { // the member itself first: scalarsets of one size are different members
      if (member.equals(m)) {
        return offset;
      }
      offset += member.cardinality();
    }
    offset = 0;
    for (Type member : u.members()) {
      if (sameSimpleType(member, m)) {
        return offset;
      }
      offset += member.cardinality();
    }
    return -1;
  }

  /** Structural sameness of enums (members) and scalarsets (size), as Rumur's type rules have it. */
  public static boolean sameSimpleType(Type a, Type b) {
    if (a.equals(b)) {
      return true;
    }
    if (a instanceof Type.EnumType x && b instanceof Type.EnumType y) {
      return x.members().equals(y.members());
    }
    if (a instanceof Type.ScalarsetType x && b instanceof Type.ScalarsetType y) {
      return x.size() == y.size();
    }
    return false;
  }

  /** {@link #text(Type, long)}; integers (ranges, unbounded) print as unsigned 64-bit when {@code unsigned}. */
  public static String text(Type t, long value, boolean unsigned) {
    if (unsigned && (t instanceof Type.RangeType || t instanceof Type.IntType)) {
      return Long.toUnsignedString(value);
    }
    return text(t, value);
  }

  /** The text of a simple value, as traces print it. */
  public static String text(Type t, long value) {
    if (t instanceof Type.RealType rt) {
      return RealValues.text(rt, RealValues.real(value));
    } else if (t instanceof Type.DoubleType) {
      return RealValues.text(RealValues.real(value));
    } else if (t instanceof Type.BooleanType) {
      return value != 0 ? "true" : "false";
    } else if (t instanceof Type.EnumType e) {
      return value >= 0 && value < e.members().size() ? e.members().get((int) value) : Long.toString(value);
    } else if (t instanceof Type.ScalarsetType s) {
      return s.name() + "_" + (value + 1);
    } else if (t instanceof Type.UnionType u) {
      long offset = 0;
      List<Type> members = u.members();
      for (Type m : members) {
        if (value < offset + m.cardinality()) {
          return text(m, value - offset);
        }
        offset += m.cardinality();
      }
    }
    return Long.toString(value);
  }
}
