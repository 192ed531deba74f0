package io.ballot.cli.report;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prints diagnostics for people, compiler style:
 *
 * <pre>
 * model.m:3:9: error: unknown name 'y'
 *   x := y + 1;
 *        ^
 * </pre>
 *
 * The headline is {@link Diagnostic#headline()}; then the source line and a caret line with {@code ^} under the
 * column and {@code ~} under the rest of the diagnostic's length, cut at the end of the line. A line longer than
 * {@value #MAX_QUOTED} characters is quoted as the {@value #MAX_QUOTED} around the column, with {@code ...} where it
 * is cut. Tabs before the column
 * are copied into the caret line so the caret lines up whatever the terminal's tab width. A diagnostic without a
 * position (missing file, bad encoding) prints only its headline.
 */
public final class DiagnosticPrinter {

  /** The most characters of a source line a diagnostic quotes; a longer line is cut around the column. */
  public static final int MAX_QUOTED = 200;

  private static final String ELLIPSIS = "...";

  private final PrintWriter out;

  public DiagnosticPrinter(PrintWriter out) {
    this.out = Objects.requireNonNull(out);
  }

  /** Prints the diagnostics of {@code result} in order; warnings only if {@code includeWarnings}. */
  public void print(LoadResult result, boolean includeWarnings) {
    for (Diagnostic d : result.diagnostics()) {
      if (includeWarnings || d.severity() != Severity.WARNING) {
        // Only quote the source if the diagnostic is about the file that was loaded.
        String source = Objects.equals(d.file(), result.file()) ? result.source() : null;
        print(d, source);
      }
    }
    out.flush();
  }

  /** Prints one diagnostic; {@code source} is the text of its file, or null if unknown. */
  public void print(Diagnostic d, String source) {
    for (String line : lines(d, source)) {
      out.println(line);
    }
  }

  /** The printed form of {@code d}: its lines joined, each ending in {@code \n}. */
  public static String render(Diagnostic d, String source) {
    StringBuilder sb = new StringBuilder();
    for (String line : lines(d, source)) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /**
   * The headline, and if the position is inside {@code source}, the source line and the caret line. A line of more
   * than {@link #MAX_QUOTED} characters is quoted only in a window of that many around the column, its cut ends
   * marked {@code ...}; a line holding control characters (a binary file, not a model) is not quoted at all.
   */
  public static List<String> lines(Diagnostic d, String source) {
    List<String> lines = new ArrayList<>(3);
    lines.add(d.headline());
    if (d.hasPosition() && source != null) {
      String line = sourceLine(source, d.line());
      if (line != null && !hasControlCharacters(line)) {
        int column = d.column();
        int length = d.length();
        if (line.length() > MAX_QUOTED) {
          // A minified or generated model may be one line of megabytes: quote a window around the column.
          int caret = Math.max(0, Math.min(column - 1, line.length()));
          int from = Math.max(0, Math.min(caret - MAX_QUOTED / 2, line.length() - MAX_QUOTED));
          if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
            from++;
          }
          int to = Math.min(line.length(), from + MAX_QUOTED);
          if (to < line.length() && Character.isHighSurrogate(line.charAt(to - 1))) {
            to--;
          }
          String prefix = from > 0 ? ELLIPSIS : "";
          column = column - from + prefix.length();
          length = Math.min(length, to - caret);
          line = prefix + line.substring(from, to) + (to < line.length() ? ELLIPSIS : "");
        }
        lines.add(line);
        lines.add(caretLine(line, column, length));
      }
    }
    return lines;
  }

  private static boolean hasControlCharacters(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        return true;
      }
    }
    return false;
  }

  /**
   * Line {@code number} (1-based) of {@code source} without its line terminator ({@code \n}, {@code \r\n} or a
   * lone {@code \r}, as in old Mac files), or
   * null if the source has fewer lines. The empty text after a final newline counts as a line, so that a diagnostic
   * at the very end of a file still gets a caret.
   */
  static String sourceLine(String source, int number) {
    if (number < 1) {
      return null;
    }
    int start = 0;
    for (int n = 1; n < number; n++) {
      int end = lineEnd(source, start);
      if (end >= source.length()) {
        return null;
      }
      start = end + (source.startsWith("\r\n", end) ? 2 : 1);
    }
    return source.substring(start, lineEnd(source, start));
  }

  /** The index of the first line terminator ({@code \n}, {@code \r\n} or a lone {@code \r}) from {@code start}. */
  private static int lineEnd(String source, int start) {
    int i = start;
    while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /**
   * The caret line for a diagnostic at 1-based {@code column} of {@code line} spanning {@code length} characters.
   * The column may be one past the end of the line (something missing at the end of it); a column further out is
   * pulled back there. A surrogate pair counts as one character on screen.
   */
  static String caretLine(String line, int column, int length) {
    int caret = Math.max(0, Math.min(column - 1, line.length())); // 0-based index of the caret
    if (caret > 0 && caret < line.length() && isSecondHalfOfPair(line, caret)) {
      caret--; // a column inside a surrogate pair means the whole character
    }
    int end = Math.min(line.length(), caret + Math.max(1, length)); // exclusive end of the underlined text
    StringBuilder sb = new StringBuilder(end + 1);
    for (int i = 0; i < caret; i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        sb.append('\t');
      } else if (!isSecondHalfOfPair(line, i)) {
        sb.append(' ');
      }
    }
    sb.append('^');
    for (int i = caret + 1; i < end; i++) {
      if (!isSecondHalfOfPair(line, i)) {
        sb.append('~');
      }
    }
    return sb.toString();
  }

  private static boolean isSecondHalfOfPair(String s, int i) {
    return i > 0 && Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
