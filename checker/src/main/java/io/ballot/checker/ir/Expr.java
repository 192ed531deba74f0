package io.ballot.checker.ir;

import java.util.List;

/** A typed expression. Every node knows its type and where it came from. */
public sealed interface Expr {

  Type type();

  SourceLocation location();

  /** True when the expression denotes storage that can be assigned, cleared or tested for undefinedness. */
  default boolean isLValue() {
    return false;
  }

  /** Unary operators. */
  enum UnaryOp {
    NOT("!"),
    NEGATE("-"),
    BITWISE_NOT("~");

    public final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** Binary operators; {@code &} and {@code |} are already resolved to logical or bitwise by operand type. */
  enum BinaryOp {
    IMPLIES("->"),
    OR("|"),
    AND("&"),
    EQ("="),
    NEQ("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    MOD("%"),
    LSH("<<"),
    RSH(">>"),
    BITWISE_AND("&"),
    BITWISE_OR("|"),
    XOR("^");

    public final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  /** A constant value of a simple type or of {@link Type.IntType}: enums, booleans, integers alike. */
  record Literal(Type type, long value, SourceLocation location) implements Expr {}

  /** A use of a global state variable. */
  record VarRef(Variable variable, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return variable.type();
    }

    @Override
    public boolean isLValue() {
      return true;
    }
  }

  /** A use of a quantifier, parameter, local variable, alias or multiset index. */
  record LocalRef(Local local, boolean lvalue, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return local.type();
    }

    @Override
    public boolean isLValue() {
      return lvalue;
    }
  }

  /** {@code record.field}. */
  record FieldRef(Expr record, String field, int fieldIndex, Type type, SourceLocation location) implements Expr {
    @Override
    public boolean isLValue() {
      return record.isLValue();
    }
  }

  /** {@code array[index]}. */
  record ElementRef(Expr array, Expr index, Type type, SourceLocation location) implements Expr {
    @Override
    public boolean isLValue() {
      return array.isLValue();
    }
  }

  record Unary(UnaryOp op, Expr operand, Type type, SourceLocation location) implements Expr {}

  record Binary(BinaryOp op, Expr left, Expr right, Type type, SourceLocation location) implements Expr {}

  /** {@code condition ? then : otherwise}. */
  record Ternary(Expr condition, Expr then, Expr otherwise, Type type, SourceLocation location) implements Expr {}

  /** {@code forall} (when {@code universal}) or {@code exists}. */
  record Quantified(boolean universal, Quantifier quantifier, Expr body, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return new Type.BooleanType();
    }
  }

  /** A call of a function (one with a return type). */
  record Call(Function function, List<Expr> arguments, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return function.returnType();
    }
  }

  /**
   * CMurphi's {@code UNDEFINED}: the undefined value of {@code type}. It appears only as the argument for a value
   * parameter (the parameter starts undefined); {@code x := UNDEFINED} is lowered to {@link Stmt.Undefine}.
   */
  record Undefined(Type type, SourceLocation location) implements Expr {}

  /** {@code isundefined(target)}. */
  record IsUndefined(Expr target, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return new Type.BooleanType();
    }
  }

  /** {@code ismember(value, memberType)}: whether a union value currently belongs to one member type. */
  record IsMember(Expr value, Type memberType, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return new Type.BooleanType();
    }
  }

  /**
   * A CMurphi math function ({@code log}, {@code pow}, ...: {@link RealFunction}) of integer or real arguments, computed
   * on doubles; its value is real.
   */
  record MathCall(RealFunction function, List<Expr> arguments, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return new Type.DoubleType();
    }
  }

  /** CMurphi {@code multisetcount(i : ms; predicate)}. */
  record MultisetCount(Local index, Expr multiset, Expr predicate, SourceLocation location) implements Expr {
    @Override
    public Type type() {
      return new Type.IntType();
    }
  }
}
