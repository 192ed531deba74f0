package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballot.cli.report.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ballot check} end to end in-process: the real front end and checker on tiny models. */
class CheckCommandTest {

  /** Exactly 4 states: x = 0, 1, 2, 3, in a cycle. */
  static final String COUNTER =
      """
      var x: 0..3;
      startstate begin x := 0 end;
      rule x < 3 ==> begin x := x + 1 end;
      rule x = 3 ==> begin x := 0 end;
      """;

  /** The invariant fails at x = 3: the shortest trace is the start state and three "inc" steps. */
  static final String INVARIANT =
      """
      var x: 0..5; y: boolean;
      startstate begin x := 0; y := false end;
      rule "inc" x < 5 ==> begin x := x + 1 end;
      rule "flip" true ==> begin y := !y end;
      invariant "small" x < 3;
      cover "y set" y;
      """;

  static final String ERROR =
      """
      var x: 0..3;
      startstate begin x := 0 end;
      rule "step" true ==> begin if x = 2 then error "two is bad" end; x := (x + 1) % 4 end;
      """;

  /** x = 2 has no enabled rule. */
  static final String DEADLOCK =
      """
      var x: 0..2;
      startstate begin x := 0 end;
      rule "up" x < 2 ==> begin x := x + 1 end;
      """;

  static final String COVER =
      """
      var x: boolean; y: boolean;
      startstate begin x := false; y := false end;
      rule "toggle" true ==> begin y := !y end;
      cover "x was true" x;
      cover "y was true" y;
      """;

  static final String LIVENESS =
      """
      var x: 0..3;
      startstate begin x := 0 end;
      rule "up" x < 2 ==> begin x := x + 1 end;
      rule "down" x > 0 ==> begin x := x - 1 end;
      liveness "x reaches 3" x = 3;
      """;

  /** Three counters, 0..7 each, every one free to move: 8^3 = 512 states. */
  static final String CUBE =
      """
      const N: 2;
      type idx: 0..N;
      var c: array [idx] of 0..7;
      startstate begin for i: idx do c[i] := 0 end end;
      ruleset i: idx do
        rule "inc" c[i] < 7 ==> begin c[i] := c[i] + 1 end;
        rule "reset" c[i] = 7 ==> begin c[i] := 0 end;
      end;
      invariant "bounded" forall i: idx do c[i] <= 7 end;
      """;

  /** A million nested calls: more than any default thread stack holds. */
  static final String DEEP =
      """
      var x: 0..1;
      function f(n: 0..1000000): 0..1000000;
      begin
        if n = 0 then return 0; else return f(n - 1); end;
      end;
      startstate begin x := 0 end;
      rule true ==> begin if f(1000000) = 0 then x := 1 - x; end end;
      """;

  /** Three interchangeable processes with a lock that remembers its holder; a liveness per process. */
  static final String SYMMETRIC =
      """
      type pid: scalarset(3);
      var want: array [pid] of boolean; holder: pid;
      startstate begin for p: pid do want[p] := false end; undefine holder; end;
      ruleset p: pid do
        rule "ask" !want[p] ==> begin want[p] := true end;
        rule "take" want[p] & isundefined(holder) ==> begin holder := p end;
        rule "give" !isundefined(holder) & holder = p ==> begin want[p] := false; undefine holder end;
      end;
      invariant "holder wants" isundefined(holder) | want[holder];
      """;

  @TempDir static Path dir;

