package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import io.ballot.dsl.corpus.CorpusModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Diagnostics as you type are the command line's: for every file of dsl's negative validation suite and every
 * corpus model Rumur rejects, the server publishes exactly the diagnostics {@code ballot validate} prints (same
 * message, severity, line and column), each at the range of the offending text.
 */
class DiagnosticsTest {
  private static LspSession session;
  private static final FrontEnd FRONT_END = new FrontEnd();

  @BeforeAll
  static void start() throws Exception {
    session = new LspSession();
  }

  @AfterAll
  static void stop() throws Exception {
    session.close();
  }

  @Test
  void undeclaredNameIsReportedAtTheName() throws Exception {
    Path file = Path.of("../dsl/src/test/resources/validation/negative/scope-undeclared-variable.m");
    String text = Files.readString(file);
    String uri = session.open("undeclared.m", text);
    PublishDiagnosticsParams p = session.diagnostics(uri, d -> true);
    assertEquals(1, p.getDiagnostics().size(), p.toString());
    Diagnostic d = p.getDiagnostics().get(0);
    assertEquals(DiagnosticSeverity.Error, d.getSeverity());
    // "  x := y;" on line 7: the range is exactly the 'y'.
    assertEquals(6, d.getRange().getStart().getLine());
    assertEquals(7, d.getRange().getStart().getCharacter());
    assertEquals(6, d.getRange().getEnd().getLine());
    assertEquals(8, d.getRange().getEnd().getCharacter());
    assertEquals(FRONT_END.load("x.m", text).diagnostics().get(0).message(), d.getMessage());
  }

  @TestFactory
  Stream<DynamicTest> negativeValidationFilesGiveTheCommandLinesDiagnostics() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("../dsl/src/test/resources/validation/negative"))) {
      List<Path> list = files.filter(f -> f.toString().endsWith(".m")).sorted().toList();
      assertFalse(list.isEmpty());
      return list.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> same(f, "negative")));
    }
  }

  @TestFactory
  Stream<DynamicTest> rejectedCorpusModelsGiveTheCommandLinesDiagnostics() throws Exception {
    CorpusModel.requireCorpus("editor diagnostics over the corpus");
    List<CorpusModel> rejected = CorpusModel.all().stream()
        .filter(m -> "1".equals(m.header().get("rumur_exit_code")))
        .toList();
    assertFalse(rejected.isEmpty());
    return rejected.stream().map(m -> DynamicTest.dynamicTest(m.path().getFileName().toString(), () -> same(m.path(), "corpus")));
  }

  /** The server's diagnostics for {@code file} are the front end's, one for one. */
  private static void same(Path file, String folder) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    LoadResult expected = FRONT_END.load(file.getFileName().toString(), text);
    String uri = session.open(folder + "/" + file.getFileName(), text);
    PublishDiagnosticsParams published = session.diagnostics(uri, d -> true);
    List<String> want = expected.diagnostics().stream()
        .map(d -> (d.line() - 1) + ":" + (d.column() - 1) + " " + (d.severity() == Severity.ERROR ? "Error" : "Warning")
            + " " + d.message())
        .sorted()
        .toList();
    List<String> got = published.getDiagnostics().stream()
        .map(d -> d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + " "
            + d.getSeverity() + " " + d.getMessage())
        .sorted()
        .toList();
    assertEquals(want, got, file.toString());
  }
}
