package io.ballot.cli.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.replay.LogEvent;
import io.ballot.checker.replay.ReplayOptions;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.ReplayStep;
import io.ballot.checker.replay.Replayer;
import io.ballot.checker.replay.StepPattern;
import io.ballot.checker.result.TraceStep;
import io.ballot.checker.result.VariableValue;
import io.ballot.checker.result.messages.MessageEvent;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.Instance;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Replays logs made from random walks of every model of the protocol library (and the replay test models), with
 * parameters and state left out at random, silent rules, message events, several per-process logs and mutations
 * (a dropped event, a swapped pair, a wrong value), and requires the replayer's verdict to equal an independent
 * depth-first search's over the model's executions. Logs of an unmutated walk must always be accepted. The replay
 * runs with and without symmetry reduction (a quarter of the logs name few parameters and values, so that much is
 * left unpinned): the verdicts and the accepted prefixes must be the same, the reduced frontier never larger, and a
 * rejection's trace, rebuilt through the reduction's renamings, must agree with every log line it stands for.
 */
class ReplayPropertyTest {
  private static final List<Path> MODELS = new ArrayList<>();
  private static final Map<Path, Loaded> LOADED = new HashMap<>();

  private record Loaded(Model model, TransitionSystem compiled, TransitionSystem interpreted) {}

