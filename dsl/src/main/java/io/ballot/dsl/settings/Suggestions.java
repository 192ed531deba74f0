package io.ballot.dsl.settings;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for a misspelt name: the closest of the known names, if it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** {@code " (did you mean 'x'?)"} for the known name closest to {@code word}, or {@code ""} if none is close. */
  public static String didYouMean(String word, Collection<String> known) {
    String best = closest(word, known);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /**
   * For a name that is not one of a few known ones: {@code "; did you mean 'x'? (it has a, b, x)"} when one is close,
   * else {@code " (it has a, b, x)"}.
   */
  public static String amongKnown(String word, Collection<String> known) {
    String best = closest(word, known);
    return (best == null ? "" : "; did you mean '" + best + "'?") + " (it has " + String.join(", ", known) + ")";
  }

  /** The known name at the smallest edit distance from {@code word} (ignoring case), within a third of its length. */
  public static String closest(String word, Collection<String> known) {
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(w, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, (w.length() + 2) / 3);
    return best != null && bestDistance <= allowed && bestDistance < Math.max(w.length(), 1) ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
