package io.ballot.checker.compile;

import io.ballot.checker.ir.Type;

/**
 * A storage place in generated code: a buffer variable, a dynamic offset (a Java int expression evaluated once, or
 * null) plus a constant offset, and the type stored there.
 */
record CRef(String buf, String dyn, int off, Type type) {
  String offCode() {
    if (dyn == null) {
      return Integer.toString(off);
    }
    return off == 0 ? dyn : "(" + dyn + " + " + off + ")";
  }

  CRef plus(int delta, Type t) {
    return new CRef(buf, dyn, off + delta, t);
  }

  CRef plusDyn(String extra, Type t) {
    return new CRef(buf, dyn == null ? extra : "(" + dyn + " + " + extra + ")", off, t);
  }
}
