package io.ballot.cli;

import io.ballot.dsl.format.CommentScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety net of {@code ballot format}: the formatted text must hold exactly the comments of the source (as a
 * multiset, compared without trailing blanks), found by {@link CommentScanner}, which is independent of the
 * formatter.
 */
final class CommentCheck {

  private CommentCheck() {}

  /** A description of the comments of {@code source} missing from {@code formatted}, or null if none is missing. */
  static String lost(String source, String formatted) {
    List<String> missing = new ArrayList<>(CommentScanner.comments(source));
    for (String c : CommentScanner.comments(formatted)) {
      missing.remove(c);
    }
    if (missing.isEmpty()) {
      return null;
    }
    String first = missing.get(0);
    String shown = first.length() > 60 ? first.substring(0, 57) + "..." : first;
    int line = lineOf(source, first);
    return (missing.size() == 1 ? "the comment " : missing.size() + " comments, the first ")
        + "'" + shown.replace("\n", "\\n") + "'" + (line > 0 ? " (line " + line + ")" : "");
  }

  private static int lineOf(String source, String comment) {
    int at = source.indexOf(comment);
    if (at < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
