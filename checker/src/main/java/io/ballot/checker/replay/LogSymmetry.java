package io.ballot.checker.replay;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay's symmetry reduction, over the permutations of the model's scalarsets that fix every value the logs
 * have named so far. A line names a value when its text does anywhere (a parameter, a message field, a logged
 * designator such as {@code term[Node_1]} or a logged value): from then on that value is <em>pinned</em>. The set
 * of states consistent with a log prefix is closed under the permutations fixing its pinned values (the model is
 * symmetric, and the prefix reads the same after any of them), and so is the set of states from which the rest of
 * the log can be read, once the rest names nothing else; so the frontier may keep one state per orbit of that
 * subgroup. When a line pins a new value, each representative stands again for the states its orbit splits into
 * (one per way of placing the newly named values among the free ones: {@link #expansions}) before the line is
 * matched. Pins depend on how far each log has been read, so each frontier entry is reduced under its own.
 *
 * <p>Permutations are interned: the history records them by number ({@code -1} the identity).
 */
final class LogSymmetry {
  /** Orders of tied indices tried per state before settling for the present order (still sound, less reduced). */
  private static final long BUDGET = 720;

  private final SymmetryReduction sym;
  private final Canonicalizer canonicalizer;
  private final int[] sizes;
  /** Value {@code i} of group {@code g} is value number {@code first[g] + i} of a 64-bit pin mask. */
  private final int[] first;
  /** For each log and value number: the index of the first line naming it, or the log's size when none does. */
  private final int[][] firstPin;
  /** For each log: whether its line at that index is the first of the log to name some value. */
  private final boolean[][] pinsNew;
  private final Map<Long, boolean[][]> pinnedByMask = new HashMap<>();
  private long lastMask;
  private boolean[][] lastPinned;
  private final List<int[][]> perms = new ArrayList<>();
  private final Map<PermKey, Integer> permIds = new HashMap<>();
  private final int[][] scratch;

  private LogSymmetry(SymmetryReduction sym, List<List<LogEvent>> logs) {
    this.sym = sym;
    this.canonicalizer = sym.renamingCanonicalizer(BUDGET);
    this.sizes = sym.groupSizes();
    this.first = new int[sizes.length];
    Map<String, Integer> number = new HashMap<>();
    int values = 0;
    for (int g = 0; g < sizes.length; g++) {
      first[g] = values;
      for (int i = 0; i < sizes[g]; i++) {
        number.put(sym.valueText(g, i), values++);
      }
    }
    this.scratch = new int[sizes.length][];
    for (int g = 0; g < sizes.length; g++) {
      scratch[g] = new int[sizes[g]];
    }
    Map<String, int[]> words = new HashMap<>(); // the texts of lines repeat: each is split once
    this.firstPin = new int[logs.size()][];
    this.pinsNew = new boolean[logs.size()][];
    for (int l = 0; l < logs.size(); l++) {
      List<LogEvent> log = logs.get(l);
      firstPin[l] = new int[values];
      Arrays.fill(firstPin[l], log.size());
      pinsNew[l] = new boolean[log.size()];
      for (int line = log.size() - 1; line >= 0; line--) {
        for (int v : named(log.get(line), number, words)) {
          firstPin[l][v] = line;
        }
      }
      for (int v = 0; v < values; v++) {
        if (firstPin[l][v] < log.size()) {
          pinsNew[l][firstPin[l][v]] = true;
        }
      }
    }
  }

  /**
   * The reduction for replaying {@code logs} on {@code ts}, or null when there is nothing to reduce (no scalarset
   * of two values or more in the state, more than 64 scalarset values in all, or {@code on} false).
   */
  static LogSymmetry of(TransitionSystem ts, List<List<LogEvent>> logs, boolean on) {
    if (!on) {
      return null;
    }
    SymmetryReduction sym = SymmetryReduction.of(ts.layout(), CheckOptions.Symmetry.EXHAUSTIVE);
    int[] sizes = sym.groupSizes();
    if (sizes.length == 0 || Arrays.stream(sizes).asLongStream().sum() > 64) {
      return null;
    }
    return new LogSymmetry(sym, logs);
  }

  /** The value numbers a line names: any word of its text that is how a scalarset value prints. */
  private static List<Integer> named(LogEvent e, Map<String, Integer> number, Map<String, int[]> words) {
    List<String> texts = new ArrayList<>();
    StepPattern p = e.step();
    if (p != null) {
      texts.addAll(p.rules());
      texts.add(p.kind());
      texts.add(p.network());
      p.parameters().forEach((k, v) -> {
        texts.add(k);
        texts.add(v);
      });
      p.fields().forEach((k, v) -> {
        texts.add(k);
        texts.add(v);
      });
    }
    e.observed().forEach((k, v) -> {
      texts.add(k);
      texts.add(v);
    });
    List<Integer> out = new ArrayList<>();
    for (String t : texts) {
      if (t != null) {
        for (int v : words.computeIfAbsent(t, x -> valuesIn(x, number))) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** The value numbers of the words of {@code text} (runs of letters, digits and underscores) that name values. */
  private static int[] valuesIn(String text, Map<String, Integer> number) {
    List<Integer> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int from = i;
      while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
      Integer v = i > from ? number.get(text.substring(from, i)) : null;
      if (v != null) {
        out.add(v);
      }
      i = Math.max(i, from + 1);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The values pinned once each log {@code l} has been read up to (not including) line {@code pos[l]}. */
  long pins(int[] pos) {
    long mask = 0;
    for (int l = 0; l < pos.length; l++) {
      int[] f = firstPin[l];
      for (int v = 0; v < f.length; v++) {
        if (f[v] < pos[l]) {
          mask |= 1L << v;
        }
      }
    }
    return mask;
  }

  /**
   * The permutations (by number; {@code -1} the identity) to apply to a representative at {@code pos} before
   * matching log {@code log}'s next line: one per coset of the permutations that also fix the values this line
   * pins, so that together their images stand for the whole orbit; just the identity when the line pins nothing new.
   */
  int[] expansions(int[] pos, int log) {
    if (!pinsNew[log][pos[log]]) {
      return IDENTITY;
    }
    long before = pins(pos);
    long after = before;
    for (int v = 0; v < firstPin[log].length; v++) {
      if (firstPin[log][v] == pos[log]) {
        after |= 1L << v;
      }
    }
    if (after == before) {
      return IDENTITY;
    }
    // per group: the newly pinned values and the values free before; a coset is an injective placement of the
    // former among the latter (where in the representative the log's newly named values sit)
    List<int[][]> choices = new ArrayList<>();
    choices.add(new int[sizes.length][]);
    for (int g = 0; g < sizes.length; g++) {
      List<Integer> fresh = new ArrayList<>();
      List<Integer> free = new ArrayList<>();
      for (int i = 0; i < sizes[g]; i++) {
        long bit = 1L << (first[g] + i);
        if ((before & bit) == 0) {
          free.add(i);
          if ((after & bit) != 0) {
            fresh.add(i);
          }
        }
      }
      List<int[][]> next = new ArrayList<>();
      for (int[][] partial : choices) {
        for (int[] placement : placements(fresh.size(), free)) {
          int[][] p = partial.clone();
          p[g] = permutation(sizes[g], fresh, free, placement);
          next.add(p);
        }
      }
      choices = next;
    }
    return choices.stream().mapToInt(this::intern).toArray();
  }

  private static final int[] IDENTITY = {-1};

  /** Every injective sequence of {@code k} values drawn from {@code free}. */
  private static List<int[]> placements(int k, List<Integer> free) {
    List<int[]> out = new ArrayList<>();
    place(new int[k], 0, free, new boolean[free.size()], out);
    return out;
  }

  private static void place(int[] seq, int at, List<Integer> free, boolean[] used, List<int[]> out) {
    if (at == seq.length) {
      out.add(seq.clone());
      return;
    }
    for (int j = 0; j < free.size(); j++) {
      if (!used[j]) {
        used[j] = true;
        seq[at] = free.get(j);
        place(seq, at + 1, free, used, out);
        used[j] = false;
      }
    }
  }

  /**
   * A permutation of group values fixing the values not in {@code free}, taking {@code source[k]} to
   * {@code fresh.get(k)} (the representative's value to the one the log names), the other free values in order.
   */
  private static int[] permutation(int size, List<Integer> fresh, List<Integer> free, int[] source) {
    int[] p = new int[size];
    for (int i = 0; i < size; i++) {
      p[i] = i;
    }
    boolean[] takenSource = new boolean[size];
    boolean[] takenTarget = new boolean[size];
    for (int k = 0; k < source.length; k++) {
      p[source[k]] = fresh.get(k);
      takenSource[source[k]] = true;
      takenTarget[fresh.get(k)] = true;
    }
    List<Integer> targets = free.stream().filter(i -> !takenTarget[i]).toList();
    int t = 0;
    for (int i : free) {
      if (!takenSource[i]) {
        p[i] = targets.get(t++);
      }
    }
    return p;
  }

  /**
   * Replaces {@code state} by the representative of its orbit under the permutations fixing the values of
   * {@code pins} (from {@link #pins}); the permutation applied, by number ({@code -1}: none).
   */
  int canonicalize(long[] state, long pins) {
    if (pins != lastMask || lastPinned == null) {
      lastPinned = pinnedByMask.computeIfAbsent(pins, this::pinned);
      lastMask = pins;
    }
    boolean[][] pinned = lastPinned;
    if (pinned.length == 0) {
      return -1;
    }
    canonicalizer.canonicalize(state, pinned, scratch);
    return intern(scratch);
  }

  /** The mask as rows of flags, or no rows when no group has two free values (nothing to permute). */
  private boolean[][] pinned(long mask) {
    boolean[][] out = new boolean[sizes.length][];
    boolean any = false;
    for (int g = 0; g < sizes.length; g++) {
      out[g] = new boolean[sizes[g]];
      int free = 0;
      for (int i = 0; i < sizes[g]; i++) {
        out[g][i] = (mask & (1L << (first[g] + i))) != 0;
        free += out[g][i] ? 0 : 1;
      }
      any |= free > 1;
    }
    return any ? out : new boolean[0][];
  }

  /** {@code state} renamed by permutation {@code id} (a new array; {@code state} itself for {@code -1}). */
  long[] apply(int id, long[] state) {
    if (id < 0) {
      return state;
    }
    long[] out = new long[state.length];
    sym.rename(perms.get(id), state, out);
    return out;
  }

  /** Permutation {@code id} (null for {@code -1}, the identity). */
  int[][] permutation(int id) {
    return id < 0 ? null : perms.get(id);
  }

  /** Renames {@code state} by {@code p} (null: the identity) into a new array. */
  long[] rename(int[][] p, long[] state) {
    if (p == null) {
      return state.clone();
    }
    long[] out = new long[state.length];
    sym.rename(p, state, out);
    return out;
  }

  /** {@code a} after {@code b} (either null: the identity). */
  static int[][] compose(int[][] a, int[][] b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    int[][] out = new int[a.length][];
    for (int g = 0; g < a.length; g++) {
      out[g] = new int[a[g].length];
      for (int i = 0; i < a[g].length; i++) {
        out[g][i] = a[g][b[g][i]];
      }
    }
    return out;
  }

  private int intern(int[][] p) {
    boolean identity = true;
    for (int[] row : p) {
      for (int i = 0; i < row.length && identity; i++) {
        identity = row[i] == i;
      }
    }
    if (identity) {
      return -1;
    }
    PermKey key = new PermKey(p);
    Integer id = permIds.get(key);
    if (id == null) {
      int[][] copy = new int[p.length][];
      for (int g = 0; g < p.length; g++) {
        copy[g] = p[g].clone();
      }
      id = perms.size();
      perms.add(copy);
      permIds.put(new PermKey(copy), id);
    }
    return id;
  }

  /** A permutation as a hash key (looked up with the caller's scratch rows, stored with a copy). */
  private static final class PermKey {
    private final int[][] rows;
    private final int hash;

    PermKey(int[][] rows) {
      this.rows = rows;
      this.hash = Arrays.deepHashCode(rows);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PermKey k && Arrays.deepEquals(rows, k.rows);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
