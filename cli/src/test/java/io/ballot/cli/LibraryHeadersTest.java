package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.dsl.settings.ModelHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every library model carries the options its manifest rows need in its own header, so that a bare
 * {@code ballot check MODEL.m} (default symmetry reduction, heuristic) reproduces its manifest row: the small models
 * are checked so (TwoPhase, TCommit, their bugged variants and extension twins); for every model, the header's
 * deadlock mode is the manifest's flags column.
 */
class LibraryHeadersTest {
  private static final Path PROTOCOLS = Path.of("../protocols");
  private static final List<String> SMALL = List.of("models/two-phase/", "models/tcommit/");

  @TestFactory
  Stream<DynamicTest> everyHeaderHasTheManifestsDeadlockMode() throws IOException {
    List<ProtocolManifest.Row> rows = ProtocolManifest.read(PROTOCOLS.resolve("manifest.tsv")).rows();
    assertTrue(rows.size() >= 60, "the manifest's rows");
    return rows.stream().filter(r -> r.symmetry() == CheckOptions.Symmetry.HEURISTIC)
        .map(r -> DynamicTest.dynamicTest(r.model(), () -> {
          ModelHeader h = ModelHeader.read(PROTOCOLS.resolve(r.model()));
          assertEquals(List.of(), h.errors(), r.model());
          assertEquals(r.deadlock().name().toLowerCase(Locale.ROOT), h.settings().get("deadlock-detection"),
              r.model());
        }));
  }

  @TestFactory
  Stream<DynamicTest> smallModelsCheckBareToTheirManifestRow() throws IOException {
    List<ProtocolManifest.Row> rows = ProtocolManifest.read(PROTOCOLS.resolve("manifest.tsv")).rows().stream()
        .filter(r -> r.symmetry() == CheckOptions.Symmetry.HEURISTIC)
        .filter(r -> SMALL.stream().anyMatch(r.model()::startsWith))
        .toList();
    assertEquals(8, rows.size(), "TwoPhase, TCommit, a bug of each, and their extension twins");
    return rows.stream().map(r -> DynamicTest.dynamicTest(r.model(), () -> {
      Cli c = Cli.run("check", PROTOCOLS.resolve(r.model()).toString());
      if (r.holds()) {
        assertEquals(ExitCodes.OK, c.exitCode(), c::toString);
        assertTrue(c.out().contains("States: " + r.states() + "  "), c::toString);
        assertTrue(c.out().contains("Depth: " + r.depth() + "  "), c::toString);
      } else {
        assertEquals(ExitCodes.INVARIANT_VIOLATED, c.exitCode(), c::toString);
        assertTrue(c.out().contains("Result: invariant \"" + r.property() + "\" violated."), c::toString);
        assertTrue(c.out().contains("End of the counterexample (" + r.traceSteps() + " steps)."), c::toString);
      }
    }));
  }
}
