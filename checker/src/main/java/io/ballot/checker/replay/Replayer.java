package io.ballot.checker.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Checks logs against a model: keeps every model state consistent with the logs read so far (the frontier, with
 * how far each log has been read) and advances it one log line at a time, letting the silent rules fire between
 * lines. Exact: the logs are accepted iff some execution of the model, in some interleaving that keeps each log's
 * order (and its clocks' order where lines carry clocks), produces them. Under symmetry reduction
 * ({@link ReplayOptions#symmetry()}) each frontier state is a representative of its orbit under the scalarset
 * permutations that fix every value the logs named up to its position ({@link LogSymmetry}); the verdict is the same.
 */
public final class Replayer {
  private final TransitionSystem ts;
  private final Model model;
  private final ReplayOptions options;
  private final StepMatcher matcher;
  private final int[] silent;
  private final ReplayHistory history = new ReplayHistory();
  /** The reduction for the logs being replayed; null when none. */
  private LogSymmetry sym;

  public Replayer(TransitionSystem ts, Model model, ReplayOptions options) {
    this.ts = ts;
    this.model = model;
    this.options = options;
    this.matcher = new StepMatcher(ts, model, options.silentRules());
    this.silent = matcher.silentInstances();
  }

  /** Replays {@code logs} (each in its own order); {@code stop} is polled and ends the replay when true. */
  public ReplayResult replay(List<List<LogEvent>> logs, BooleanSupplier stop) {
    long started = System.nanoTime();
    int total = logs.stream().mapToInt(List::size).sum();
    sym = LogSymmetry.of(ts, logs, options.symmetry());
    Map<Node, Node> frontier = new LinkedHashMap<>();
    for (int s = 0; s < ts.startCount(); s++) {
      long[] state = new long[ts.layout().words()];
      try {
        if (!ts.runStart(s, state, Effects.NONE)) {
          continue;
        }
      } catch (ModelError e) {
        continue;
      }
      int[] pos = new int[logs.size()];
      int post = sym == null ? -1 : sym.canonicalize(state, sym.pins(pos));
      Node n = new Node(state, pos, -1);
      if (!frontier.containsKey(n)) {
        Node stored = new Node(state, pos, history.start(s, post));
        frontier.put(stored, stored);
      }
    }
    frontier = closure(frontier, stop);
    int[] sizes = new int[total + 1];
    sizes[0] = frontier.size();
    for (int level = 0; level < total; level++) {
      if (stop.getAsBoolean()) {
        return incomplete(logs, level, sizes, frontier, "interrupted", started);
      }
      Map<Node, Node> next = new LinkedHashMap<>();
      for (Node n : frontier.values()) {
        for (int log = 0; log < logs.size(); log++) {
          if (n.pos[log] < logs.get(log).size() && clockAllows(logs, n.pos, log)) {
            advance(n, log, logs.get(log).get(n.pos[log]), next);
          }
        }
        if (next.size() > options.maxFrontier()) {
          return incomplete(logs, level, sizes, frontier, "frontier limit (" + options.maxFrontier() + " states)",
              started);
        }
      }
      if (next.isEmpty()) {
        Rejection why = new RejectionExplainer(ts, model, matcher).explain(logs, expanded(logs, frontier.keySet()));
        return new ReplayResult(ReplayResult.Verdict.REJECTED, total, level, Arrays.copyOf(sizes, level + 1),
            trace(logs, frontier.keySet().iterator().next()), why, null, seconds(started));
      }
      frontier = closure(next, stop);
      sizes[level + 1] = frontier.size();
    }
    // An accepted log's trace is the log itself: it is not rebuilt (that would cost as much as the replay).
    return new ReplayResult(ReplayResult.Verdict.ACCEPTED, total, total, sizes, List.of(), null, null,
        seconds(started));
  }

  /** The successors of {@code n} that consume line {@code e} of log {@code log}, into {@code out}. */
  private void advance(Node n, int log, LogEvent e, Map<Node, Node> out) {
    int[] pos = n.pos.clone();
    pos[log]++;
    if (sym == null) {
      advance(n, n.state, -1, log, e, pos, 0, out);
      return;
    }
    long pins = sym.pins(pos);
    for (int pre : sym.expansions(n.pos, log)) {
      advance(n, sym.apply(pre, n.state), pre, log, e, pos, pins, out);
    }
  }

  /**
   * The successors of {@code from} (the state of {@code n}, renamed by permutation {@code pre}) that consume line
   * {@code e}, reduced under {@code pins} when there is symmetry, into {@code out}.
   */
  private void advance(Node n, long[] from, int pre, int log, LogEvent e, int[] pos, long pins,
      Map<Node, Node> out) {
    if (e.step() == null) {
      if (matcher.agrees(from, e.observed())) {
        long[] state = sym == null ? from : from.clone();
        int post = sym == null ? -1 : sym.canonicalize(state, pins);
        Node m = new Node(state, pos, -1);
        if (!out.containsKey(m)) {
          Node stored = new Node(state, pos, history.observe(n.id, log, n.pos[log], pre, post));
          out.put(stored, stored);
        }
      }
      return;
    }
    long[] after = new long[from.length];
    for (int i : matcher.candidates(e.step())) {
      if (!fire(i, from, after)) {
        continue;
      }
      if (e.step().isMessage() && !matcher.movesMessage(i, from, after, e.step())) {
        continue;
      }
      if (!matcher.agrees(after, e.observed())) {
        continue;
      }
      long[] state = after.clone();
      int post = sym == null ? -1 : sym.canonicalize(state, pins);
      Node m = new Node(state, pos, -1);
      if (!out.containsKey(m)) {
        Node stored = new Node(state, pos, history.step(n.id, i, log, n.pos[log], pre, post));
        out.put(stored, stored);
      }
    }
  }

  /**
   * The states a stuck frontier stands for, for explaining why none takes its logs' next lines: under symmetry,
   * each representative with its images for every way the next lines may place the values they name first.
   */
  private Collection<Node> expanded(List<List<LogEvent>> logs, Collection<Node> stuck) {
    if (sym == null) {
      return stuck;
    }
    Map<Node, Node> out = new LinkedHashMap<>();
    for (Node n : stuck) {
      out.putIfAbsent(n, n);
      for (int log = 0; log < logs.size(); log++) {
        if (n.pos[log] < logs.get(log).size()) {
          for (int pre : sym.expansions(n.pos, log)) {
            Node m = new Node(sym.apply(pre, n.state), n.pos, n.id);
            out.putIfAbsent(m, m);
          }
        }
      }
    }
    return out.keySet();
  }

  /** Fires instance {@code i} if it is enabled; false when it is not, its assume fails or it hits an error. */
  private boolean fire(int i, long[] state, long[] after) {
    try {
      if (!ts.guard(i, state)) {
        return false;
      }
      System.arraycopy(state, 0, after, 0, state.length);
      return ts.fire(i, state, after, Effects.NONE);
    } catch (ModelError e) {
      return false;
    }
  }

  /** {@code level} with every state reachable from it by at most K silent steps (same log positions). */
  private Map<Node, Node> closure(Map<Node, Node> level, BooleanSupplier stop) {
    if (silent.length == 0 || options.silentSteps() == 0) {
      return level;
    }
    Map<Node, Node> all = new LinkedHashMap<>(level);
    List<Node> wave = new ArrayList<>(level.values());
    long[] after = new long[ts.layout().words()];
    for (int k = 0; k < options.silentSteps() && !wave.isEmpty() && !stop.getAsBoolean(); k++) {
      List<Node> nextWave = new ArrayList<>();
      for (Node n : wave) {
        long pins = sym == null ? 0 : sym.pins(n.pos);
        for (int i : silent) {
          if (fire(i, n.state, after)) {
            long[] state = after.clone();
            int post = sym == null ? -1 : sym.canonicalize(state, pins);
            Node m = new Node(state, n.pos, -1);
            if (!all.containsKey(m)) {
              Node stored = new Node(m.state, n.pos, history.silent(n.id, i, post));
              all.put(stored, stored);
              nextWave.add(stored);
            }
          }
        }
      }
      wave = nextWave;
    }
    return all;
  }

  /**
   * Whether log {@code log}'s next line may go before the other logs' next lines: its clock is no later than
   * theirs (lines without a clock are never held back, nor hold others back).
   */
  private static boolean clockAllows(List<List<LogEvent>> logs, int[] pos, int log) {
    Long mine = logs.get(log).get(pos[log]).clock();
    if (mine == null) {
      return true;
    }
    for (int other = 0; other < logs.size(); other++) {
      if (other != log && pos[other] < logs.get(other).size()) {
        Long theirs = logs.get(other).get(pos[other]).clock();
        if (theirs != null && theirs < mine) {
          return false;
        }
      }
    }
    return true;
  }

  private ReplayResult incomplete(List<List<LogEvent>> logs, int level, int[] sizes, Map<Node, Node> frontier,
      String why, long started) {
    int total = logs.stream().mapToInt(List::size).sum();
    List<ReplayStep> trace = frontier.isEmpty() ? List.of() : trace(logs, frontier.keySet().iterator().next());
    return new ReplayResult(ReplayResult.Verdict.INCOMPLETE, total, level, Arrays.copyOf(sizes, level + 1), trace, null,
        why, seconds(started));
  }

  private List<ReplayStep> trace(List<List<LogEvent>> logs, Node end) {
    return new TraceRebuilder(ts, model, matcher, sym).rebuild(history, end.id, logs);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  /** A candidate state with how far each log has been read; {@code id} its entry in the history. */
  static final class Node {
    final long[] state;
    final int[] pos;
    final int id;
    private final int hash;

    Node(long[] state, int[] pos, int id) {
      this.state = state;
      this.pos = pos;
      this.id = id;
      this.hash = 31 * Arrays.hashCode(state) + Arrays.hashCode(pos);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && hash == n.hash && Arrays.equals(state, n.state) && Arrays.equals(pos, n.pos);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
