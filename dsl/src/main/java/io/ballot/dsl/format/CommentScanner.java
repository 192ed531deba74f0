package io.ballot.dsl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the comments of Murphi source text with a scanner of its own (not the parser's): {@code --} to the end of
 * the line and {@code /* ... *}{@code /}, skipping string literals. {@code ballot format} compares the comments of a
 * file before and after formatting with it, as a safety net independent of the formatter.
 */
public final class CommentScanner {

  private CommentScanner() {}

  /** The comments of {@code text} in order, each without trailing blanks (a {@code --} comment without its newline). */
  public static List<String> comments(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' || c == '“') {
        i = skipString(text, i + 1, c == '“');
      } else if (text.startsWith("--", i)) {
        int end = i;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        out.add(text.substring(i, end).stripTrailing());
        i = end;
      } else if (text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        int end = close < 0 ? n : close + 2;
        out.add(text.substring(i, end).stripTrailing());
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The index after the string literal whose content starts at {@code i}. */
  private static int skipString(String text, int i, boolean curly) {
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"' || (curly && c == '”')) {
        return i + 1;
      } else {
        i++;
      }
    }
    return n;
  }
}
