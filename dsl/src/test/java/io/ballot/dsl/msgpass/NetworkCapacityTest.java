package io.ballot.dsl.msgpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a send to a full network does ({@code when full: drop | error}; by default a lossy network drops, a reliable
 * one reports a violation), and the queries {@code full(net)} and {@code count(net)}, which stay out of the way of a
 * model's own {@code full} and {@code count}.
 */
class NetworkCapacityTest {
  private static FrontEnd frontEnd;

  @BeforeAll
  static void frontEnd() {
    frontEnd = new FrontEnd();
  }

  private static Model load(String text) {
    LoadResult r = frontEnd.load("capacity.m", text);
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.model();
  }

  private static Result check(Model m) {
    CheckOptions options = new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0)
        .withSymmetry(CheckOptions.Symmetry.HEURISTIC); // multiset reduction: a network's contents, in any order
    return Checker.check(m, options, ProgressListener.NONE, w -> {});
  }

  /** A sender that sends three Pings into a network of capacity 2 (flags: the network's flags). */
  private static String threePings(String flags) {
    return """
        var sent: 0 .. 3 := 0;
        network net: unordered %s capacity 2 of Ping; end;
        rule "send" sent < 3 ==> sent := sent + 1; send net Ping; end;
        """.formatted(flags);
  }

  @Test
  void aLossyNetworkDropsWhatItHasNoRoomForUnlessToldOtherwise() {
    Result lossy = check(load(threePings("lossy")));
    assertEquals(Verdict.HOLDS, lossy.verdict(), () -> lossy.violations().toString());
    // sent 0..3 times number of Pings 0..min(sent, 2): 1 + 2 + 3 + 3
    assertEquals(9, lossy.states());
    Result strict = check(load(threePings("lossy when full: error")));
    assertEquals(Verdict.VIOLATED, strict.verdict());
    assertTrue(strict.violations().get(0).message().contains("network 'net' is full (capacity 2): cannot send Ping"),
        strict.violations().get(0).message());
  }

  @Test
  void aReliableNetworkFailsWhenFullUnlessToldToDrop() {
    Result reliable = check(load(threePings("")));
    assertEquals(Verdict.VIOLATED, reliable.verdict());
    assertEquals(3, reliable.violations().get(0).location().line(), "at the send");
    Result dropping = check(load(threePings("when full: drop")));
    assertEquals(Verdict.HOLDS, dropping.verdict(), () -> dropping.violations().toString());
    assertEquals(4, dropping.states(), "sent 0, 1, 2, 3 with min(sent, 2) Pings");
  }

  @Test
  void anOrderedQueueDropsToo() {
    Result r = check(load("""
        type Node: scalarset(2);
        var sent: 0 .. 3 := 0;
        network ch: ordered [Node] capacity 1 when full: drop of Ping; end;
        ruleset s: Node; r: Node do
          rule "send" sent < 3 ==> sent := sent + 1; send ch Ping from s to r; end;
        end;
        invariant "a queue holds at most one" forall s: Node do forall r: Node do count(ch, s, r) <= 1 end end;
        """));
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
  }

  @Test
  void fullAndCountAskTheNetwork() {
    Result r = check(load("""
        var sent: 0 .. 5 := 0;
        network net: unordered capacity 2 of Ping; end;
        rule "send" sent < 5 & !full(net) ==> sent := sent + 1; send net Ping; end;
        receive net Ping ==> end;
        invariant "count is the messages in transit" count(net) <= 2 & (full(net) = (count(net) = 2));
        """));
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
    Result broken = check(load("""
        var sent: 0 .. 5 := 0;
        network net: unordered capacity 2 of Ping; end;
        rule "send" sent < 5 & !full(net) ==> sent := sent + 1; send net Ping; end;
        invariant "never two in transit" count(net) < 2;
        """));
    assertEquals(Verdict.VIOLATED, broken.verdict());
    assertEquals(3, broken.violations().get(0).trace().size(), "start, then two sends");
  }

  @Test
  void aModelsOwnFullAndCountKeepTheirMeaning() {
    Result r = check(load("""
        var count: 0 .. 3 := 0; full: boolean := false;
        function inflight(a: 0 .. 3; b: 0 .. 3): 0 .. 3; begin return a; end;
        network net: unordered capacity 2 of Ping; end;
        rule "step" count < 3 ==> count := inflight(count + 1, 0); full := count = 3; end;
        invariant "own names" full = (count = 3) & count(net) = 0;
        """));
    assertEquals(Verdict.HOLDS, r.verdict(), () -> r.violations().toString());
    assertEquals(4, r.states());
  }
}
