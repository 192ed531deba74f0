package io.ballot.examples.twophase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.replay.ReplayResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example system against TwoPhase.m: hundreds of randomised runs of the correct system, under message loss,
 * delay and crash-restart, replay as accepted; the system with the bug planted is rejected at the TM's commit
 * that lacked votes, and only there.
 */
class TwoPhaseReplayTest {
  /** The line of TwoPhase.m's TMCommit conjunct {@code forall rm: RM do tmPrepared[rm] end}. */
  private static final int TMCOMMIT_ALL_PREPARED_LINE = 63;

  private static ReplayHarness harness;

  @TempDir Path dir;

  @BeforeAll
  static void loadModel() throws Exception {
    harness = new ReplayHarness(ReplayHarness.TWO_PHASE);
  }

  /** Harsh faults: a third of the messages lost and a 10 ms vote timeout, so timeouts are common. */
  private static final Faults HARSH = new Faults(0.3, 3000, 0.1, 0.1, 0.05, false);

  private static RunSettings settings(int run) {
    RunSettings s = RunSettings.defaults();
    if (run % 2 == 1) {
      s = s.withFaults(HARSH).withVoteTimeout(10);
    }
    return s.withLogs(run % 3 == 2, run % 5 == 4);
  }

  @Test
  void runsOfTheCorrectSystemWithFaultsAreAccepted() throws Exception {
    int runs = 300;
    int commits = 0;
    int aborts = 0;
    int recoveries = 0;
    int tmRecoveries = 0;
    long events = 0;
    for (int i = 0; i < runs; i++) {
      int run = i;
      Path runDir = dir.resolve("ok" + run);
      List<Path> logs = new Cluster(settings(run)).run(run, runDir);
      ReplayResult r = harness.replay(logs);
      String all = read(logs);
      assertEquals(ReplayResult.Verdict.ACCEPTED, r.verdict(),
          () -> "run " + run + " (" + settings(run) + ") rejected: " + r.rejection() + "\n" + all);
      commits += all.contains("\"tx.committed\"") ? 1 : 0;
      aborts += all.contains("\"tx.aborted\"") ? 1 : 0;
      recoveries += count(all, "\"recovered\"");
      tmRecoveries += count(all, "\"recovered\":\"tm\"");
      events += r.events();
    }
    // The runs exercised what the test claims: both outcomes, crashes and restarts, and real logs. (Bounds loose
    // enough for a loaded machine, where more TMs time out: 93 commits, 207 aborts and 344 recoveries in the 300
    // runs with a load average of 19 on 2 cores.)
    assertTrue(commits >= runs / 20 && aborts >= runs / 20, "commits " + commits + ", aborts " + aborts);
    assertTrue(recoveries > 10, "recoveries after a crash: " + recoveries);
    assertTrue(tmRecoveries > 3, "the transaction manager's recoveries after a crash: " + tmRecoveries);
    assertTrue(events > 10L * runs, "events: " + events);
  }

  @Test
  void theBuggedSystemIsRejectedAtItsCommitWithoutAllVotes() throws Exception {
    int bugged = 0;
    for (int i = 0; i < 60 && bugged < 5; i++) {
      int run = i;
      RunSettings s = RunSettings.defaults().withFaults(HARSH.withBug(true)).withVoteTimeout(10)
          .withLogs(false, false);
      List<Path> logs = new Cluster(s).run(1000 + run, dir.resolve("bug" + run));
      int bugLine = commitWithoutAllVotes(logs.get(0));
      ReplayResult r = harness.replay(logs);
      if (bugLine == 0) {
        assertEquals(ReplayResult.Verdict.ACCEPTED, r.verdict(), () -> "run " + run + ": " + r.rejection());
        continue;
      }
      bugged++;
      assertEquals(ReplayResult.Verdict.REJECTED, r.verdict(), "run " + run + " committed on a timeout");
      assertNotNull(r.rejection());
      assertEquals(logs.get(0).toString(), r.rejection().event().source(), "run " + run);
      assertEquals(bugLine, r.rejection().event().line(), "run " + run);
      assertEquals("TMCommit", r.rejection().event().step().describe(), "run " + run);
      assertTrue(r.rejection().reasons().stream().anyMatch(x -> x.text().startsWith("the guard's conjunct")
          && x.location().line() == TMCOMMIT_ALL_PREPARED_LINE), () -> "run " + run + ": " + r.rejection().reasons());
    }
    assertTrue(bugged >= 5, "the bug showed in " + bugged + " of 60 runs");
  }

  /** The line of the TM's commit decided while some vote was missing (read from the system's log), or 0. */
  private static int commitWithoutAllVotes(Path tmLog) throws IOException {
    List<String> lines = Files.readAllLines(tmLog);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"tx.committed\"") && lines.get(i).contains(":false")) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String read(List<Path> logs) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Path p : logs) {
      b.append("== ").append(p).append('\n').append(Files.readString(p));
    }
    return b.toString();
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
