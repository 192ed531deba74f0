package io.ballot.dsl.source;

import java.util.Locale;
import java.util.Set;

/**
 * Where model text is nested deepest, by a scan of its brackets and block keywords (comments and strings skipped):
 * the place to report when a model is nested too deeply for the parser or the lowering. An estimate for a message,
 * not a parse: unbalanced text gives a position all the same.
 */
public final class NestingDepth {
  private NestingDepth() {}

  /** The deepest point: its depth and its 1-based line and column. */
  public record Deepest(int depth, int line, int column) {}

  private static final Set<String> OPENERS =
      Set.of("if", "for", "while", "switch", "alias", "forall", "exists", "rule", "ruleset", "startstate",
          "procedure", "function", "record", "choose", "receive");

  /** The first position of greatest nesting in {@code text} (line breaks LF; see {@link LineBreaks}). */
  public static Deepest deepest(String text) {
    int depth = 0;
    Deepest best = new Deepest(0, 1, 1);
    int line = 1;
    int lineStart = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        i++;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        i += 2;
        while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
          i++;
        }
        i += 2;
      } else if (c == '"') {
        i++;
        while (i < n && text.charAt(i) != '"' && text.charAt(i) != '\n') {
          i++;
        }
        i++;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        if (depth > best.depth()) {
          best = new Deepest(depth, line, i - lineStart + 1);
        }
        i++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
          i++;
        }
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (OPENERS.contains(word)) {
          depth++;
          if (depth > best.depth()) {
            best = new Deepest(depth, line, start - lineStart + 1);
          }
        } else if (word.startsWith("end")) {
          depth = Math.max(0, depth - 1);
        }
      } else {
        i++;
      }
    }
    return best;
  }
}
