package io.ballot.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Validator tests in the Error Prone style: every file under {@code validation/negative} marks each expected
 * error with a comment {@code -- error: <phrase>} on the line above the offending line; the front end must report
 * an error on exactly that line whose message contains the phrase, and no error anywhere else. Every file under
 * {@code validation/positive} must be accepted without errors.
 */
class ValidationFilesTest {
  private static final Path ROOT = Path.of("src/test/resources/validation");
  private static final Pattern MARKER = Pattern.compile("--\\s*error:\\s*(.+?)\\s*$");

  private final FrontEnd frontEnd = new FrontEnd();

  @TestFactory
  Stream<DynamicTest> negativeFilesReportTheMarkedErrors() throws IOException {
    return files("negative").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> checkNegative(f)));
  }

  @TestFactory
  Stream<DynamicTest> positiveFilesAreAccepted() throws IOException {
    return files("positive").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      LoadResult r = frontEnd.load(f);
      assertTrue(!r.hasErrors(), () -> "expected no errors, got:\n" + headlines(r.diagnostics()));
    }));
  }

  private static Stream<Path> files(String dir) throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
      List<Path> list = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
      assertTrue(!list.isEmpty(), "no test files in " + dir);
      return list.stream();
    }
  }

  private record Expected(int line, String phrase) {}

  private void checkNegative(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Expected> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i).strip());
      if (m.matches()) {
        expected.add(new Expected(i + 2, m.group(1))); // 1-based line after the marker
      }
    }
    assertTrue(!expected.isEmpty(), file + " has no '-- error:' marker");
    LoadResult r = frontEnd.load(file);
    List<Diagnostic> errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    for (Expected e : expected) {
      boolean found =
          errors.stream().anyMatch(d -> d.line() == e.line() && d.message().toLowerCase().contains(e.phrase()));
      assertTrue(found, () -> "expected an error containing '" + e.phrase() + "' on line " + e.line()
          + ", got:\n" + headlines(r.diagnostics()));
    }
    List<Diagnostic> unexpected =
        errors.stream().filter(d -> expected.stream().noneMatch(e -> e.line() == d.line())).toList();
    assertEquals("", headlines(unexpected), "errors on lines without a marker");
  }

  private static String headlines(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder();
    ds.forEach(d -> b.append(d.headline()).append('\n'));
    return b.toString();
  }
}
