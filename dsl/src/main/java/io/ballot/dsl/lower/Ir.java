package io.ballot.dsl.lower;

import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import java.util.ArrayList;
import java.util.List;

/** Small constructors of IR nodes for code the front end generates (the message-passing lowering). */
final class Ir {
  static final Type BOOLEAN = new Type.BooleanType();
  static final Type INTEGER = new Type.IntType();

  private Ir() {}

  static Expr bool(boolean v, SourceLocation at) {
    return new Expr.Literal(BOOLEAN, v ? 1 : 0, at);
  }

  static Expr integer(long v, SourceLocation at) {
    return new Expr.Literal(INTEGER, v, at);
  }

  static Expr ref(Local local, SourceLocation at) {
    return new Expr.LocalRef(local, local.kind() != Local.Kind.MULTISET_INDEX, at);
  }

  /** {@code array[index]} of an array or multiset. */
  static Expr element(Expr array, Expr index, SourceLocation at) {
    Type element = array.type() instanceof Type.ArrayType a
        ? a.element()
        : ((Type.MultisetType) array.type()).element();
    return new Expr.ElementRef(array, index, element, at);
  }

  static Expr field(Expr record, String name, SourceLocation at) {
    Type.RecordType r = (Type.RecordType) record.type();
    int i = r.indexOf(name);
    return new Expr.FieldRef(record, name, i, r.fields().get(i).type(), at);
  }

  static Expr binary(BinaryOp op, Expr left, Expr right, SourceLocation at) {
    Type type = switch (op) {
      case ADD, SUB, MUL, DIV, MOD -> INTEGER;
      default -> BOOLEAN;
    };
    return new Expr.Binary(op, left, right, type, at);
  }

  /** The conjunction of the non-null conditions (true when there is none). */
  static Expr and(SourceLocation at, Expr... conditions) {
    Expr out = null;
    for (Expr c : conditions) {
      if (c != null) {
        out = out == null ? c : binary(BinaryOp.AND, out, c, at);
      }
    }
    return out == null ? bool(true, at) : out;
  }

  /** {@code for name : type do body} over a simple type. */
  static Stmt.For forAll(Local variable, List<Stmt> body, SourceLocation at) {
    return new Stmt.For(new Quantifier(variable, variable.type(), null, null, null, at), body, at);
  }

  /** {@code for name := from to to by step do body} with constant bounds. */
  static Stmt.For forRange(String name, long from, long to, long step, java.util.function.Function<Local, List<Stmt>> body,
      SourceLocation at) {
    Local v = new Local(name, Local.Kind.QUANTIFIER, new Type.RangeType(Math.min(from, to), Math.max(from, to)), at);
    return new Stmt.For(
        new Quantifier(v, null, integer(from, at), integer(to, at), integer(step, at), at), body.apply(v), at);
  }

  /** A block of statements as one statement ({@code if true then ... end}). */
  static Stmt block(List<Stmt> body, SourceLocation at) {
    return new Stmt.If(List.of(new Stmt.IfClause(bool(true, at), body, at)), at);
  }

  /** {@code if condition then error "message" else rest end}. */
  static Stmt failIf(Expr condition, String message, List<Stmt> rest, SourceLocation at) {
    List<Stmt.IfClause> clauses = new ArrayList<>();
    clauses.add(new Stmt.IfClause(condition, List.of(new Stmt.Error(message, at)), at));
    clauses.add(new Stmt.IfClause(null, rest, at));
    return new Stmt.If(clauses, at);
  }

  /**
   * Statements that set every simple value inside {@code target} (of type {@code type}) to {@code value}: loops over
   * arrays, one assignment per record field. Null when some part is not simple-valued (a multiset).
   */
  static List<Stmt> fill(Expr target, Type type, Expr value, SourceLocation at, int depth) {
    if (type.isSimple()) {
      return List.of(new Stmt.Assign(target, value, at));
    }
    if (type instanceof Type.ArrayType a) {
      Local i = new Local("i" + depth, Local.Kind.QUANTIFIER, a.index(), at);
      List<Stmt> inner = fill(element(target, ref(i, at), at), a.element(), value, at, depth + 1);
      return inner == null ? null : List.of(forAll(i, inner, at));
    }
    if (type instanceof Type.RecordType r) {
      List<Stmt> out = new ArrayList<>();
      for (Type.Field f : r.fields()) {
        List<Stmt> inner = fill(field(target, f.name(), at), f.type(), value, at, depth);
        if (inner == null) {
          return null;
        }
        out.addAll(inner);
      }
      return out;
    }
    return null;
  }
}
