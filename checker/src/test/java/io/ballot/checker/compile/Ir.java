package io.ballot.checker.compile;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.ir.Expr.BinaryOp;
import io.ballot.checker.ir.Function;
import io.ballot.checker.ir.Local;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.ir.StartState;
import io.ballot.checker.ir.Stmt;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * A terse builder of IR for tests: every node gets its own source line, so that error locations tell nodes apart.
 * Collects variables, functions, start states, rules and properties in order and builds the {@link Model}.
 */
final class Ir {
  static final Type INT = new Type.IntType();
  static final Type BOOL = new Type.BooleanType();

  private int line = 1;
  final List<Variable> variables = new ArrayList<>();
  final List<Function> functions = new ArrayList<>();
  final List<StartState> starts = new ArrayList<>();
  final List<Rule> rules = new ArrayList<>();
  final List<Property> properties = new ArrayList<>();

  SourceLocation at() {
    int l = line++;
    return new SourceLocation("t.m", l, 1, l, 10);
  }

  Model model() {
    return new Model("t.m", List.of(), List.of(), variables, functions, starts, rules, properties);
  }

  // ------------------------------------------------------------------------------------------ types

  static Type range(long lo, long hi) {
    return new Type.RangeType(lo, hi);
  }

  Type.EnumType enumType(String... members) {
    return new Type.EnumType(List.of(members), at());
  }

  Type.ScalarsetType scalarset(String name, long size) {
    return new Type.ScalarsetType(name, size, at());
  }

  static Type.ArrayType array(Type index, Type element) {
    return new Type.ArrayType(index, element);
  }

