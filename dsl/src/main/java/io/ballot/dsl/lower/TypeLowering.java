package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.murphi.ArrayType;
import io.ballot.dsl.murphi.BooleanType;
import io.ballot.dsl.murphi.Call;
import io.ballot.dsl.murphi.EnumLiteral;
import io.ballot.dsl.murphi.EnumType;
import io.ballot.dsl.murphi.Field;
import io.ballot.dsl.murphi.FieldGroup;
import io.ballot.dsl.murphi.IdRef;
import io.ballot.dsl.murphi.MultisetType;
import io.ballot.dsl.murphi.Named;
import io.ballot.dsl.murphi.ProcDecl;
import io.ballot.dsl.murphi.RecordType;
import io.ballot.dsl.murphi.ScalarsetType;
import io.ballot.dsl.murphi.SimpleType;
import io.ballot.dsl.murphi.TypeExpr;
import io.ballot.dsl.murphi.TypeName;
import io.ballot.dsl.murphi.UnionType;
import io.ballot.dsl.scoping.Builtins;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lowers type expressions to IR types, folding their bounds and sizes, which must be constant. */
final class TypeLowering {
  /** Largest number of values a simple type may have (a state field is at most 63 bits wide). */
  private static final long MAX_CARDINALITY = 1L << 62;

  /** Lowers a constant expression (range bounds, sizes): to a literal when it is constant. */
  interface ConstantLowering {
    Expr lowerConstant(io.ballot.dsl.murphi.Expr e);
  }

  private final LoweringContext cx;
  private final ConstantLowering constants;
  private final Map<TypeExpr, Type> lowered = new IdentityHashMap<>();

  /** {@code constants} lowers bounds and sizes, which must fold to literals. */
  TypeLowering(LoweringContext cx, ConstantLowering constants) {
    this.cx = cx;
    this.constants = constants;
  }

  /**
   * {@code type}, lowered from {@code t}, or null (reported at {@code t}) when its values need more bits than a
   * state can hold ({@link Type#MAX_BITS}); computed without overflow, so that nested sizes whose product overflows
   * are caught too.
   */
  private Type storable(TypeExpr t, Type type, String what) {
    long bits = Type.bits(type);
    if (bits > Type.MAX_BITS) {
      cx.problems().error(t, what + " is too large to store: a value needs "
          + (bits == Long.MAX_VALUE ? "more than 2^63" : String.format(java.util.Locale.ROOT, "%,d", bits))
          + " bits, more than a state can hold (" + String.format(java.util.Locale.ROOT, "%,d", Type.MAX_BITS)
          + " bits, 256 MiB)");
      return null;
    }
    return type;
  }

  /** The IR type of {@code t}, or null (reported) when it is invalid. {@code name} names scalarsets. */
  Type lower(TypeExpr t, String name) {
    if (t == null) {
      return null;
    }
    Type cached = lowered.get(t);
    if (cached != null) {
      return cached;
    }
    Type result = lowerUncached(t, name);
    if (result != null) {
      lowered.put(t, result);
    }
    return result;
  }

  private Type lowerUncached(TypeExpr t, String name) {
    if (t instanceof BooleanType) {
      return new Type.BooleanType();
    }
    if (t instanceof SimpleType s) {
      if (s.getHi() == null && s.getLo() instanceof Call c && c.getCallee() instanceof ProcDecl p && !p.eIsProxy()
          && Builtins.isBuiltin(p) && p.getName().equals(Builtins.REAL)) {
        return real(c);
      }
      return s.getHi() == null ? named(s) : range(s);
    }
    if (t instanceof EnumType e) {
      List<String> members = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (EnumLiteral lit : e.getLiterals()) {
        if (!seen.add(lit.getName())) {
          cx.problems().error(lit, "duplicate enum member '" + lit.getName() + "'");
        }
        members.add(lit.getName());
      }
      Type.EnumType type = new Type.EnumType(List.copyOf(members), cx.locations().of(e));
      for (int i = 0; i < e.getLiterals().size(); i++) {
        cx.bindings().put(e.getLiterals().get(i), new Expr.Literal(type, i, type.origin()));
      }
      return type;
    }
    if (t instanceof RecordType r) {
      List<Type.Field> fields = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      boolean ok = true;
      for (FieldGroup g : r.getGroups()) {
        Type ft = lower(g.getType(), null);
        ok &= ft != null;
        for (Field f : g.getNames()) {
          if (!seen.add(f.getName())) {
            cx.problems().error(f, "duplicate field '" + f.getName() + "' in record");
            ok = false;
          }
          fields.add(new Type.Field(f.getName(), ft));
        }
      }
      return ok ? storable(r, new Type.RecordType(List.copyOf(fields)), "this record") : null;
    }
    if (t instanceof ArrayType a) {
      Type index = lower(a.getIndex(), null);
      Type element = lower(a.getElement(), null);
      if (index == null || element == null) {
        return null;
      }
      if (index instanceof Type.RealType) {
        cx.problems().error(a.getIndex(), "array index type must not be real: a real type has too many values");
        return null;
      }
      if (!index.isSimple()) {
        cx.problems().error(a.getIndex(), "array index type must be a simple type (range, enum, scalarset, boolean)");
        return null;
      }
      return storable(a, new Type.ArrayType(index, element), "this array of " + index.cardinality() + " elements");
    }
    if (t instanceof ScalarsetType s) {
      Long size = constant(s.getSize(), "bound of scalarset");
      if (size == null) {
        return null;
      }
      if (size < 1 || size > MAX_CARDINALITY) {
        cx.problems().error(s.getSize(), "scalarset size must be positive, not " + size);
        return null;
      }
      return new Type.ScalarsetType(name == null ? "scalarset" : name, size, cx.locations().of(s));
    }
    if (t instanceof UnionType u) {
      List<Type> members = new ArrayList<>();
      for (TypeExpr m : u.getMembers()) {
        Type mt = lower(m, null);
        if (mt == null) {
          return null;
        }
        if (!(mt instanceof Type.EnumType || mt instanceof Type.ScalarsetType)) {
          cx.problems().error(m, "union members must be enum or scalarset types, not " + cx.typeRules().describe(mt));
          return null;
        }
        // Each scalarset declaration is its own member (CMurphi numbers the values member after member, whatever
        // the sizes); enums are equal when their members are, so two enums with the same members would clash.
        if (members.stream().anyMatch(other -> TypeRules.equal(other, mt))) {
          cx.problems().error(m, "type appears twice in union");
          return null;
        }
        members.add(mt);
      }
      return new Type.UnionType(List.copyOf(members));
    }
    if (t instanceof MultisetType m) {
      Long size = constant(m.getSize(), "multiset size");
      Type element = lower(m.getElement(), null);
      if (size == null || element == null) {
        return null;
      }
      if (size < 1) {
        cx.problems().error(m.getSize(), "multiset size must be positive, not " + size);
        return null;
      }
      return storable(m, new Type.MultisetType(size, element), "this multiset of " + size + " elements");
    }
    return null;
  }

