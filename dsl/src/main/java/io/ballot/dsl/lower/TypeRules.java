package io.ballot.dsl.lower;

import io.ballot.checker.ir.Type;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Murphi's typing rules, as Rumur applies them: integers of any range mix freely; booleans and each enum are their
 * own kinds; records and arrays are compatible when their structure is; a union accepts its members. Scalarsets
 * are the exception: each scalarset declaration is its own type, as in CMurphi (Rumur lets scalarsets of equal size
 * mix, which makes symmetry reduction unsound; see docs/language.md). Also names types for messages, using the
 * user's type names where there are some, and explains the scalarset rules when they are broken.
 */
final class TypeRules {
  private final Map<Type, String> names = new IdentityHashMap<>();
  private final boolean unsigned;

  /** Rules for a model whose integers are unsigned 64-bit when {@code unsigned} (they print that way). */
  TypeRules(boolean unsigned) {
    this.unsigned = unsigned;
  }

  /** An integer as the model's value type prints it. */
  String number(long v) {
    return unsigned ? Long.toUnsignedString(v) : Long.toString(v);
  }

  /** Remembers that {@code type} was declared under {@code name} (the first name wins). */
  void name(Type type, String name) {
    names.putIfAbsent(type, name);
  }

  static boolean isNumeric(Type t) {
    return t instanceof Type.IntType || t instanceof Type.RangeType;
  }

  /** CMurphi's reals: a stored {@code real(p, e)} or a real value being computed; all of them one type class. */
  static boolean isReal(Type t) {
    return t instanceof Type.RealType || t instanceof Type.DoubleType;
  }

  /** Integers or reals: what arithmetic and ordering comparisons accept (CMurphi mixes them). */
  static boolean isNumericOrReal(Type t) {
    return isNumeric(t) || isReal(t);
  }

  static boolean isBoolean(Type t) {
    return t instanceof Type.BooleanType;
  }

  /**
   * Whether a value of type {@code value} may be stored in (assigned, passed, returned as) {@code target}: Rumur's
   * {@code coerces_to}. Integers of any ranges mix (range checks happen when the value is stored); a union accepts
   * its members and its values may go where one of its members may; everything else must be {@link #equal}.
   */
  static boolean assignable(Type target, Type value) {
    if (isNumeric(target) && isNumeric(value)) {
      return true;
    }
    if (isReal(target) || isReal(value)) {
      return isReal(target) && isNumericOrReal(value); // CMurphi converts an integer to real, never back
    }
    if (target instanceof Type.UnionType u && !(value instanceof Type.UnionType)) {
      return u.members().stream().anyMatch(m -> assignable(m, value));
    }
    if (value instanceof Type.UnionType u && !(target instanceof Type.UnionType)) {
      return u.members().stream().anyMatch(m -> assignable(target, m));
    }
    return equal(target, value);
  }

  /**
   * Type equality: structural as in Rumur (typedef names are transparent; enums are equal when their members are;
   * ranges inside records and arrays only with identical bounds), except that a scalarset equals only itself (the
   * same declaration, under any typedef name), as in CMurphi. Symmetry reduction permutes the values of each
   * scalarset type on its own, so values of two scalarset types must never meet, even when the sizes agree.
   */
  static boolean equal(Type a, Type b) {
    return equal(a, b, true);
  }

  /**
   * Rumur's structural equality, with scalarsets equal when their sizes are. Only for judging whether two union
   * members would be confused: the checker tells a union's members apart by structure.
   */
  static boolean sameShape(Type a, Type b) {
    return equal(a, b, false);
  }

