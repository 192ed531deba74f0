package io.ballot.checker.ir;

import java.util.List;

/** A statement of a rule, start state, function or procedure body. */
public sealed interface Stmt {

  SourceLocation location();

  /** {@code target := value}; records and arrays are copied whole. */
  record Assign(Expr target, Expr value, SourceLocation location) implements Stmt {}

  /** One {@code if}/{@code elsif} branch, or the {@code else} branch when {@code condition} is null. */
  record IfClause(Expr condition, List<Stmt> body, SourceLocation location) {}

  record If(List<IfClause> clauses, SourceLocation location) implements Stmt {}

  /** One {@code case}, or the {@code else} branch when {@code labels} is empty. */
  record SwitchCase(List<Expr> labels, List<Stmt> body, SourceLocation location) {}

  record Switch(Expr value, List<SwitchCase> cases, SourceLocation location) implements Stmt {}

  record For(Quantifier quantifier, List<Stmt> body, SourceLocation location) implements Stmt {}

  record While(Expr condition, List<Stmt> body, SourceLocation location) implements Stmt {}

  /** {@code return} with a value (functions) or without (procedures, rules). */
  record Return(Expr value, SourceLocation location) implements Stmt {}

  /** {@code clear target}: every simple value inside becomes its type's first value. */
  record Clear(Expr target, SourceLocation location) implements Stmt {}

  /** {@code undefine target}: every value inside becomes undefined. */
  record Undefine(Expr target, SourceLocation location) implements Stmt {}

  /** {@code put "text"} or {@code put expr}: exactly one of text and value is set. */
  record Put(String text, Expr value, SourceLocation location) implements Stmt {}

  /** {@code error "message"}: a violation when executed. */
  record Error(String message, SourceLocation location) implements Stmt {}

  /** {@code assert}/{@code assume}/{@code cover}/... inside a body; {@code name} may be null. */
  record PropertyStmt(PropertyKind kind, Expr condition, String name, SourceLocation location) implements Stmt {}

  record Alias(List<AliasBinding> bindings, List<Stmt> body, SourceLocation location) implements Stmt {}

  /** A call of a procedure (or of a function whose result is discarded, where allowed). */
  record ProcCall(Function function, List<Expr> arguments, SourceLocation location) implements Stmt {}

  record MultisetAdd(Expr element, Expr multiset, SourceLocation location) implements Stmt {}

  record MultisetRemove(Expr index, Expr multiset, SourceLocation location) implements Stmt {}

  record MultisetRemovePred(Local index, Expr multiset, Expr predicate, SourceLocation location) implements Stmt {}
}