  @BeforeContainer
  static void findModels() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("..", "protocols", "models"))) {
      s.filter(p -> p.toString().endsWith(".m")).sorted().forEach(MODELS::add);
    }
    try (Stream<Path> s = Files.list(Path.of("src", "test", "resources", "replay"))) {
      s.filter(p -> p.toString().endsWith(".m")).sorted().forEach(MODELS::add);
    }
  }

  private static Loaded load(Path file) {
    return LOADED.computeIfAbsent(file, f -> {
      LoadResult r = new FrontEnd().load(f);
      if (r.hasErrors()) {
        throw new AssertionError(f + " rejected: " + r.diagnostics());
      }
      return new Loaded(r.model(), Checker.transitions(r.model(), CheckOptions.Engine.COMPILED).system(),
          new Interpreter(r.model()));
    });
  }

  @Property(tries = 250)
  void replayAgreesWithABruteForceSearch(@ForAll long seed) {
    Random rnd = new Random(seed);
    Path file = MODELS.get(Math.floorMod(seed, MODELS.size()));
    Loaded m = load(file);
    List<Step> walk = walk(m.interpreted(), rnd, 2 + rnd.nextInt(6));
    if (walk.isEmpty()) {
      return;
    }
    Set<String> silent = new TreeSet<>();
    if (rnd.nextInt(3) == 0 && walk.size() > 1) {
      silent.add(walk.get(1 + rnd.nextInt(walk.size() - 1)).rule);
    }
    int logs = rnd.nextInt(3) == 0 ? 2 : 1;
    boolean sparse = rnd.nextInt(4) == 0;
    List<List<LogEvent>> events = log(m, walk, silent, logs, sparse, rnd);
    int k = silent.isEmpty() ? 0 : longestSilentRun(walk, silent);
    String mutation = rnd.nextInt(3) > 0 ? mutate(events, walk, rnd) : "none";
    String what = file + " seed " + seed + " logs " + events + " silent " + silent + " k " + k + " mutation "
        + mutation;
    ReplayOptions options = new ReplayOptions(silent, k, 1_000_000, true);
    ReplayResult r = new Replayer(m.compiled(), m.model(), options).replay(events, () -> false);
    ReplayResult plain = new Replayer(m.compiled(), m.model(), options.withSymmetry(false))
        .replay(events, () -> false);
    boolean expected = mutation.equals("none")
        || new BruteForceReplay(m.interpreted(), m.model(), silent, k).accepts(events);
    Statistics.label("verdict").collect(r.verdict(), mutation.split(" ")[0], events.size() + " logs");
    Statistics.label("model").collect(m.model().networks().isEmpty() ? "plain" : "networks");
    Statistics.label("symmetry").collect(r.peakFrontier() < plain.peakFrontier() ? "frontier reduced"
        : "same frontier");
    assertEquals(expected ? ReplayResult.Verdict.ACCEPTED : ReplayResult.Verdict.REJECTED, r.verdict(), what);
    assertEquals(plain.verdict(), r.verdict(), "symmetry reduction changed the verdict: " + what);
    assertEquals(plain.accepted(), r.accepted(), "symmetry reduction changed the accepted prefix: " + what);
    assertTrue(r.peakFrontier() <= plain.peakFrontier(), "a reduced frontier is never larger: " + what);
    if (r.verdict() == ReplayResult.Verdict.REJECTED) {
      assertEquals(false, r.rejection().reasons().isEmpty(), "a rejection says why: " + what);
      assertEquals(plain.rejection().event(), r.rejection().event(), "the same event is rejected: " + what);
      assertTraceAgreesWithTheLog(r.trace(), what);
    }
  }

  /** Each step of a rebuilt trace is the rule its log line names, with its parameters and logged values. */
  static void assertTraceAgreesWithTheLog(List<ReplayStep> trace, String what) {
    for (ReplayStep s : trace) {
      LogEvent e = s.event();
      if (e == null) {
        continue;
      }
      if (e.step() != null && !e.step().isMessage()) {
        assertTrue(e.step().rules().contains(s.step().rule()), s.step().rule() + " is " + e.step().rule() + ": "
            + what);
        for (Map.Entry<String, String> p : e.step().parameters().entrySet()) {
          assertTrue(s.step().parameters().contains(p.getKey() + ": " + p.getValue()),
              "step " + s.step().parameters() + " has the logged " + p + ": " + what);
        }
      }
      Map<String, String> state = new HashMap<>();
      s.step().state().forEach(v -> state.put(v.name(), v.value()));
      e.observed().forEach((k, v) -> assertEquals(v, state.get(k), k + " after " + e.where() + ": " + what));
    }
  }

  /** A step of a walk: the rule instance, its name and parameters, the state after it, the messages it moved. */
  private record Step(int instance, String rule, List<String> parameters, List<VariableValue> state,
      List<MessageEvent> moved) {}

  private static List<Step> walk(TransitionSystem ts, Random rnd, int length) {
    long[] state = new long[ts.layout().words()];
    try {
      if (ts.startCount() == 0 || !ts.runStart(0, state, Effects.NONE)) {
        return List.of();
      }
    } catch (ModelError e) {
      return List.of();
    }
    List<Step> out = new ArrayList<>();
    for (int n = 0; n < length; n++) {
      List<Integer> enabled = new ArrayList<>();
      for (int i = 0; i < ts.ruleCount(); i++) {
        try {
          if (ts.guard(i, state)) {
            enabled.add(i);
          }
        } catch (ModelError e) {
          // not enabled
        }
      }
      if (enabled.isEmpty()) {
        break;
      }
      int i = enabled.get(rnd.nextInt(enabled.size()));
      long[] after = state.clone();
      try {
        if (!ts.fire(i, state, after, Effects.NONE)) {
          break;
        }
      } catch (ModelError e) {
        break;
      }
      Instance inst = ts.rule(i);
      out.add(new Step(i, inst.name(), inst.parameters(), ts.render(after), List.of()));
      state = after;
    }
    return out;
  }

  private static List<List<LogEvent>> log(Loaded m, List<Step> walk, Set<String> silent, int logs, boolean sparse,
      Random rnd) {
    int keepParameter = sparse ? 2 : 7;
    int keepValue = sparse ? 1 : 6;
    List<List<LogEvent>> out = new ArrayList<>();
    for (int l = 0; l < logs; l++) {
      out.add(new ArrayList<>());
    }
    List<TraceStep> annotated = messages(m, walk);
    for (int s = 0; s < walk.size(); s++) {
      Step step = walk.get(s);
      if (silent.contains(step.rule)) {
        continue;
      }
      int log = rnd.nextInt(logs);
      Map<String, String> params = new LinkedHashMap<>();
      for (String p : step.parameters) {
        int colon = p.indexOf(": ");
        if (rnd.nextInt(10) < keepParameter) {
          params.put(p.substring(0, colon), p.substring(colon + 2));
        }
      }
      StepPattern pattern = StepPattern.rule(step.rule, params);
      List<MessageEvent> moved = annotated == null ? List.of() : annotated.get(s + 1).messages().events();
      if (!moved.isEmpty() && rnd.nextBoolean()) {
        MessageEvent e = moved.get(rnd.nextInt(moved.size()));
        if (e.action() != MessageEvent.Action.REMOVED) {
          Map<String, String> fields = new LinkedHashMap<>();
          e.message().fields().forEach(f -> {
            if (rnd.nextInt(10) < keepParameter) {
              fields.put(f.name(), f.value());
            }
          });
          pattern = StepPattern.message(e.action(), e.message().kind(), fields,
              rnd.nextBoolean() ? e.network() : null);
        }
      }
      Map<String, String> observed = new LinkedHashMap<>();
      for (VariableValue v : step.state) {
        if (rnd.nextInt(20) < keepValue) {
          observed.put(v.name(), v.value());
        }
      }
      out.get(log).add(new LogEvent("log" + log, log, out.get(log).size() + 1, pattern, observed, null));
    }
    return out;
  }

  /** The walk as an annotated trace (start state first), or null for a model without networks. */
  private static List<TraceStep> messages(Loaded m, List<Step> walk) {
    if (m.model().networks().isEmpty()) {
      return null;
    }
    TransitionSystem ts = m.interpreted();
    long[] start = new long[ts.layout().words()];
    try {
      ts.runStart(0, start, Effects.NONE);
    } catch (ModelError e) {
      throw new AssertionError(e);
    }
    List<TraceStep> trace = new ArrayList<>();
    trace.add(new TraceStep("start", List.of(), ts.render(start), null));
    for (Step s : walk) {
      Instance inst = ts.rule(s.instance);
      trace.add(new TraceStep(inst.name(), inst.parameters(), s.state, inst.location()));
    }
    return new MessageTraces(m.model().networks()).annotate(trace);
  }

  private static int longestSilentRun(List<Step> walk, Set<String> silent) {
    int best = 0;
    int run = 0;
    for (Step s : walk) {
      run = silent.contains(s.rule) ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }

  /** Changes the logs in one way (drop, swap, wrong value); says what it did. */
  private static String mutate(List<List<LogEvent>> logs, List<Step> walk, Random rnd) {
    List<LogEvent> log = logs.get(rnd.nextInt(logs.size()));
    if (log.isEmpty()) {
      return "none";
    }
    int at = rnd.nextInt(log.size());
    switch (rnd.nextInt(3)) {
      case 0 -> {
        log.remove(at);
        return "dropped " + at;
      }
      case 1 -> {
        if (at + 1 >= log.size()) {
          return "none";
        }
        LogEvent a = log.get(at);
        log.set(at, log.get(at + 1));
        log.set(at + 1, a);
        return "swapped " + at;
      }
      default -> {
        LogEvent e = log.get(at);
        if (e.observed().isEmpty()) {
          return "none";
        }
        String name = new ArrayList<>(new TreeSet<>(e.observed().keySet())).get(rnd.nextInt(e.observed().size()));
        Set<String> others = new TreeSet<>();
        for (Step s : walk) {
          s.state.stream().filter(x -> x.name().equals(name)).forEach(x -> others.add(x.value()));
        }
        others.remove(e.observed().get(name));
        if (others.isEmpty()) {
          return "none";
        }
        Map<String, String> observed = new HashMap<>(e.observed());
        String value = new ArrayList<>(others).get(rnd.nextInt(others.size()));
        observed.put(name, value);
        log.set(at, new LogEvent(e.source(), e.log(), e.line(), e.step(), observed, e.clock()));
        return "value " + name + "=" + value + " at " + at;
      }
    }
  }
}