  @BeforeAll
  static void writeModels() throws IOException {
    write("counter.m", COUNTER);
    write("invariant.m", INVARIANT);
    write("error.m", ERROR);
    write("deadlock.m", DEADLOCK);
    write("cover.m", COVER);
    write("liveness.m", LIVENESS);
    write("two-covers.m", COVER + "cover \"never\" x & y;\n");
    write("cube.m", CUBE);
    write("deep.m", DEEP);
    write("symmetric.m", SYMMETRIC);
    write("symmetric-liveness.m",
        SYMMETRIC + "ruleset p: pid do liveness \"gets it\" !isundefined(holder) & holder = p end;\n");
    write("symmetric-bug.m", SYMMETRIC + "invariant \"nobody holds\" isundefined(holder);\n");
    write("bad.m", "var x: boolean;\nstartstate begin x := 3 end;\n");
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String model(String name) {
    return dir.resolve(name).toString();
  }

  private static Cli check(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(all);
  }

  private static long states(Cli r) {
    Matcher m = Pattern.compile("(?m)^States: (\\d+) ").matcher(r.out());
    assertTrue(m.find(), r::toString);
    return Long.parseLong(m.group(1));
  }

  @Test
  void holdingModel() {
    Cli r = check(model("counter.m"));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("Checking " + model("counter.m") + " with "), r::toString);
    assertTrue(r.out().contains("\nResult: all properties hold.\n"), r::toString);
    assertEquals(4, states(r), r::toString);
    assertTrue(r.out().matches("(?s).*States: 4  Rules fired: 4  Depth: 3  Time: \\S+ s  \\(\\d+ states/s\\)\n"),
        r::toString);
    assertEquals("", r.err());
  }

