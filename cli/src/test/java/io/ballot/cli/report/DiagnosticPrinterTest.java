package io.ballot.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosticPrinterTest {

  private static Diagnostic error(int line, int column, int length, String message) {
    return new Diagnostic(Severity.ERROR, "m.m", line, column, length, message);
  }

  @Test
  void headlineSourceLineAndCaret() {
    String source = "var x: 0..1;\nrule x := y; end\n";
    assertEquals(
        "m.m:2:11: error: unknown name 'y'\n" + "rule x := y; end\n" + "          ^\n",
        DiagnosticPrinter.render(error(2, 11, 1, "unknown name 'y'"), source));
  }

  @Test
  void lengthIsUnderlinedWithTildes() {
    String source = "  x := undefined + 1;";
    assertEquals(
        "m.m:1:8: error: unknown name 'undefined'\n" + "  x := undefined + 1;\n" + "       ^~~~~~~~~\n",
        DiagnosticPrinter.render(error(1, 8, 9, "unknown name 'undefined'"), source));
  }

  @Test
  void aLineWithControlCharactersIsNotQuoted() {
    assertEquals(List.of("m.m:1:1: error: x"), DiagnosticPrinter.lines(error(1, 1, 1, "x"), "\u007fELF\u0002\u0001\n"));
    assertEquals(List.of("m.m:1:1: error: x"), DiagnosticPrinter.lines(error(1, 1, 1, "x"), "ab\u0000cd"));
  }

  @Test
  void underlineStopsAtTheEndOfTheLine() {
    assertEquals("    ^~", DiagnosticPrinter.caretLine("abcdef", 5, 40));
  }

  @Test
  void caretMayBeOnePastTheEndOfTheLine() {
    // e.g. "missing ';'" at the end of a line
    assertEquals("      ^", DiagnosticPrinter.caretLine("x := 1", 7, 1));
    assertEquals("      ^", DiagnosticPrinter.caretLine("x := 1", 7, 5));
    // a column further out is pulled back to just past the end
    assertEquals("      ^", DiagnosticPrinter.caretLine("x := 1", 30, 1));
  }

  @Test
  void tabsBeforeTheColumnAreCopiedSoTheCaretAligns() {
    String line = "\tbegin\t\tx := y;";
    // column of 'y' (1-based): \t b e g i n \t \t x ' ' : = ' ' y -> 14
    assertEquals("\t     \t\t     ^", DiagnosticPrinter.caretLine(line, 14, 1));
    assertEquals(
        "m.m:3:14: warning: w\n" + line + "\n" + "\t     \t\t     ^\n",
        DiagnosticPrinter.render(new Diagnostic(Severity.WARNING, "m.m", 3, 14, 1, "w"), "\n\n" + line + "\n"));
  }

  @Test
  void diagnosticWithoutPositionPrintsOnlyTheHeadline() {
    Diagnostic d = new Diagnostic(Severity.ERROR, "missing.m", 0, 0, 0, "cannot read file: no such file");
    assertEquals("missing.m: error: cannot read file: no such file\n", DiagnosticPrinter.render(d, ""));
    assertEquals("missing.m: error: cannot read file: no such file\n", DiagnosticPrinter.render(d, null));
  }

  @Test
  void positionOutsideTheSourcePrintsOnlyTheHeadline() {
    assertEquals("m.m:5:1: error: e\n", DiagnosticPrinter.render(error(5, 1, 1, "e"), "one\ntwo\n"));
  }

  @Test
  void lastEmptyLineAfterFinalNewlineGetsACaret() {
    assertEquals("m.m:3:1: error: eof\n\n^\n", DiagnosticPrinter.render(error(3, 1, 1, "eof"), "one\ntwo\n"));
  }

  @ParameterizedTest
  @CsvSource({"1,a", "2,bb", "3,''", "4,d"})
  void sourceLineStripsCrLf(int number, String expected) {
    assertEquals(expected, DiagnosticPrinter.sourceLine("a\r\nbb\n\r\nd", number));
  }

  @ParameterizedTest
  @CsvSource({"1,a", "2,bb", "3,''", "4,d"})
  void sourceLineEndsAtALoneCrAsInOldMacFiles(int number, String expected) {
    assertEquals(expected, DiagnosticPrinter.sourceLine("a\rbb\r\rd", number));
  }

  @Test
  void aLongLineIsQuotedAsABoundedWindowAroundTheColumn() {
    // a one-line model of a megabyte: the quote is 200 characters around the column, cut with "..."
    String line = "x".repeat(500_000) + "BAD" + "y".repeat(500_000);
    List<String> lines = DiagnosticPrinter.lines(error(1, 500_001, 3, "unknown name 'BAD'"), line);
    assertEquals(3, lines.size());
    String quoted = lines.get(1);
    assertEquals("..." + "x".repeat(100) + "BAD" + "y".repeat(97) + "...", quoted);
    assertEquals(" ".repeat(103) + "^~~", lines.get(2));
  }

  @Test
  void aLongLineNearItsStartIsCutAtTheEndOnly() {
    String line = "BAD" + "y".repeat(1_000);
    List<String> lines = DiagnosticPrinter.lines(error(1, 1, 3, "unknown name 'BAD'"), line);
    assertEquals("BAD" + "y".repeat(197) + "...", lines.get(1));
    assertEquals("^~~", lines.get(2));
  }

  @Test
  void aColumnPastTheEndOfALongLineKeepsItsCaret() {
    String line = "z".repeat(1_000);
    List<String> lines = DiagnosticPrinter.lines(error(1, 1_001, 1, "';' expected"), line);
    assertEquals("..." + "z".repeat(200), lines.get(1));
    assertEquals(" ".repeat(203) + "^", lines.get(2));
  }

  @Test
  void sourceLineOutOfRange() {
    assertNull(DiagnosticPrinter.sourceLine("a\nb", 3));
    assertNull(DiagnosticPrinter.sourceLine("a\nb", 0));
  }

  @Test
  void zeroLengthStillGetsACaret() {
    assertEquals("  ^", DiagnosticPrinter.caretLine("abcd", 3, 0));
  }

  @Test
  void surrogatePairCountsAsOneCell() {
    String line = "-- \uD83D\uDE00 x"; // "-- 😀 x": the emoji is two chars, one character on screen
    assertEquals("     ^", DiagnosticPrinter.caretLine(line, 7, 1));
    assertEquals("   ^~", DiagnosticPrinter.caretLine(line, 4, 3));
  }

  @Test
  void printHonoursWarningsFlagAndOnlyQuotesTheLoadedFile() {
    String source = "abc\n";
    LoadResult result =
        new LoadResult(
            "m.m",
            source,
            null,
            List.of(
                new Diagnostic(Severity.WARNING, "m.m", 1, 2, 1, "w"),
                new Diagnostic(Severity.ERROR, "m.m", 1, 1, 3, "e"),
                new Diagnostic(Severity.ERROR, "other.m", 1, 1, 1, "elsewhere")));
    assertEquals(
        "m.m:1:2: warning: w\nabc\n ^\nm.m:1:1: error: e\nabc\n^~~\nother.m:1:1: error: elsewhere\n",
        printed(result, true));
    assertEquals("m.m:1:1: error: e\nabc\n^~~\nother.m:1:1: error: elsewhere\n", printed(result, false));
  }

  private static String printed(LoadResult result, boolean warnings) {
    StringWriter sw = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(sw)).print(result, warnings);
    return sw.toString().replace(System.lineSeparator(), "\n");
  }
}
