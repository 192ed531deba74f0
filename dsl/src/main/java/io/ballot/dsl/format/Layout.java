package io.ballot.dsl.format;

/**
 * The output of the formatter: a text buffer with an indentation level, structural line breaks (a new statement or
 * declaration), continuation line breaks (a long expression wrapped, or a line ended by a {@code --} comment) and
 * blank lines. Knows the current column, so that the expression printer can decide where to wrap.
 */
final class Layout {

  private static final String INDENT = "  ";

  /** Continuation lines are indented this many levels past the line they continue. */
  private static final int CONTINUATION_LEVELS = 2;

  private StringBuilder out = new StringBuilder();
  private final int width;
  private int indent;
  private int wrapDepth;
  private boolean atLineStart = true;
  private boolean continuation;
  private boolean mustBreak;
  private boolean spaceNeeded;
  private boolean freshContainer = true;
  private boolean flat;
  private int lines;
  private int reserve;
  /** Where each {@code --} comment written at the end of a line of code starts in {@link #out}, in order. */
  private final java.util.List<Integer> trailingComments = new java.util.ArrayList<>();

  Layout(int width) {
    this.width = width;
  }

  int width() {
    return width;
  }

  /** Writes {@code s} on the current line; after a {@code --} comment, on a new continuation line. */
  void w(String s) {
    if (s.isEmpty()) {
      return;
    }
    if (mustBreak) {
      mustBreak = false;
      breakLine();
      s = s.stripLeading();
      if (s.isEmpty()) {
        return;
      }
    }
    if (atLineStart) {
      out.append(INDENT.repeat(lineIndent()));
      atLineStart = false;
    } else if (spaceNeeded && s.charAt(0) != ' ' && s.charAt(0) != ';') {
      out.append(' ');
    }
    spaceNeeded = false;
    freshContainer = false;
    out.append(s);
  }

  private int lineIndent() {
    return indent + (continuation ? CONTINUATION_LEVELS + Math.max(0, wrapDepth - 1) : 0);
  }

  /** Ends the current line (if anything is on it); the next text starts a new line at the current indentation. */
  void newline() {
    mustBreak = false;
    spaceNeeded = false;
    continuation = false;
    if (atLineStart) {
      return;
    }
    trimTrailingBlanks();
    out.append('\n');
    lines++;
    atLineStart = true;
  }

  /** How many lines have been ended so far. */
  int lines() {
    return lines;
  }

  /** Columns to keep free after the expression being printed (for what follows it on its line, like {@code ==>}). */
  void reserve(int columns) {
    reserve = columns;
  }

  /** Whether text {@code length} columns long, written next, would pass the width (with the reserve). */
  boolean overflows(int length) {
    return !flat && column() + length + reserve > width;
  }

  /** Ends the current line; the next text continues the same statement, indented further. */
  void breakLine() {
    if (flat) {
      if (!atLineStart && out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
      return;
    }
    newline();
    continuation = true;
  }

  /** An empty line before the next text, unless a container was just opened or one is already there. */
  void blankLine() {
    newline();
    if (freshContainer || out.length() == 0 || endsWith("\n\n")) {
      return;
    }
    out.append('\n');
  }

  /** A container ({@code begin}, a section, a ruleset) was just opened: no blank line before its first item. */
  void open() {
    freshContainer = true;
  }

  void indent() {
    indent++;
  }

  void dedent() {
    indent--;
  }

  /** Whether the next text would start a line of its own (nothing written on the current line yet). */
  boolean atStructuralLineStart() {
    return atLineStart && !mustBreak;
  }

  /** The next text must start on a new (continuation) line: the current one ends with a {@code --} comment. */
  void requireBreak() {
    mustBreak = true;
  }

  /** Whether the next text goes on a continuation line (a wrapped expression) rather than a statement's line. */
  boolean onContinuation() {
    return continuation;
  }

  /** Ends a line holding only a comment; a continuation line is followed by another continuation line. */
  void endCommentLine() {
    boolean wasContinuation = continuation;
    newline();
    continuation = wasContinuation;
  }

  /** Whether the current line has ended with a {@code --} comment (the next text goes on a new line). */
  boolean breakPending() {
    return mustBreak;
  }

  /** A block comment was written inline: the next token is separated from it by a space. */
  void requireSpace() {
    spaceNeeded = true;
  }

  /** Appends {@code comment} at the end of the current line, one space after what is there. */
  void appendInline(String comment) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
    if (!flat && comment.startsWith("--")) {
      trailingComments.add(out.length());
    }
    out.append(comment);
    spaceNeeded = false;
  }

  /** Wrapped expressions nest: each level indents its continuation lines one step further. */
  void enterWrap() {
    wrapDepth++;
  }

  void exitWrap() {
    wrapDepth--;
  }

  /** Whether the layout only measures (prints everything on one line, never wraps). */
  boolean flat() {
    return flat;
  }

  /** The column the next text starts at. */
  int column() {
    if (atLineStart || mustBreak) {
      return INDENT.length() * (indent + (mustBreak ? CONTINUATION_LEVELS : 0));
    }
    int nl = out.lastIndexOf("\n");
    return out.length() - nl - 1 + (spaceNeeded ? 1 : 0);
  }

  /** The length of what {@code printer} writes when printed on one line, without writing it. */
  int measure(Runnable printer) {
    StringBuilder saved = out;
    boolean[] state = {atLineStart, continuation, mustBreak, spaceNeeded, freshContainer, flat};
    out = new StringBuilder();
    atLineStart = false;
    mustBreak = false;
    spaceNeeded = false;
    flat = true;
    try {
      printer.run();
      return out.length();
    } finally {
      out = saved;
      atLineStart = state[0];
      continuation = state[1];
      mustBreak = state[2];
      spaceNeeded = state[3];
      freshContainer = state[4];
      flat = state[5];
    }
  }

  /** The text written so far, ending with exactly one newline (empty if nothing was written). */
  String text() {
    newline();
    while (out.length() > 1 && endsWith("\n\n")) {
      out.setLength(out.length() - 1);
    }
    return out.length() == 1 ? "" : TrailingCommentColumns.align(out.toString(), trailingComments, width);
  }

  private boolean endsWith(String s) {
    int n = out.length();
    return n >= s.length() && out.substring(n - s.length()).equals(s);
  }

  private void trimTrailingBlanks() {
    int n = out.length();
    while (n > 0 && (out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\t')) {
      n--;
    }
    out.setLength(n);
  }
}