  @Test
  void invariantViolationGivesTheShortestTrace() {
    Cli r = check(model("invariant.m"));
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Violation: invariant \"small\" at " + model("invariant.m") + ":5:1\n"), r::toString);
    assertTrue(r.out().contains("Result: invariant \"small\" violated.\n"), r::toString);
    assertTrue(r.out().contains("Step 1: Startstate 1\n  x: 0\n  y: false\nStep 2: inc\n  x: 1\n"), r::toString);
    assertTrue(r.out().contains("Step 4: inc\n  x: 3\nEnd of the counterexample (4 steps).\n"), r::toString);
    assertFalse(r.out().contains("Step 5"), r::toString);
    assertTrue(r.out().contains("cover \"y set\" hit "), r::toString);
  }

  @Test
  void theInterpreterGivesTheSameTraceAndABadEngineIsAUsageError() {
    Cli compiled = check(model("invariant.m"));
    Cli interpreted = check("--engine", "interpreted", model("invariant.m"));
    assertEquals(ExitCodes.INVARIANT_VIOLATED, interpreted.exitCode(), interpreted::toString);
    // from after the start line, whose default memory figure is a share of the heap free at the start of each run
    String trace = compiled.out().substring(compiled.out().indexOf('\n'), compiled.out().indexOf("States:"));
    assertEquals(trace,
        interpreted.out().substring(interpreted.out().indexOf('\n'), interpreted.out().indexOf("States:")));
    Cli bad = check("--engine", "jit", model("invariant.m"));
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
    assertTrue(bad.err().contains("--engine"), bad::toString);
  }

  @Test
  void errorStatementIsAnAssertionFailure() {
    Cli r = check(model("error.m"));
    assertEquals(ExitCodes.ASSERTION_FAILED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("two is bad"), r::toString);
    assertTrue(r.out().contains("End of the counterexample (3 steps)."), r::toString);
  }

  @Test
  void deadlock() {
    Cli r = check(model("deadlock.m"));
    assertEquals(ExitCodes.DEADLOCK, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Violation: deadlock\n"), r::toString);
    assertTrue(r.out().contains("Result: deadlock.\n(A protocol meant to stop in that state: --deadlock-detection off"
        + " or stuck, or a line '-- ballot: deadlock-detection off' in the model.)\n"), r::toString);
    assertTrue(r.out().contains("End of the counterexample (3 steps)."), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--deadlock-detection=off", "--deadlock-detection off"})
  void deadlockDetectionOff(String option) {
    List<String> args = new ArrayList<>(List.of(option.split(" ")));
    args.add(model("deadlock.m"));
    Cli r = check(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals(3, states(r));
  }

  @Test
  void deadlockDetectionRejectsAnUnknownMode() {
    Cli r = check("--deadlock-detection", "sometimes", model("deadlock.m"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("--deadlock-detection: 'sometimes' (expected one of off, stuck or stuttering)"),
        r::toString);
  }

  @Test
  void coverNeverHit() {
    Cli r = check(model("cover.m"));
    assertEquals(ExitCodes.COVER_NOT_REACHED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Result: cover \"x was true\" not hit.\n"), r::toString);
    assertTrue(r.out().contains("\ncover \"x was true\" not hit\n"), r::toString);
    assertTrue(r.out().contains("\ncover \"y was true\" hit 1 times\n"), r::toString);
  }

  @Test
  void livenessViolation() {
    Cli r = check(model("liveness.m"));
    assertEquals(ExitCodes.LIVENESS_VIOLATED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Result: liveness property \"x reaches 3\" violated.\n"), r::toString);
  }

  @Test
  void rejectedModelExits3LikeValidate() {
    Cli r = check(model("bad.m"));
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(model("bad.m") + ":2:"), r::toString);
  }

  @Test
  void missingModelExits3() {
    Cli r = check(model("missing.m"));
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"foobar", "-1", "1.5", ""})
  void invalidBoundIsAUsageError(String bound) {
    Cli r = check("--bound", bound, model("counter.m"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(
        r.err().startsWith(
            "ballot: invalid value for --bound: '" + bound + "' (expected an integer from 0 to 2147483647)\n"),
        r::toString);
    assertEquals("", r.out());
  }

  @Test
  void boundLimitsTheDepth() {
    Cli r = check("--bound", "2", "--deadlock-detection", "off", model("counter.m"));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals(3, states(r), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--max-errors=0", "--threads=-1", "--memory=lots", "--time-limit=-3", "--threads=x"})
  void otherInvalidValuesAreUsageErrors(String option) {
    Cli r = check(option, model("counter.m"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: invalid value for " + option.substring(0, option.indexOf('='))),
        r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"512M", "1G", "100K", "1048576", "200mib", "0"})
  void memorySizes(String size) {
    Cli r = check("--memory", size, model("counter.m"));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
  }

  @Test
  void memoryLimitStopsTheRunWithExit4() {
    Cli r = check("--memory", "1", model("cube.m"));
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.err().contains("ballot: stopped: "), r::toString);
    assertTrue(r.err().contains(" states, "), r::toString);
    assertTrue(r.out().contains("Result: incomplete (stopped: "), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2"})
  void stackOverflowOnAnyThreadIsAResourceLimit(String threads) {
    Cli r = check("--threads", threads, model("deep.m"));
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: resource limit: the JVM ran out of stack space\n"), r::toString);
  }

  @Test
  void maxErrorsReportsSeveralViolations() {
    Cli one = check(model("two-covers.m"));
    assertEquals(ExitCodes.COVER_NOT_REACHED, one.exitCode(), one::toString);
    assertTrue(one.out().contains("\nViolation: cover \"x was true\""), one::toString);
    assertFalse(one.out().contains("\"never\" at"), one::toString);
    Cli two = check("--max-errors", "2", "--threads", "1", model("two-covers.m"));
    assertEquals(ExitCodes.COVER_NOT_REACHED, two.exitCode(), two::toString);
    assertTrue(two.out().contains("\nViolation 1 of 2: cover \"x was true\""), two::toString);
    assertTrue(two.out().contains("\nViolation 2 of 2: cover \"never\""), two::toString);
    assertTrue(two.out().contains("Result: cover \"x was true\" not hit (and 1 more violation).\n"), two::toString);
  }

  @Test
  void jsonFile() throws IOException {
    Path json = dir.resolve("invariant.json");
    Cli r = check("--counterexample-trace", "off", "--json", json.toString(), model("invariant.m"));
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Result: invariant \"small\" violated."), r::toString);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of("version", "formatVersion", "model", "verdict", "states", "rulesFired", "depth", "seconds",
            "stopReason", "complete", "memory", "symmetry", "covers", "rules", "deadRules", "violations", "modelInfo"),
        fields);
    assertEquals("", Schemas.problems(Schemas.result(), root)); // modelInfo and the lines included
    assertEquals("off", root.get("symmetry").get("mode").asText()); // nothing to reduce in this model
    assertEquals(VersionProvider.version(), root.get("version").asText());
    assertEquals(model("invariant.m"), root.get("model").asText());
    assertEquals("violated", root.get("verdict").asText());
    assertTrue(root.get("states").isIntegralNumber());
    assertTrue(root.get("rulesFired").isIntegralNumber());
    assertTrue(root.get("depth").isIntegralNumber());
    assertTrue(root.get("seconds").isNumber());
    assertTrue(root.get("stopReason").isNull());
    // x: 0..5 or undefined in 3 bits, y: false, true or undefined in 2
    assertEquals(5, root.get("memory").get("stateBits").asInt(), root.get("memory")::toString);
    JsonNode cover = root.get("covers").get(0);
    assertEquals("y set", cover.get("property").asText());
    assertEquals(model("invariant.m") + ":6:1", cover.get("location").asText());
    assertTrue(cover.get("hits").asLong() > 0);
    assertEquals(1, root.get("violations").size());
    JsonNode v = root.get("violations").get(0);
    assertEquals("invariant", v.get("kind").asText());
    assertEquals("small", v.get("property").asText());
    assertEquals(model("invariant.m") + ":5:1", v.get("location").asText());
    assertTrue(v.get("message").asText().contains("small"));
    JsonNode trace = v.get("trace");
    assertEquals(4, trace.size());
    assertEquals("Startstate 1", trace.get(0).get("rule").asText());
    assertEquals("inc", trace.get(3).get("rule").asText());
    assertTrue(trace.get(3).get("parameters").isArray());
    // the full state at every step, in declaration order, whatever --counterexample-trace says
    JsonNode state = trace.get(3).get("state");
    Iterator<String> names = state.fieldNames();
    assertEquals("x", names.next());
    assertEquals("y", names.next());
    assertFalse(names.hasNext());
    assertEquals("3", state.get("x").asText());
    assertEquals("false", state.get("y").asText());
  }

  @Test
  void jsonOnStdoutReplacesTheTextReport() throws IOException {
    Cli r = check("--json", "-", model("counter.m"));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("holds", root.get("verdict").asText());
    assertEquals(4, root.get("states").asLong());
    assertEquals(0, root.get("violations").size());
    assertFalse(r.out().contains("Checking"), r::toString);
  }

  @Test
  void jsonIntoAMissingDirectoryIsAUsageError() {
    Cli r = check("--json", dir.resolve("no/such/dir/r.json").toString(), model("counter.m"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("cannot write --json file"), r::toString);
  }

  @Test
  void counterexampleTraceModes() {
    Cli diff = check(model("invariant.m"));
    Cli full = check("--counterexample-trace", "full", model("invariant.m"));
    Cli off = check("--counterexample-trace=off", model("invariant.m"));
    for (Cli r : List.of(diff, full, off)) {
      assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
      assertTrue(r.out().contains("Violation: invariant \"small\""), r::toString);
    }
    // diff: the first state in full, then only what changed
    assertTrue(diff.out().contains("Step 2: inc\n  x: 1\nStep 3: inc\n  x: 2\n"), diff::toString);
    // full: every variable at every step
    assertTrue(full.out().contains("Step 2: inc\n  x: 1\n  y: false\nStep 3: inc\n  x: 2\n  y: false\n"),
        full::toString);
    // off: the header only
    assertFalse(off.out().contains("Step 1"), off::toString);
    assertFalse(off.out().contains("End of the counterexample"), off::toString);
    assertTrue(off.out().contains("  invariant \"small\" failed\n"), off::toString);
  }

  @Test
  void symmetryReductionIsHeuristicByDefaultAndExactWhenAsked() {
    // off: 2^3 want vectors times 4 holders, of which the reachable ones; reduced: one state per orbit
    Cli off = check("--symmetry-reduction=off", model("symmetric.m"));
    Cli heuristic = check(model("symmetric.m"));
    Cli exhaustive = check("--symmetry-reduction", "exhaustive", model("symmetric.m"));
    assertEquals(ExitCodes.OK, off.exitCode(), off::toString);
    assertEquals("", heuristic.err());
    assertTrue(heuristic.out().contains(", symmetry reduction heuristic over pid, memory "), heuristic::toString);
    assertTrue(exhaustive.out().contains(", symmetry reduction exhaustive over pid, memory "), exhaustive::toString);
    assertFalse(off.out().contains("symmetry"), off::toString);
    Cli json = check("--json=-", "--symmetry-reduction=exhaustive", model("symmetric.m"));
    assertTrue(json.out().contains("\"symmetry\" : {\n    \"mode\" : \"exhaustive\",\n    \"over\" : [ \"pid\" ]\n  }"),
        json::toString);
    assertEquals(20, states(off)); // 8 want vectors with no holder, 12 with one of the wanting holding it
    assertEquals(7, states(exhaustive)); // orbits: 4 with no holder (0..3 wanting), 3 with a holder (1..3 wanting)
    assertEquals(7, states(heuristic));
    assertEquals(4, states(check("--symmetry-reduction=heuristic", model("counter.m"))));
    assertEquals(ExitCodes.USAGE, check("--symmetry-reduction=total", model("counter.m")).exitCode());
  }

  @Test
  void aCounterexampleUnderSymmetryIsConcrete() {
    Cli r = check("--counterexample-trace=full", model("symmetric-bug.m"));
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    // ask then take, by the same process: a real run, whatever process the reduced state graph kept
    assertTrue(r.out().matches("(?s).*Step 2: ask, p: (pid_\\d).*Step 3: take, p: \\1\n.*holder: \\1\n.*"),
        r::toString);
  }

  @Test
  void aLivenessPropertyPerProcessTurnsSymmetryOff() {
    Cli r = check(model("symmetric-liveness.m"));
    assertTrue(r.err().contains("symmetry reduction is off for this run: liveness property \"gets it\""),
        r::toString);
    assertEquals(20, states(r));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--value-type int8_t",
        "--value-type=int8_t",
        "--scalarset-schedules off",
        "--sandbox on",
        "--pack-state off",
        "--reorder-fields=on",
        "--pointer-bits 48",
        "--colour off",
        "--output-format machine-readable",
        "--trace all",
        "--set-capacity 1024",
        "--set-expand-threshold 80",
        "--output x.c"
      })
  void codeGenerationOptionsWarnAndRun(String option) {
    List<String> args = new ArrayList<>(List.of(option.split(" ")));
    args.add(model("counter.m"));
    Cli r = check(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    String name = option.split("[ =]")[0];
    assertEquals("ballot: warning: " + name + " only concerns the C code Rumur generates; ignored\n", r.err());
    assertEquals(4, states(r));
  }

  @Test
  void threadCountDoesNotChangeTheStateCount() {
    Cli one = check("--threads", "1", model("cube.m"));
    Cli two = check("-t", "2", model("cube.m"));
    Cli four = check("--threads=4", model("cube.m"));
    assertEquals(ExitCodes.OK, one.exitCode(), one::toString);
    assertEquals(ExitCodes.OK, two.exitCode(), two::toString);
    assertEquals(ExitCodes.OK, four.exitCode(), four::toString);
    assertEquals(512, states(one), one::toString);
    assertEquals(states(one), states(two));
    assertEquals(states(one), states(four));
    assertTrue(one.out().startsWith("Checking " + model("cube.m") + " with 1 thread, memory "), one::toString);
    assertTrue(two.out().startsWith("Checking " + model("cube.m") + " with 2 threads, memory "), two::toString);
  }

  @Test
  void timeLimitZeroMeansNone() {
    Cli r = check("--time-limit", "0", model("counter.m"));
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
  }

  @Test
  void noProgressLineWhenNotATerminal() {
    Cli r = check(model("cube.m"));
    assertFalse(r.err().contains("\r"), r::toString);
  }

  @Test
  void helpListsTheOptions() {
    // picocli reports a description it cannot format (a lone '%') on the JVM's stderr, not the command's
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    Cli r;
    try {
      System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      r = Cli.run("check", "--help");
    } finally {
      System.setErr(stderr);
    }
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
    for (String option :
        List.of("--threads", "--memory", "--deadlock-detection", "--bound", "--max-errors",
            "--counterexample-trace", "--symmetry-reduction", "--time-limit", "--json", "--value-type",
            "--hash-compaction", "--compact-states")) {
      assertTrue(r.out().contains(option), option);
    }
    Cli top = Cli.run("--help");
    assertTrue(top.out().contains("  check "), top::toString);
  }
}
