package io.ballot.dsl.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * The comments of the source (hidden tokens of Xtext's node model), in order, and the cursor of those already
 * written. The printers ask for the comments before an element's offset ({@link #flushBefore}) as they reach it, and
 * for the comments on the line an element ends on ({@link #trailing}) after it; {@link #flushAll} writes whatever is
 * left at the end. Every comment is thus written exactly once, in source order: none can be lost.
 *
 * <p>A comment that stood on a line of its own stays on a line of its own, at the indentation of what follows it; a
 * comment after code stays at the end of that code's line. A blank line before a comment or an element is kept.
 */
final class SourceComments {

  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\f\\r]*\\n");

  /** One comment: where it is, its text without trailing blanks, and whether only blanks precede it on its line. */
  private record Comment(int offset, int end, String text, boolean lineComment, boolean ownLine) {}

  private final String source;
  private final List<Comment> comments = new ArrayList<>();
  private final Layout layout;
  private final int[] tokenEnds;
  private int next;
  private int lastEnd;
  private boolean suspended;

  /** The comments under {@code root} (null: a tree without source, which has none). */
  SourceComments(INode root, Layout layout) {
    this.layout = layout;
    this.source = root == null ? "" : root.getText();
    List<Integer> ends = new ArrayList<>();
    for (ILeafNode leaf : root == null ? List.<ILeafNode>of() : root.getLeafNodes()) {
      String text = leaf.getText();
      if (!leaf.isHidden() && leaf.getTotalLength() > 0) {
        ends.add(leaf.getTotalEndOffset());
      }
      if (leaf.isHidden() && (text.startsWith("--") || text.startsWith("/*"))) {
        int offset = leaf.getTotalOffset();
        String trimmed = text.stripTrailing(); // a -- comment's token includes its line break
        comments.add(
            new Comment(offset, offset + trimmed.length(), trimmed, text.startsWith("--"), ownLine(offset)));
      }
    }
    this.tokenEnds = ends.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean ownLine(int offset) {
    for (int i = offset - 1; i >= 0; i--) {
      char c = source.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** While measuring, nothing is written. */
  void suspend(boolean on) {
    suspended = on;
  }

  /** Whether a comment not yet written starts before {@code offset}. */
  boolean pendingBefore(int offset) {
    return next < comments.size() && comments.get(next).offset() < offset;
  }

  /** Writes the comments that start before {@code offset}. */
  void flushBefore(int offset) {
    while (!suspended && pendingBefore(offset)) {
      emit(comments.get(next++));
    }
  }

  /**
   * After an element ending at {@code end}: writes the comments left inside it, then those that follow it on the
   * same source line before the next token at {@code nextToken} (-1: none); they stay at the end of its line.
   */
  void trailing(int end, int nextToken) {
    if (suspended || end < 0) {
      return;
    }
    // Comments left inside the element: those that followed code stay on its line; one on a line of its own, or
    // one after a -- comment (and all after it), waits for the next element, as if the source had it there.
    while (!suspended && pendingBefore(end)) {
      Comment c = comments.get(next);
      if (c.ownLine() || layout.breakPending()) {
        return;
      }
      next++;
      emit(c);
    }
    lastEnd = Math.max(lastEnd, end);
    while (next < comments.size()) {
      Comment c = comments.get(next);
      if (c.ownLine() || layout.breakPending() || !sameLine(end, c.offset())
          || (nextToken >= 0 && nextToken < c.offset())) {
        break;
      }
      next++;
      emit(c);
    }
  }

  private boolean sameLine(int from, int to) {
    return source.substring(from, to).indexOf('\n') < 0;
  }

  /** Writes every comment not written yet. */
  void flushAll() {
    flushBefore(Integer.MAX_VALUE);
  }

  /** The comments before {@code end} are part of a construct copied verbatim: they are written with it. */
  void consumeUpTo(int end) {
    while (pendingBefore(end)) {
      next++;
    }
    lastEnd = Math.max(lastEnd, end);
  }

  /**
   * Whether the source has a blank line right before {@code offset}: after the last comment or element written and
   * after the token before it.
   */
  boolean blankLineBefore(int offset) {
    int i = java.util.Arrays.binarySearch(tokenEnds, offset);
    i = i < 0 ? -i - 1 : i + 1;
    int from = Math.max(lastEnd, i > 0 ? tokenEnds[i - 1] : 0);
    return offset > from && BLANK_LINE.matcher(source).region(from, offset).find();
  }

  /** The source text from {@code start} to {@code end}. */
  String text(int start, int end) {
    return source.substring(start, end);
  }

  private void emit(Comment c) {
    if (layout.atStructuralLineStart()) {
      if (!layout.onContinuation() && blankLineBefore(c.offset())) {
        layout.blankLine();
      }
      layout.w(c.text());
      layout.endCommentLine();
    } else if (!c.ownLine() && !layout.breakPending()) {
      layout.appendInline(c.text());
      if (c.lineComment()) {
        layout.requireBreak();
      } else {
        layout.requireSpace();
      }
    } else {
      layout.requireBreak();
      layout.w(c.text());
      layout.requireBreak();
    }
    lastEnd = c.end();
  }
}
