package io.ballot.dsl.source;

/** Line breaks of model text: LF (Unix), CR LF (Windows) and a lone CR (old Mac files) each end a line. */
public final class LineBreaks {
  private LineBreaks() {}

  /**
   * {@code text} with every lone CR (one not followed by LF) replaced by LF: the same length and offsets, with
   * lines the parser counts as the user sees them. Returns {@code text} itself when it has no lone CR.
   */
  public static String crToLf(String text) {
    int i = text.indexOf('\r');
    if (i < 0) {
      return text;
    }
    char[] chars = null;
    for (; i >= 0; i = text.indexOf('\r', i + 1)) {
      if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = '\n';
      }
    }
    return chars == null ? text : new String(chars);
  }
}
