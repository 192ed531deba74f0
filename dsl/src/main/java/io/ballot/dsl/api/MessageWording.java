package io.ballot.dsl.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewords the ANTLR parser's messages into plain words: token names become what they stand for. */
public final class MessageWording {
  private MessageWording() {}

  private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*)' expecting (.*)");
  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*)' expecting (.*)");
  private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'");
  private static final Pattern MISSING = Pattern.compile("missing (.*) at '(.*)'");
  private static final Pattern UNCLOSED = Pattern.compile("mismatched character '.*' expecting '\"'");

  /** The message in plain words (ANTLR token names replaced, the usual patterns rephrased). */
  public static String reword(String message) {
    String m = message
        .replace("RULE_ID", "an identifier")
        .replace("RULE_NUMBER", "a number")
        .replace("RULE_STRING", "a string")
        .replace("<EOF>", "end of file")
        .replace("'\\n'", "end of line");
    Matcher x;
    if (UNCLOSED.matcher(m).matches()) {
      return "unterminated string: the closing quote is missing";
    } else if ((x = MISMATCHED.matcher(m)).matches() || (x = EXTRANEOUS.matcher(m)).matches()) {
      return "syntax error: unexpected " + token(x.group(1)) + ", expecting " + x.group(2);
    } else if ((x = NO_VIABLE.matcher(m)).matches()) {
      return "syntax error: unexpected " + token(x.group(1));
    } else if ((x = MISSING.matcher(m)).matches() && x.group(1).equals("EOF")) {
      return "syntax error: unexpected " + token(x.group(2)) + " (nothing can follow here)";
    } else if ((x = MISSING.matcher(m)).matches()) {
      return "syntax error: missing " + x.group(1) + " before " + token(x.group(2));
    }
    return m;
  }

  /** The most characters of the input a message quotes: a syntax error in a file that is no model quotes little. */
  static final int MAX_TOKEN = 40;

  /** {@code text} quoted: at most {@link #MAX_TOKEN} characters of it, control characters as {@code \xNN}. */
  private static String token(String text) {
    if (text.equals("end of file")) {
      return "end of file";
    }
    StringBuilder sb = new StringBuilder("'");
    int n = 0;
    for (int i = 0; i < text.length() && n < MAX_TOKEN; i++, n++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format("\\x%02x", (int) c));
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        sb.append(c).append(text.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.append(n < text.codePointCount(0, text.length()) ? "\u2026'" : "'").toString();
  }
}