  private static boolean equal(Type a, Type b, boolean nominalScalarsets) {
    if (isReal(a) || isReal(b)) {
      return isReal(a) && isReal(b); // CMurphi: all real types are one type
    }
    if (a instanceof Type.IntType || b instanceof Type.IntType) {
      return isNumeric(a) && isNumeric(b);
    }
    if (a instanceof Type.EnumType x && b instanceof Type.EnumType y) {
      return x.members().equals(y.members());
    }
    if (a instanceof Type.ScalarsetType x && b instanceof Type.ScalarsetType y) {
      return nominalScalarsets ? x.equals(y) : x.size() == y.size();
    }
    if (a instanceof Type.RecordType x && b instanceof Type.RecordType y) {
      if (x.fields().size() != y.fields().size()) {
        return false;
      }
      for (int i = 0; i < x.fields().size(); i++) {
        if (!x.fields().get(i).name().equals(y.fields().get(i).name())
            || !equal(x.fields().get(i).type(), y.fields().get(i).type(), nominalScalarsets)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Type.ArrayType x && b instanceof Type.ArrayType y) {
      return equal(x.index(), y.index(), nominalScalarsets) && equal(x.element(), y.element(), nominalScalarsets);
    }
    if (a instanceof Type.UnionType x && b instanceof Type.UnionType y) {
      if (x.members().size() != y.members().size()) {
        return false;
      }
      for (int i = 0; i < x.members().size(); i++) {
        if (!equal(x.members().get(i), y.members().get(i), nominalScalarsets)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Type.MultisetType x && b instanceof Type.MultisetType y) {
      return x.capacity() == y.capacity() && equal(x.element(), y.element(), nominalScalarsets);
    }
    return a.equals(b);
  }

  /** Whether {@code =} and {@code !=} may compare the two types. */
  static boolean comparable(Type a, Type b) {
    if (isReal(a) || isReal(b)) {
      return isReal(a) && isReal(b); // CMurphi rejects real = integer
    }
    return assignable(b, a);
  }

  /** The type of {@code c ? a : b}: the common type of the branches. */
  static Type join(Type a, Type b) {
    if (isReal(a) || isReal(b)) {
      return new Type.DoubleType();
    }
    if (isNumeric(a) && isNumeric(b)) {
      return a.equals(b) ? a : new Type.IntType();
    }
    return assignable(a, b) ? a : b;
  }

  // ------------------------------------------------------------------------------------------ scalarsets

  /** A scalarset facing a different type at one position of two types that do not match. */
  record ScalarsetClash(Type.ScalarsetType scalarset, Type other) {}

  /**
   * Whether the mismatch of {@code a} and {@code b} is a scalarset meeting another type: at the top, or at the same
   * place inside arrays (index or element), records (field by field) or multisets. Null when no scalarset is the
   * reason (then the ordinary "incompatible types" message applies).
   */
  static ScalarsetClash scalarsetClash(Type a, Type b) {
    if (a == null || b == null) {
      return null;
    }
    if (a instanceof Type.ScalarsetType x) {
      return x.equals(b) ? null : new ScalarsetClash(x, b);
    }
    if (b instanceof Type.ScalarsetType y) {
      return new ScalarsetClash(y, a);
    }
    if (a instanceof Type.ArrayType x && b instanceof Type.ArrayType y) {
      ScalarsetClash c = scalarsetClash(x.index(), y.index());
      return c != null ? c : scalarsetClash(x.element(), y.element());
    }
    if (a instanceof Type.RecordType x && b instanceof Type.RecordType y && x.fields().size() == y.fields().size()) {
      for (int i = 0; i < x.fields().size(); i++) {
        ScalarsetClash c = scalarsetClash(x.fields().get(i).type(), y.fields().get(i).type());
        if (c != null) {
          return c;
        }
      }
      return null;
    }
    if (a instanceof Type.MultisetType x && b instanceof Type.MultisetType y) {
      return scalarsetClash(x.element(), y.element());
    }
    return null;
  }

  /**
   * The scalarset whose values {@code clear} would set to their first value in a value of type {@code t} (a
   * scalarset, or a union whose first member is one, anywhere in a record or array element); null when there is
   * none. Array indexes and multisets (which clear empties) do not count.
   */
  static Type.ScalarsetType scalarsetCleared(Type t) {
    if (t instanceof Type.ScalarsetType s) {
      return s;
    }
    if (t instanceof Type.UnionType u && !u.members().isEmpty() && u.members().get(0) instanceof Type.ScalarsetType s) {
      return s;
    }
    if (t instanceof Type.RecordType r) {
      for (Type.Field f : r.fields()) {
        Type.ScalarsetType s = scalarsetCleared(f.type());
        if (s != null) {
          return s;
        }
      }
    }
    if (t instanceof Type.ArrayType a) {
      return scalarsetCleared(a.element());
    }
    return null;
  }

  /** The scalarset among {@code types}, if one is a scalarset (the first); null otherwise. */
  static Type.ScalarsetType scalarsetAmong(Type... types) {
    for (Type t : types) {
      if (t instanceof Type.ScalarsetType s) {
        return s;
      }
    }
    return null;
  }

  /**
   * A message for a scalarset value meeting another type: {@code what} (e.g. "assigning a value of type integer to
   * a target of type pid") followed by why that is refused.
   */
  String scalarsetMixing(String what, ScalarsetClash c) {
    String s = label(c.scalarset());
    String other;
    if (c.other() instanceof Type.ScalarsetType o) {
      String on = label(o);
      if (on.equals(s)) { // two anonymous scalarsets, or one name in two scopes: say which is which
        s += " declared at " + c.scalarset().origin().line() + ":" + c.scalarset().origin().column();
        on += " declared at " + o.origin().line() + ":" + o.origin().column();
      }
      other = "values of " + on + ", a different scalarset type"
          + (o.size() == c.scalarset().size() ? " (even of the same size)" : "");
    } else if (isNumeric(c.other())) {
      other = "integers";
    } else {
      other = "values of type " + describe(c.other());
    }
    return what + " breaks symmetry: values of scalarset " + s + " are interchangeable, so they mix only with"
        + " values of that same scalarset type, not with " + other;
  }

  /** A scalarset for messages: its name in quotes, or {@code scalarset(n)} when it has none. */
  private String label(Type.ScalarsetType s) {
    return names.containsKey(s) ? "'" + names.get(s) + "'" : describe(s);
  }

  /**
   * A message for an operator that would read a number or an order into scalarset values: {@code what} (e.g.
   * "arithmetic on scalarset values"), then why not and {@code detail}.
   */
  String scalarsetOperator(String what, Type.ScalarsetType s, String detail) {
    return what + " breaks symmetry: values of scalarset " + label(s) + " are interchangeable and " + detail;
  }

  /** A short human description, e.g. {@code boolean}, {@code 0..3}, {@code pid} or {@code enum {a, b}}. */
  String describe(Type t) {
    String name = names.get(t);
    if (name != null) {
      return name;
    }
    if (t instanceof Type.IntType) {
      return "integer";
    } else if (t instanceof Type.DoubleType) {
      return "real";
    } else if (t instanceof Type.RealType r) {
      return "real(" + r.precision() + ", " + r.exponent() + ")";
    } else if (t instanceof Type.BooleanType) {
      return "boolean";
    } else if (t instanceof Type.RangeType r) {
      return number(r.lo()) + ".." + number(r.hi());
    } else if (t instanceof Type.EnumType e) {
      return "enum {" + String.join(", ", e.members()) + "}";
    } else if (t instanceof Type.ScalarsetType s) {
      return "scalarset(" + s.size() + ")";
    } else if (t instanceof Type.UnionType u) {
      return u.members().stream().map(this::describe).collect(Collectors.joining(", ", "union {", "}"));
    } else if (t instanceof Type.RecordType) {
      return "record";
    } else if (t instanceof Type.ArrayType a) {
      return "array [" + describe(a.index()) + "] of " + describe(a.element());
    } else if (t instanceof Type.MultisetType m) {
      return "multiset [" + m.capacity() + "] of " + describe(m.element());
    }
    return t.toString();
  }
}
