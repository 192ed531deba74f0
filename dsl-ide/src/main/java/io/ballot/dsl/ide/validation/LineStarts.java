package io.ballot.dsl.ide.validation;

import java.util.ArrayList;
import java.util.List;

/** Converts 1-based line and column numbers of a text to character offsets. */
public final class LineStarts {
  private final int[] starts;
  private final int length;

  public LineStarts(String text) {
    List<Integer> s = new ArrayList<>();
    s.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        s.add(i + 1);
      }
    }
    this.starts = s.stream().mapToInt(Integer::intValue).toArray();
    this.length = text.length();
  }

  /** The offset of {@code line:column} (both 1-based), clamped to the text. */
  public int offset(int line, int column) {
    int l = Math.min(Math.max(1, line), starts.length) - 1;
    return Math.min(length, starts[l] + Math.max(0, column - 1));
  }
}
