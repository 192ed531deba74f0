package io.ballot.checker.compile;

import java.util.regex.Pattern;

/** Java source text helpers of the generator: literals, parentheses, string and comment escaping. */
final class JavaText {
  /** A plain Java identifier (a variable the generated code can pass or reuse as is). */
  static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private JavaText() {}

  static String lit(long v) {
    if (v == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    return v < 0 ? "(" + v + "L)" : v + "L";
  }

  static boolean isLiteral(String code) {
    return code.matches("\\(?-?\\d+L\\)?") || code.equals("Long.MIN_VALUE");
  }

  static String hex(long v) {
    return "0x" + Long.toHexString(v) + "L";
  }

  static String paren(String code) {
    return code.startsWith("(") && code.endsWith(")") && balanced(code) ? code : "(" + code + ")";
  }

  /** True when the parenthesis at 0 closes at the end. */
  private static boolean balanced(String code) {
    int d = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        return false;
      }
      if (c == '(') {
        d++;
      } else if (c == ')') {
        d--;
        if (d == 0 && i < code.length() - 1) {
          return false;
        }
      }
    }
    return d == 0;
  }

  static String javaString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String comment(String s) {
    return s == null ? "" : s.replace("*/", "* /").replace("\\u", "\\ u").replaceAll("[\\r\\n]", " ");
  }
}
