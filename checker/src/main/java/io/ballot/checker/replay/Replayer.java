package io.ballot.checker.replay;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Checks logs against a model: keeps every model state consistent with the logs read so far (the frontier, with
 * how far each log has been read) and advances it one log line at a time, letting the silent rules fire between
 * lines. Exact: the logs are accepted iff some execution of the model, in some interleaving that keeps each log's
 * order (and its clocks' order where lines carry clocks), produces them. No symmetry reduction: logged values name
 * concrete processes.
 */
public final class Replayer {
  private final TransitionSystem ts;
  private final Model model;
  private final ReplayOptions options;
  private final StepMatcher matcher;
  private final int[] silent;
  private final ReplayHistory history = new ReplayHistory();

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
      Node n = new Node(state, new int[logs.size()], history.start(s));
      frontier.putIfAbsent(n, n);
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
        Rejection why = new RejectionExplainer(ts, model, matcher).explain(logs, frontier.keySet());
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
    if (e.step() == null) {
      if (matcher.agrees(n.state, e.observed())) {
        Node m = new Node(n.state, pos, history.observe(n.id, log, n.pos[log]));
        out.putIfAbsent(m, m);
      }
      return;
    }
    long[] after = new long[n.state.length];
    for (int i : matcher.candidates(e.step())) {
      if (!fire(i, n.state, after)) {
        continue;
      }
      if (e.step().isMessage() && !matcher.movesMessage(i, n.state, after, e.step())) {
        continue;
      }
      if (!matcher.agrees(after, e.observed())) {
        continue;
      }
      Node m = new Node(after.clone(), pos, -1);
      if (!out.containsKey(m)) {
        Node stored = new Node(m.state, pos, history.step(n.id, i, log, n.pos[log]));
        out.put(stored, stored);
      }
    }
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
        for (int i : silent) {
          if (fire(i, n.state, after)) {
            Node m = new Node(after.clone(), n.pos, -1);
            if (!all.containsKey(m)) {
              Node stored = new Node(m.state, n.pos, history.silent(n.id, i));
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
    return new TraceRebuilder(ts, model).rebuild(history, end.id, logs);
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
