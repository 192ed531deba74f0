package io.ballot.checker.compile;

import io.ballot.checker.ir.Function;

/**
 * Compiles the body of one generated method: its state ({@link MethodState}) and the compilers of each concern,
 * which call one another (an expression may hold a quantifier loop, a statement an expression).
 */
final class MethodCompiler {
  final ClassContext cx;
  final MethodState st;
  final PlaceCompiler places;
  final ExprCompiler exprs;
  final BinderCompiler binders;
  final StmtCompiler stmts;

  MethodCompiler(ClassContext cx, MethodKind kind, Function function) {
    this.cx = cx;
    this.st = new MethodState(cx, kind, function);
    this.places = new PlaceCompiler(this);
    this.exprs = new ExprCompiler(this);
    this.binders = new BinderCompiler(this);
    this.stmts = new StmtCompiler(this);
  }
}
