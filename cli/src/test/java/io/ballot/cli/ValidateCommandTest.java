package io.ballot.cli;

import static io.ballot.cli.Cli.accepted;
import static io.ballot.cli.Cli.error;
import static io.ballot.cli.Cli.rejected;
import static io.ballot.cli.Cli.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ballot.dsl.api.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code ballot validate} against a fake front end. */
class ValidateCommandTest {

  private static final Path GOOD = Path.of("good.m");
  private static final Path WARN = Path.of("warn.m");
  private static final Path BAD = Path.of("bad.m");

  private static final Function<Path, LoadResult> FRONT_END =
      file ->
          switch (file.toString()) {
            case "good.m" -> accepted(file, "var x: boolean;\n");
            case "warn.m" ->
                accepted(file, "var unused: boolean;\n", warning(file, 1, 5, 6, "'unused' is never read"));
            case "bad.m" -> rejected(
                file,
                "var x: boolean;\nx := 1;\n",
                warning(file, 1, 5, 1, "w"),
                error(file, 2, 6, 1, "type mismatch"));
            case "missing.m" -> rejected(file, "", error(file, 0, 0, 0, "cannot read file: no such file"));
            default -> throw new AssertionError(file);
          };

  @Test
  void acceptedModelPrintsNothing() {
    Cli r = Cli.run(FRONT_END, "validate", "good.m");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void warningsDoNotReject() {
    Cli r = Cli.run(FRONT_END, "validate", "warn.m");
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertEquals("", r.out());
    assertEquals("warn.m:1:5: warning: 'unused' is never read\nvar unused: boolean;\n    ^~~~~~\n", r.err());
  }

  @Test
  void quietSuppressesWarnings() {
    Cli r = Cli.run(FRONT_END, "validate", "--quiet", "warn.m", "bad.m");
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals("bad.m:2:6: error: type mismatch\nx := 1;\n     ^\n", r.err());
  }

  @Test
  void verbosePrintsALinePerFile() {
    Cli r = Cli.run(FRONT_END, "validate", "-v", "good.m", "warn.m", "bad.m", "missing.m");
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals(
        "good.m: ok (0 warnings)\n"
            + "warn.m: ok (1 warning)\n"
            + "bad.m: rejected (1 error, 1 warning)\n"
            + "missing.m: rejected (1 error, 0 warnings)\n",
        r.out());
  }

  @Test
  void everyFileIsCheckedAndAnyRejectionGivesExit3() {
    List<Path> seen = new ArrayList<>();
    Cli r =
        Cli.run(
            file -> {
              seen.add(file);
              return FRONT_END.apply(file);
            },
            "validate",
            "bad.m",
            "missing.m",
            "good.m");
    assertEquals(ExitCodes.MODEL_REJECTED, r.exitCode(), r::toString);
    assertEquals(List.of(BAD, Path.of("missing.m"), GOOD), seen);
    assertEquals(
        "bad.m:1:5: warning: w\nvar x: boolean;\n    ^\n"
            + "bad.m:2:6: error: type mismatch\nx := 1;\n     ^\n"
            + "missing.m: error: cannot read file: no such file\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void allAcceptedGivesExit0() {
    Cli r = Cli.run(FRONT_END, "validate", "good.m", WARN.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
  }
}
