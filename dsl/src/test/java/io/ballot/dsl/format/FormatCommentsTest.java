package io.ballot.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.ir.IrPrinter;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comments in every position a model can hold them, blank lines, and wrapping at a width, each against the expected
 * text written out in full ({@code src/test/resources/format/*.expected.m}).
 */
class FormatCommentsTest {

  private static FrontEnd frontEnd;

  @BeforeAll
  static void frontEnd() {
    frontEnd = new FrontEnd();
  }

  private static String resource(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/format", name), StandardCharsets.UTF_8);
  }

  /** Formats {@code text} at {@code width}; checks the result means the same and formats to itself. */
  private static String format(String text, int width) {
    LoadResult original = frontEnd.load("m.m", text);
    assertFalse(original.hasErrors(), () -> original.diagnostics().toString());
    String formatted = frontEnd.formatText("m.m", text, width);
    assertNotNull(formatted);
    LoadResult reloaded = frontEnd.load("m.m", formatted);
    assertFalse(reloaded.hasErrors(), () -> formatted + "\n" + reloaded.diagnostics());
    assertEquals(IrPrinter.print(original.model()), IrPrinter.print(reloaded.model()), formatted);
    assertEquals(formatted, frontEnd.formatText("m.m", formatted, width), "idempotent");
    assertEquals(
        CommentScanner.comments(text).stream().sorted().toList(),
        CommentScanner.comments(formatted).stream().sorted().toList(),
        formatted);
    return formatted;
  }

  @Test
  void commentsInEveryPositionAreKept() throws IOException {
    assertEquals(resource("comments.expected.m"), format(resource("comments.m"), 100));
  }

  @Test
  void longGuardsWrapBeforeOperatorsAtTheWidth() throws IOException {
    String text = resource("wrap.m");
    assertEquals(resource("wrap.expected.m"), format(text, 100));
    assertEquals(resource("wrap.expected-60.m"), format(text, 60));
  }

  @Test
  void wrappedLinesStayWithinTheWidthWhereTheyCan() throws IOException {
    for (int width : new int[] {60, 80, 100}) {
      for (String line : format(resource("wrap.m"), width).split("\n")) {
        assertTrue(line.length() <= width, () -> "longer than " + width + ": " + line);
      }
    }
  }

  @Test
  void blankLinesBetweenDeclarationsStatementsAndRulesAreKeptAndRunsCollapse() {
    String text = "var a: boolean;\n\n\n\nb: boolean;\nc: boolean;\n"
        + "startstate begin a := true;\n\nb := true; c := true end;\n"
        + "rule begin a := !a end;\nrule begin b := !b end;\n";
    assertEquals(
        """
        var
          a: boolean;

          b: boolean;
          c: boolean;

        startstate begin
          a := true;

          b := true;
          c := true;
        end;

        rule begin
          a := !a;
        end;

        rule begin
          b := !b;
        end;
        """,
        format(text, 100));
  }

  @Test
  void aLineCommentInsideAnExpressionEndsTheLineAndTheExpressionContinues() {
    String text = "var x: 0 .. 9;\nstartstate begin x := 1 + -- one\n 2 * /* two */ 3 end;\n"
        + "rule x < 5 -- small\n==> begin x := x + 1 end;\n";
    assertEquals(
        """
        var
          x: 0 .. 9;

        startstate begin
          x := 1 + -- one
              2 * /* two */ 3;
        end;

        rule x < 5 -- small
            ==> begin
          x := x + 1;
        end;
        """,
        format(text, 100));
  }

  @Test
  void aCommentAfterTheKeywordOfAnEmptyBlockStaysOnItsLine() {
    String text = "var x: boolean;\nprocedure p(); begin -- to do\nend;\nstartstate begin x := true end;\n"
        + "rule begin if x then -- nothing yet\n else x := true end end;\n";
    assertEquals(
        """
        var
          x: boolean;

        procedure p();
        begin -- to do
        end;

        startstate begin
          x := true;
        end;

        rule begin
          if x then -- nothing yet
          else
            x := true;
          end;
        end;
        """,
        format(text, 100));
  }

  @Test
  void aCommentOnItsOwnLineInAnEmptyBlockStaysInsideOnItsOwnLine() {
    String text = "var x: boolean;\nprocedure p(); begin\n -- to do\nend;\nstartstate begin x := true end;\n"
        + "rule begin if x then\n -- nothing yet\n else x := true end end;\n";
    String formatted = format(text, 100);
    assertTrue(formatted.contains("begin\n  -- to do\nend;"), formatted);
    assertTrue(formatted.contains("if x then\n    -- nothing yet\n  else"), formatted);
  }

  @Test
  void aModelOfOnlyCommentsKeepsThem() {
    String text = "-- nothing yet\n/* still nothing */\nvar x: boolean; startstate begin x := true end;\n"
        + "rule begin x := !x end;\n";
    assertTrue(format(text, 100).startsWith("-- nothing yet\n/* still nothing */\nvar\n  x: boolean;\n"));
  }

  /** Trailing comments of consecutive lines of code share a column; a lone one and a comment line do not move. */
  @Test
  void trailingCommentsOfConsecutiveLinesAreAligned() {
    String text = """
        const
          N: 3;        -- nodes
          MAXV: 10;    -- largest value
        var
          x: 0..MAXV;  -- the counter
          done: boolean; -- finished?
          -- on a line of its own
          y: boolean;
        startstate begin x := 0; done := false; y := true; end;
        rule "inc" x < MAXV ==> begin x := x + 1; end;   -- step
        """;
    assertEquals("""
        const
          N: 3;     -- nodes
          MAXV: 10; -- largest value

        var
          x: 0 .. MAXV;  -- the counter
          done: boolean; -- finished?
          -- on a line of its own
          y: boolean;

        startstate begin
          x := 0;
          done := false;
          y := true;
        end;

        rule "inc" x < MAXV ==> begin
          x := x + 1;
        end; -- step
        """, format(text, 100));
  }

  /** A group whose aligned comments would pass the width keeps one space before each. */
  @Test
  void trailingCommentsAreNotAlignedPastTheWidth() {
    String text = "var\n  a: boolean; -- " + "x".repeat(20) + "\n  abcdefghijklmnopqrstuvwxyz: boolean; -- "
        + "y".repeat(20) + "\nstartstate begin a := true; end;\n";
    assertTrue(format(text, 60).startsWith("var\n  a: boolean; -- " + "x".repeat(20) + "\n"), format(text, 60));
  }

  @Test
  void narrowWidthsAreRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ModelFormatter(39));
  }
}
