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

  /** Whether a value of type {@code value} may be stored in (assigned, passed, returned as) {@code target}. */
  static boolean assignable(Type target, Type value) {
    if (isNumeric(target)) {
      return isNumeric(value);
    }
    if (target instanceof Type.UnionType u) {
      return value.equals(target) || u.members().stream().anyMatch(m -> m.equals(value));
    }
    if (target instanceof Type.RecordType r && value instanceof Type.RecordType v) {
      if (r.fields().size() != v.fields().size()) {
        return false;
      }
      for (int i = 0; i < r.fields().size(); i++) {
        if (!r.fields().get(i).name().equals(v.fields().get(i).name())
            || !sameShape(r.fields().get(i).type(), v.fields().get(i).type())) {
          return false;
        }
      }
      return true;
    }
    if (target instanceof Type.ArrayType a && value instanceof Type.ArrayType v) {
      return sameShape(a.index(), v.index()) && sameShape(a.element(), v.element());
    }
    return target.equals(value);
  }

  /** Structural sameness for the parts of records and arrays (ranges must match exactly there). */
  private static boolean sameShape(Type a, Type b) {
    if (a instanceof Type.RangeType && b instanceof Type.RangeType) {
      return a.equals(b);
    }
    return assignable(a, b) && assignable(b, a);
  }

  /** Whether {@code =} and {@code !=} may compare the two types. */
  static boolean comparable(Type a, Type b) {
    if (isNumeric(a) && isNumeric(b)) {
      return true;
    }
    return assignable(a, b) || assignable(b, a);
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
