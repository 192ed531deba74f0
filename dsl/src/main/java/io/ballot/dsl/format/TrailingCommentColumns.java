package io.ballot.dsl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines the {@code --} comments at the ends of consecutive lines of code up in one column, as a user who aligned
 * them by hand had them (and as gofmt does): a group is a run of consecutive lines with the same indentation, each
 * ending with such a comment; its comments start one column after the longest line's code. A group whose comments
 * would then reach past the width is left with one space before each comment. Only the spaces before the comments
 * change, so the text means the same, and formatting again gives the same text.
 */
final class TrailingCommentColumns {
  private TrailingCommentColumns() {}

  /** {@code text} with the comments starting at {@code starts} (offsets in it, ascending) aligned per group. */
  static String align(String text, List<Integer> starts, int width) {
    if (starts.size() < 2) {
      return text;
    }
    List<int[]> lines = lines(text); // {start, end} per line, end excluding the newline
    int[] commentAt = new int[lines.size()]; // column of the line's trailing comment, or -1
    java.util.Arrays.fill(commentAt, -1);
    int line = 0;
    for (int offset : starts) {
      while (line < lines.size() && lines.get(line)[1] < offset) {
        line++;
      }
      if (line < lines.size()) {
        int[] at = lines.get(line);
        int column = offset - at[0];
        if (codeEnd(text, at, column) > indent(text, at)) { // code before it, not a comment on a line of its own
          commentAt[line] = column;
        }
      }
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    int copied = 0;
    for (int first = 0; first < lines.size(); ) {
      int last = first;
      while (last + 1 < lines.size() && commentAt[first] >= 0 && commentAt[last + 1] >= 0
          && indent(text, lines.get(last + 1)) == indent(text, lines.get(first))) {
        last++;
      }
      if (last > first) {
        int column = 0;
        int longest = 0;
        for (int l = first; l <= last; l++) {
          column = Math.max(column, codeEnd(text, lines.get(l), commentAt[l]) + 1);
          longest = Math.max(longest, lines.get(l)[1] - lines.get(l)[0] - commentAt[l]);
        }
        if (column + longest <= width) {
          for (int l = first; l <= last; l++) {
            int lineStart = lines.get(l)[0];
            int code = codeEnd(text, lines.get(l), commentAt[l]);
            out.append(text, copied, lineStart + code).append(" ".repeat(column - code));
            copied = lineStart + commentAt[l];
          }
        }
      }
      first = last + 1;
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static List<int[]> lines(String text) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(new int[] {start, text.length()});
    }
    return lines;
  }

  /** The column after the line's code, before the blanks that precede its comment at {@code comment}. */
  private static int codeEnd(String text, int[] line, int comment) {
    int end = comment;
    while (end > 0 && text.charAt(line[0] + end - 1) == ' ') {
      end--;
    }
    return end;
  }

  private static int indent(String text, int[] line) {
    int i = line[0];
    while (i < line[1] && text.charAt(i) == ' ') {
      i++;
    }
    return i - line[0];
  }
}