  static Type.RecordType record(Object... nameTypePairs) {
    List<Type.Field> fields = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      fields.add(new Type.Field((String) nameTypePairs[i], (Type) nameTypePairs[i + 1]));
    }
    return new Type.RecordType(fields);
  }

  // ------------------------------------------------------------------------------------------ declarations

  Expr.VarRef var(String name, Type type) {
    Variable v = new Variable(name, type, at());
    variables.add(v);
    return new Expr.VarRef(v, at());
  }

  Expr.VarRef ref(Expr.VarRef v) {
    return new Expr.VarRef(v.variable(), at());
  }

  Local local(String name, Local.Kind kind, Type type) {
    return new Local(name, kind, type, at());
  }

  Expr.LocalRef use(Local l) {
    return new Expr.LocalRef(l, l.kind() != Local.Kind.MULTISET_INDEX && l.kind() != Local.Kind.PARAMETER, at());
  }

  /** A use of a local variable (assignable). */
  Expr.LocalRef useLocal(Local l) {
    return new Expr.LocalRef(l, true, at());
  }

  Expr.LocalRef useValue(Local l) {
    return new Expr.LocalRef(l, false, at());
  }

  Quantifier over(Local l, Type t) {
    return new Quantifier(l, t, null, null, null, at());
  }

  Quantifier range(Local l, Expr from, Expr to, Expr step) {
    return new Quantifier(l, null, from, to, step, at());
  }

  void start(Stmt... body) {
    starts.add(new StartState(null, List.of(), List.of(), List.of(body), at()));
  }

  void start(List<Binder> binders, List<Local> locals, Stmt... body) {
    starts.add(new StartState(null, binders, locals, List.of(body), at()));
  }

  void rule(String name, Expr guard, Stmt... body) {
    rules.add(new Rule(name, List.of(), guard, List.of(), List.of(body), at()));
  }

  void rule(String name, List<Binder> binders, Expr guard, List<Local> locals, Stmt... body) {
    rules.add(new Rule(name, binders, guard, locals, List.of(body), at()));
  }

  void invariant(String name, Expr condition) {
    properties.add(new Property(PropertyKind.ASSERTION, "invariant", name, List.of(), condition, at()));
  }

  void property(PropertyKind kind, String name, List<Binder> binders, Expr condition) {
    properties.add(new Property(kind, kind.name().toLowerCase(), name, binders, condition, at()));
  }

  Function function(String name, Type returns, Local... params) {
    Function f = new Function(name, List.of(params), returns, at());
    functions.add(f);
    return f;
  }

  // ------------------------------------------------------------------------------------------ expressions

  Expr.Literal num(long v) {
    return new Expr.Literal(INT, v, at());
  }

  Expr.Literal bool(boolean v) {
    return new Expr.Literal(BOOL, v ? 1 : 0, at());
  }

  Expr.Literal lit(Type t, long v) {
    return new Expr.Literal(t, v, at());
  }

  Expr bin(BinaryOp op, Expr l, Expr r) {
    Type t = switch (op) {
      case ADD, SUB, MUL, DIV, MOD, LSH, RSH, BITWISE_AND, BITWISE_OR, XOR -> INT;
      default -> BOOL;
    };
    return new Expr.Binary(op, l, r, t, at());
  }

  Expr add(Expr l, Expr r) {
    return bin(BinaryOp.ADD, l, r);
  }

  Expr sub(Expr l, Expr r) {
    return bin(BinaryOp.SUB, l, r);
  }

  Expr eq(Expr l, Expr r) {
    return bin(BinaryOp.EQ, l, r);
  }

  Expr lt(Expr l, Expr r) {
    return bin(BinaryOp.LT, l, r);
  }

  Expr and(Expr l, Expr r) {
    return bin(BinaryOp.AND, l, r);
  }

  Expr not(Expr e) {
    return new Expr.Unary(Expr.UnaryOp.NOT, e, BOOL, at());
  }

  Expr elem(Expr array, Expr index) {
    Type t = array.type() instanceof Type.ArrayType a ? a.element() : ((Type.MultisetType) array.type()).element();
    return new Expr.ElementRef(array, index, t, at());
  }

  Expr field(Expr record, String name) {
    Type.RecordType rt = (Type.RecordType) record.type();
    int i = rt.indexOf(name);
    return new Expr.FieldRef(record, name, i, rt.fields().get(i).type(), at());
  }

  Expr call(Function f, Expr... args) {
    return new Expr.Call(f, List.of(args), at());
  }

  Expr forall(Quantifier q, Expr body) {
    return new Expr.Quantified(true, q, body, at());
  }

  Expr exists(Quantifier q, Expr body) {
    return new Expr.Quantified(false, q, body, at());
  }

  Expr ternary(Expr c, Expr a, Expr b) {
    return new Expr.Ternary(c, a, b, a.type(), at());
  }

  // ------------------------------------------------------------------------------------------ statements

  Stmt assign(Expr target, Expr value) {
    return new Stmt.Assign(target, value, at());
  }

  Stmt ifThen(Expr c, List<Stmt> then, List<Stmt> otherwise) {
    List<Stmt.IfClause> clauses = new ArrayList<>();
    clauses.add(new Stmt.IfClause(c, then, at()));
    if (otherwise != null) {
      clauses.add(new Stmt.IfClause(null, otherwise, at()));
    }
    return new Stmt.If(clauses, at());
  }

  Stmt forLoop(Quantifier q, Stmt... body) {
    return new Stmt.For(q, List.of(body), at());
  }

  Stmt whileLoop(Expr c, Stmt... body) {
    return new Stmt.While(c, List.of(body), at());
  }

  Stmt ret(Expr v) {
    return new Stmt.Return(v, at());
  }

  Stmt callProc(Function f, Expr... args) {
    return new Stmt.ProcCall(f, List.of(args), at());
  }

  Stmt alias(Local a, Expr value, Stmt... body) {
    return new Stmt.Alias(List.of(new AliasBinding(a, value, at())), List.of(body), at());
  }

  Stmt assertion(Expr c, String name) {
    return new Stmt.PropertyStmt(PropertyKind.ASSERTION, c, name, at());
  }

  Stmt assume(Expr c) {
    return new Stmt.PropertyStmt(PropertyKind.ASSUMPTION, c, null, at());
  }

  Stmt cover(Expr c, String name) {
    return new Stmt.PropertyStmt(PropertyKind.COVER, c, name, at());
  }

  Stmt error(String message) {
    return new Stmt.Error(message, at());
  }

  Stmt clear(Expr target) {
    return new Stmt.Clear(target, at());
  }

  Stmt undefine(Expr target) {
    return new Stmt.Undefine(target, at());
  }
}
