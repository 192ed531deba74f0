package io.ballot.checker.compile;

import io.ballot.checker.ir.Type;

/**
 * A compiled expression: its Java code, whether that code is a Java {@code boolean} (else a {@code long}), its value
 * when known at generation time, and the type whose values it is known to take (null when unknown).
 */
record JE(String code, boolean bool, Long cst, Type range) {
  static JE constant(long v) {
    return new JE(JavaText.lit(v), false, v, null);
  }

  static JE truth(boolean v) {
    return new JE(v ? "true" : "false", true, v ? 1L : 0L, null);
  }

  static JE bool(String code) {
    return new JE(code, true, null, null);
  }

  static JE value(String code) {
    return new JE(code, false, null, null);
  }

  boolean isConst() {
    return cst != null;
  }

  String asLong() {
    if (!bool) {
      return code;
    }
    return cst != null ? JavaText.lit(cst) : "bit(" + code + ")";
  }

  String asBool() {
    if (bool) {
      return code;
    }
    return cst != null ? (cst != 0 ? "true" : "false") : "ne(" + code + ", 0L)";
  }
}
