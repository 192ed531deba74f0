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

  private static String token(String text) {
    return text.equals("end of file") ? "end of file" : "'" + text + "'";
  }
}
