package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a model's options come from (docs/ci.md): ballot's defaults, then the model's {@code -- ballot:} header,
 * then the project file, then the command line; {@code --const} and its kin; the gate's check of expected
 * properties before any model runs; the wording of covers after a search that stopped.
 */
class ModelSettingsTest {

  /** Counts to N and stops: a deadlock (stuttering or stuck) at x = N unless deadlock detection is off. */
  static final String COUNTER = """
      const N: 3;
      var x: 0 .. 10;
      startstate begin x := 0 end;
      rule "inc" x < N ==> begin x := x + 1 end;
      invariant "small" x <= 5;
      """;

  @TempDir static Path dir;

  @BeforeAll
  static void writeModels() throws IOException {
    write("plain.m", COUNTER);
    write("header.m", "-- A counter that stops.\n-- ballot: deadlock-detection off\n\n" + COUNTER);
    write("big.m", "-- ballot: deadlock-detection off\n-- ballot: const N=7\n" + COUNTER);
    write("bad-header.m", "-- ballot: deadlock-detecton off\n" + COUNTER);
    write("early.m", "-- ballot: deadlock-detection off\n" + COUNTER + "cover \"never\" x > 8;\n"
        + "invariant \"tiny\" x <= 1;\n");
  }

  private static void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String at(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void theHeaderSetsTheOptionsAndTheCommandLineWins() {
    assertEquals(ExitCodes.DEADLOCK, Cli.run("check", at("plain.m")).exitCode());
    Cli header = Cli.run("check", at("header.m"));
    assertEquals(ExitCodes.OK, header.exitCode(), header::toString);
    assertTrue(header.out().contains("States: 4 "), header::toString);
    Cli overridden = Cli.run("check", "--deadlock-detection", "stuck", at("header.m"));
    assertEquals(ExitCodes.DEADLOCK, overridden.exitCode(), overridden::toString);
  }

  @Test
  void aBadHeaderIsAUsageErrorAtItsLine() {
    Cli r = Cli.run("check", at("bad-header.m"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith(at("bad-header.m") + ":1:12: error: unknown setting 'deadlock-detecton' (did you"
        + " mean 'deadlock-detection'?)\n"), r::toString);
    assertEquals("", r.out(), "nothing is checked");
  }

  @Test
  void validateReportsABadHeaderAsAnErrorOfTheModel() {
    Cli r = Cli.run("validate", at("bad-header.m"));
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertTrue(r.err().contains(at("bad-header.m") + ":1:12: error: unknown setting 'deadlock-detecton'"), r::toString);
    assertEquals(ExitCodes.OK, Cli.run("validate", at("header.m")).exitCode());
  }

  @Test
  void constantsFromTheHeaderAndTheCommandLine() {
    Cli header = Cli.run("check", at("big.m"));
    assertEquals(ExitCodes.INVARIANT_VIOLATED, header.exitCode(), "N = 7 lets x pass 5: " + header);
    Cli cli = Cli.run("check", "--const", "N=4", at("big.m"));
    assertEquals(ExitCodes.OK, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("States: 5 "), cli::toString);
    Cli unknown = Cli.run("check", "--const", "n=4", at("big.m"));
    assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown::toString);
    assertEquals("ballot: invalid value for --const n=4: the model has no global constant 'n' (did you mean"
        + " 'N'?)\n", unknown.err());
    Cli wrongType = Cli.run("check", "--const", "N=true", at("big.m"));
    assertEquals(ExitCodes.USAGE, wrongType.exitCode(), wrongType::toString);
    assertTrue(wrongType.err().contains("constant N is an integer: 'true' is not an integer"), wrongType::toString);
    Cli malformed = Cli.run("check", "--const", "N", at("big.m"));
    assertEquals(ExitCodes.USAGE, malformed.exitCode(), malformed::toString);
  }

  @Test
  void theProjectFileSitsBetweenTheHeaderAndTheCommandLine() throws IOException {
    Path yaml = dir.resolve("order.yaml");
    Files.writeString(yaml, """
        models:
          - model: header.m
            expect: holds
          - model: header.m
            expect: violates deadlock
            deadlock-detection: stuck
          - model: big.m
            expect: holds
            const: {N: 5}
        """);
    Cli r = Cli.run("check", yaml.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    Cli forced = Cli.run("check", "--const", "N=6", yaml.toString());
    assertEquals(ExitCodes.EXPECTATION_NOT_MET, forced.exitCode(), "--const wins over the project file: " + forced);
  }

  @Test
  void theGateChecksExpectedPropertiesAndConstantsBeforeAnyModelRuns() throws IOException {
    Path yaml = dir.resolve("typo.yaml");
    Files.writeString(yaml, """
        models:
          - model: header.m
            expect: holds
          - model: big.m
            expect: violates smal
          - model: big.m
            expect: violates small
            const: {M: 5}
        """);
    Cli r = Cli.run("check", yaml.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertEquals("", r.out(), "no model was checked");
    assertEquals(yaml + ":5:13: error: expect: violates smal: big.m has no property 'smal' (did you mean"
        + " 'small'?)\n" + yaml + ":8:16: error: the model has no global constant 'M' (its global constants: N)\n",
        r.err());
  }

  @Test
  void anExpectedViolationIsOneLineInTheLog() throws IOException {
    Path yaml = dir.resolve("bug.yaml");
    Files.writeString(yaml, "models:\n  - model: big.m\n    expect: violates small\n");
    Cli r = Cli.run("check", yaml.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertFalse(r.out().contains("Step 2"), "no counterexample dumped: " + r);
    assertTrue(r.out().contains("invariant \"small\" violated, as expected"), r::toString);
    // no report file was asked for: the line does not send the reader to one
    assertFalse(r.out().contains("report files"), r::toString);
    assertTrue(r.out().contains("as expected ('ballot check " + dir.resolve("big.m") + "' prints its counterexample of "),
        r::toString);
    Cli withReports = Cli.run("check", yaml.toString(), "--junit", dir.resolve("bug.xml").toString());
    assertTrue(withReports.out().contains("as expected (its counterexample of "), withReports::toString);
    assertTrue(withReports.out().contains(" steps is in the report files; 'ballot check " + dir.resolve("big.m")
        + "' prints it)."),
        withReports::toString);
  }

  @Test
  void coversNotHitAfterAViolationWereNotReached() {
    Cli r = Cli.run("check", at("early.m"));
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.exitCode(), r::toString);
    assertTrue(r.out().contains("\ncover \"never\" not reached before the search stopped\n"), r::toString);
    assertFalse(r.out().contains("not hit"), r::toString);
  }
}
