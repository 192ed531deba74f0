package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.SoundnessFailure;
import io.ballot.dsl.api.LoadResult;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: version, help, usage errors, internal errors. Uses a fake front end. */
class MainTest {

  private static final Function<Path, LoadResult> UNUSED =
      file -> {
        throw new AssertionError("the front end should not be used");
      };

  @Test
  void version() {
    Cli r = Cli.run(UNUSED, "--version");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(r.out().matches("ballot \\d+\\.\\d+\\.\\d+\\S*\n"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void helpListsCommandsAndExitCodes() {
    Cli r = Cli.run(UNUSED, "--help");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Usage: ballot"), r::toString);
    assertTrue(r.out().contains("validate"), r::toString);
    assertTrue(r.out().contains("format"), r::toString);
    assertTrue(r.out().contains("Exit codes:"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void aSoundnessFailureIsExit5AndNeverAnInternalError() {
    Cli r =
        Cli.run(
            file -> {
              throw new SoundnessFailure("replaying the counterexample failed at step 2");
            },
            "check",
            "m.m");
    assertEquals(ExitCodes.SOUNDNESS_FAILURE, r.exitCode(), r::toString);
    assertEquals("ballot: soundness failure: replaying the counterexample failed at step 2\n", r.err());
    assertEquals("", r.out(), "no counterexample is printed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "format"})
  void subcommandHelp(String command) {
    Cli r = Cli.run(UNUSED, command, "--help");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(r.out().startsWith("Usage: ballot " + command), r::toString);
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    Cli r = Cli.run(UNUSED, "--bogus");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertEquals("ballot: Unknown option: '--bogus'\nrun 'ballot --help' for usage\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownSubcommandOptionNamesTheSubcommandInTheHint() {
    Cli r = Cli.run(UNUSED, "validate", "--bogus", "m.m");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Unknown option: '--bogus'"), r::toString);
    assertTrue(r.err().endsWith("run 'ballot validate --help' for usage\n"), r::toString);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
  }

  @Test
  void missingModelIsAUsageError() {
    Cli r = Cli.run(UNUSED, "validate");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Missing required parameter: 'MODEL'"), r::toString);
  }

  @Test
  void noCommandIsAUsageError() {
    Cli r = Cli.run(UNUSED);
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: missing command (one of: validate, format"), r::toString);
    assertTrue(r.err().contains("run 'ballot --help'"), r::toString);
  }

  @Test
  void misspelledCommandGetsASuggestion() {
    Cli r = Cli.run(UNUSED, "valdate", "m.m");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("Did you mean: ballot validate"), r::toString);
  }

  @Test
  void internalErrorIsOneLineAndAHint() {
    Cli r =
        Cli.run(
            file -> {
              throw new IllegalStateException("boom");
            },
            "validate",
            "m.m");
    assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode(), r::toString);
    assertEquals(
        "ballot: internal error: IllegalStateException: boom\n"
            + "(run with --debug for the stack trace; please report this)\n",
        r.err());
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void debugPrintsTheStackTraceWhereverItIsGiven(boolean beforeCommand) {
    Function<Path, LoadResult> failing =
        file -> {
          throw new IllegalStateException("boom");
        };
    Cli r =
        beforeCommand
            ? Cli.run(failing, "--debug", "validate", "m.m")
            : Cli.run(failing, "validate", "m.m", "--debug");
    assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: internal error: IllegalStateException: boom\n"), r::toString);
    assertTrue(r.err().contains("java.lang.IllegalStateException: boom\n\tat "), r::toString);
    assertFalse(r.err().contains("please report"), r::toString);
  }

  @Test
  void failingToCreateTheFrontEndIsAnInternalError() {
    Cli r =
        Cli.run(
            () -> {
              throw new IllegalStateException("no injector");
            },
            "validate",
            "m.m");
    assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: internal error: IllegalStateException: no injector\n"), r::toString);
  }

  @Test
  void stackOverflowIsAResourceLimit() {
    Cli r =
        Cli.run(
            file -> {
              throw new StackOverflowError();
            },
            "validate",
            "m.m");
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: resource limit: the JVM ran out of stack space\n"), r::toString);
    assertTrue(r.err().contains("BALLOT_JAVA_OPTS"), r::toString);
  }

  @Test
  void outOfMemoryIsAResourceLimit() {
    Cli r =
        Cli.run(
            file -> {
              throw new OutOfMemoryError("Java heap space");
            },
            "validate",
            "m.m");
    assertEquals(ExitCodes.RESOURCE_LIMIT, r.exitCode(), r::toString);
    assertTrue(r.err().startsWith("ballot: resource limit: the JVM ran out of memory\n"), r::toString);
  }

  @Test
  void frontEndIsNotCreatedForHelpOrVersion() {
    Cli r =
        Cli.run(
            () -> {
              throw new AssertionError("created");
            },
            "--version");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
  }
}