  /**
   * CMurphi's {@code real(precision, exponent)}: {@code 1 <= precision <= 15} significant digits (a double's) and
   * decimal exponents up to {@code 10 <= exponent <= 308} (CMurphi's {@code decl.cpp} limits).
   */
  private Type real(Call c) {
    if (c.getArgs().size() != 2) {
      cx.problems().error(c, "real needs two arguments: real(precision, exponent)");
      return null;
    }
    Long precision = constant(c.getArgs().get(0), "precision of real");
    Long exponent = constant(c.getArgs().get(1), "exponent of real");
    if (precision == null || exponent == null) {
      return null;
    }
    if (precision < 1 || precision > 15) {
      cx.problems().error(c.getArgs().get(0), "the precision of a real must be between 1 and 15 digits, not " + precision);
      return null;
    }
    if (exponent < 10 || exponent > 308) {
      cx.problems().error(c.getArgs().get(1), "the exponent of a real must be between 10 and 308, not " + exponent);
      return null;
    }
    return new Type.RealType(precision.intValue(), exponent.intValue());
  }

  /** {@code T} where {@code type T: ...}. */
  private Type named(SimpleType s) {
    if (!(s.getLo() instanceof IdRef ref)) {
      cx.problems().error(s, "this is not a type (a range needs '..')");
      return null;
    }
    Named target = ref.getRef();
    if (target == null || target.eIsProxy()) {
      return null; // reported by the linker
    }
    if (!(target instanceof TypeName)) {
      cx.problems().error(s, "'" + target.getName() + "' is not a type");
      return null;
    }
    Object bound = cx.bindings().get(target);
    return bound instanceof Type type ? type : null; // null: the type's own declaration was rejected
  }

  private Type range(SimpleType s) {
    Long lo = constant(s.getLo(), "lower bound of range");
    Long hi = constant(s.getHi(), "upper bound of range");
    if (lo == null || hi == null) {
      return null;
    }
    if (cx.unsignedValues() ? Long.compareUnsigned(lo, hi) > 0 : lo > hi) {
      cx.problems().error(s, "empty range " + cx.typeRules().number(lo) + ".." + cx.typeRules().number(hi)
          + ": its upper bound is less than its lower bound");
      return null;
    }
    if (cx.unsignedValues() && (lo < 0 || hi < 0)) {
      return new Type.RangeType(lo, hi); // beyond Long.MAX_VALUE: at most 2^64-1 values, stored in 64 bits
    }
    if (hi - lo + 1 <= 0 || hi - lo + 1 > MAX_CARDINALITY) {
      cx.problems().error(s, "range " + lo + ".." + hi + " has too many values to store");
      return null;
    }
    return new Type.RangeType(lo, hi);
  }

  /** Folds an integer constant expression; null (reported) when it is not one. */
  Long constant(io.ballot.dsl.murphi.Expr e, String what) {
    Expr v = constants.lowerConstant(e);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Expr.Literal lit)) {
      cx.problems().error(e, what + " is not a constant");
      return null;
    }
    if (!TypeRules.isNumeric(lit.type())) {
      cx.problems().error(e, what + " must be an integer, not " + cx.typeRules().describe(lit.type()));
      return null;
    }
    return lit.value();
  }
}
