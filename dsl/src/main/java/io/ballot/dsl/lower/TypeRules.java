package io.ballot.dsl.lower;

import io.ballot.checker.ir.Type;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Murphi's typing rules, as Rumur applies them: integers of any range mix freely; booleans, each enum and each
 * scalarset are their own kinds; records and arrays are compatible when their structure is; a union accepts its
 * members. Also names types for messages, using the user's type names where there are some.
 */
final class TypeRules {
  private final Map<Type, String> names = new IdentityHashMap<>();

  /** Remembers that {@code type} was declared under {@code name} (the first name wins). */
  void name(Type type, String name) {
    names.putIfAbsent(type, name);
  }

  static boolean isNumeric(Type t) {
    return t instanceof Type.IntType || t instanceof Type.RangeType;
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
    if (target instanceof Type.UnionType u && !(value instanceof Type.UnionType)) {
      return u.members().stream().anyMatch(m -> assignable(m, value));
    }
    if (value instanceof Type.UnionType u && !(target instanceof Type.UnionType)) {
      return u.members().stream().anyMatch(m -> assignable(target, m));
    }
    return equal(target, value);
  }

  /**
   * Rumur's structural type equality: typedef names are transparent; enums are equal when their members are;
   * scalarsets when their sizes are; ranges (inside records and arrays) only with identical bounds.
   */
  static boolean equal(Type a, Type b) {
    if (a instanceof Type.IntType || b instanceof Type.IntType) {
      return isNumeric(a) && isNumeric(b);
    }
    if (a instanceof Type.EnumType x && b instanceof Type.EnumType y) {
      return x.members().equals(y.members());
    }
    if (a instanceof Type.ScalarsetType x && b instanceof Type.ScalarsetType y) {
      return x.size() == y.size();
    }
    if (a instanceof Type.RecordType x && b instanceof Type.RecordType y) {
      if (x.fields().size() != y.fields().size()) {
        return false;
      }
      for (int i = 0; i < x.fields().size(); i++) {
        if (!x.fields().get(i).name().equals(y.fields().get(i).name())
            || !equal(x.fields().get(i).type(), y.fields().get(i).type())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Type.ArrayType x && b instanceof Type.ArrayType y) {
      return equal(x.index(), y.index()) && equal(x.element(), y.element());
    }
    if (a instanceof Type.UnionType x && b instanceof Type.UnionType y) {
      if (x.members().size() != y.members().size()) {
        return false;
      }
      for (int i = 0; i < x.members().size(); i++) {
        if (!equal(x.members().get(i), y.members().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Type.MultisetType x && b instanceof Type.MultisetType y) {
      return x.capacity() == y.capacity() && equal(x.element(), y.element());
    }
    return a.equals(b);
  }

  /** Whether {@code =} and {@code !=} may compare the two types. */
  static boolean comparable(Type a, Type b) {
    return assignable(b, a);
  }

  /** The type of {@code c ? a : b}: the common type of the branches. */
  static Type join(Type a, Type b) {
    if (isNumeric(a) && isNumeric(b)) {
      return a.equals(b) ? a : new Type.IntType();
    }
    return assignable(a, b) ? a : b;
  }

  /** A short human description, e.g. {@code boolean}, {@code 0..3}, {@code pid} or {@code enum {a, b}}. */
  String describe(Type t) {
    String name = names.get(t);
    if (name != null) {
      return name;
    }
    if (t instanceof Type.IntType) {
      return "integer";
    } else if (t instanceof Type.BooleanType) {
      return "boolean";
    } else if (t instanceof Type.RangeType r) {
      return r.lo() + ".." + r.hi();
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
