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
 * an error on exactly that line whose message contains the phrase, and no error anywhere else. Warnings are marked
 * the same way with {@code -- warning: <phrase>}, in any file, and no file may have a warning on a line without a
 * marker. A negative file has at least one marker (a warning-only file tests a warning). Every file under
 * {@code validation/positive} must be accepted without errors (and without unmarked warnings).
 */
class ValidationFilesTest {
  private static final Path ROOT = Path.of("src/test/resources/validation");
  private static final Pattern MARKER = Pattern.compile("--\\s*(error|warning):\\s*(.+?)\\s*$");

  private final FrontEnd frontEnd = new FrontEnd();

  @TestFactory
  Stream<DynamicTest> negativeFilesReportTheMarkedErrors() throws IOException {
    return files("negative").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> checkNegative(f)));
  }

  @TestFactory
  Stream<DynamicTest> positiveFilesAreAccepted() throws IOException {
    return files("positive").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      List<Expected> expected = markers(f);
      assertTrue(
          expected.stream().allMatch(e -> e.severity() == Severity.WARNING),
          f + " is a positive file: it may mark warnings, not errors");
      LoadResult r = frontEnd.load(f);
      assertTrue(!r.hasErrors(), () -> "expected no errors, got:\n" + headlines(r.diagnostics()));
      checkMarked(r, expected, Severity.WARNING);
    }));
  }

  private static Stream<Path> files(String dir) throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
      List<Path> list = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
      assertTrue(!list.isEmpty(), "no test files in " + dir);
      return list.stream();
    }
  }

  private record Expected(Severity severity, int line, String phrase) {}

  private static List<Expected> markers(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Expected> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i).strip());
      if (m.matches()) {
        Severity severity = m.group(1).equals("error") ? Severity.ERROR : Severity.WARNING;
        expected.add(new Expected(severity, i + 2, m.group(2))); // 1-based line after the marker
      }
    }
    return expected;
  }

  private void checkNegative(Path file) throws IOException {
    List<Expected> expected = markers(file);
    assertTrue(!expected.isEmpty(), file + " has no '-- error:' or '-- warning:' marker");
    LoadResult r = frontEnd.load(file);
    checkMarked(r, expected, Severity.ERROR);
    checkMarked(r, expected, Severity.WARNING);
  }

  /**
   * Every marker of {@code severity} has a diagnostic of that severity on its line containing its phrase, and
   * there is no diagnostic of that severity on a line without such a marker.
   */
  private static void checkMarked(LoadResult r, List<Expected> all, Severity severity) {
    String kind = severity == Severity.ERROR ? "error" : "warning";
    List<Expected> expected = all.stream().filter(e -> e.severity() == severity).toList();
    List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.severity() == severity).toList();
    for (Expected e : expected) {
      boolean ok =
          found.stream().anyMatch(d -> d.line() == e.line() && d.message().toLowerCase().contains(e.phrase()));
      assertTrue(ok, () -> "expected " + (severity == Severity.ERROR ? "an " : "a ") + kind + " containing '"
          + e.phrase() + "' on line " + e.line() + ", got:\n" + headlines(r.diagnostics()));
    }
    List<Diagnostic> unexpected =
        found.stream().filter(d -> expected.stream().noneMatch(e -> e.line() == d.line())).toList();
    assertEquals("", headlines(unexpected), kind + "s on lines without a '-- " + kind + ":' marker");
  }

  private static String headlines(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder();
    ds.forEach(d -> b.append(d.headline()).append('\n'));
    return b.toString();
  }
}
