package io.ballot.checker.compile;

/** One concern of compiling a method (places, expressions, binders, statements): it sees the others through {@link #m}. */
abstract class MethodPart {
  /** The method being compiled: its state and its other parts. */
  final MethodCompiler m;
  final MethodState st;
  final ClassContext cx;

  MethodPart(MethodCompiler m) {
    this.m = m;
    this.st = m.st;
    this.cx = m.cx;
  }
}
