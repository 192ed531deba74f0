package io.ballot.dsl.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import org.junit.jupiter.api.Test;

/** The syntax errors that name the likely slip, at its position, and the ones left as the parser words them. */
class SyntaxHintsTest {
  private final FrontEnd frontEnd = new FrontEnd();

  private Diagnostic firstError(String text) {
    LoadResult result = frontEnd.load("m.m", text);
    assertFalse(result.diagnostics().isEmpty(), "rejected");
    return result.diagnostics().get(0);
  }

  @Test
  void aCommaBetweenMessageKindsSaysTheyAreSeparatedBySemicolons() {
    Diagnostic d = firstError("""
        type Node: scalarset(2);
        network net: unordered capacity 4 of
          Ping(n: Node), Pong(n: Node);
        end;
        """);
    assertEquals(3, d.line());
    assertEquals(16, d.column());
    assertEquals("syntax error: unexpected ',': the message kinds of a network are separated by ';'"
        + " (network net: ... of Ping(n: Node); Pong(n: Node); end)", d.message());
  }

  @Test
  void anOrderedNetworksEndpointTypeWithoutBracketsSaysToBracketIt() {
    Diagnostic d = firstError("""
        type Node: enum { A, B };
        network net: ordered Node lossy capacity 2 of
          Ping;
        end;
        """);
    assertEquals(2, d.line());
    assertEquals(22, d.column());
    assertEquals("syntax error: unexpected 'Node': an ordered network's endpoint type is written in brackets"
        + " (network net: ordered [Node] capacity 2 of ...)", d.message());
  }

  @Test
  void aHintedErrorIsTheOnlyOneReportedNotTheRecoverysConsequences() {
    String[] slips = {
      """
      type Node: enum { A, B };
      network net: ordered Node capacity 2 of
        Ping;
      end;
      var x: boolean;
      startstate begin x := false; end;
      """,
      """
      type Node: scalarset(2);
      network net: unordered capacity 2 of
        Ping(n: Node), Pong(n: Node);
      end;
      """,
      """
      var x: boolean; y: boolean;
      rule "r" true ==> begin x := !x
        y := x; end;
      """,
    };
    for (String text : slips) {
      java.util.List<Diagnostic> errors = frontEnd.load("m.m", text).diagnostics();
      assertEquals(1, errors.size(), errors.toString());
    }
  }

  @Test
  void syntaxErrorsWithoutAHintAreAllReported() {
    java.util.List<Diagnostic> errors = frontEnd.load("m.m", """
        var x: 0 .. 3;
        startstate begin x := 0 x := 1; end;
        """).diagnostics();
    assertEquals(java.util.List.of("syntax error: unexpected 'x'", "syntax error: unexpected 'end' (nothing can follow here)"),
        errors.stream().map(Diagnostic::message).toList());
  }

  @Test
  void aMisspelledFlagAfterTheEndpointKeepsTheParsersWording() {
    Diagnostic d = firstError("""
        type Node: enum { A, B };
        network net: ordered [Node] lossey capacity 2 of
          Ping;
        end;
        """);
    assertFalse(d.message().contains("brackets"), d.message());
  }

  @Test
  void aCommaElsewhereKeepsTheParsersWording() {
    Diagnostic d = firstError("""
        var x: boolean, ;
        """);
    assertEquals("syntax error: unexpected ','", d.message());
  }

  @Test
  void aCommaBetweenFieldsOfOneMessageIsNotAnError() {
    LoadResult result = frontEnd.load("m.m", """
        type Node: scalarset(2);
        network net: unordered capacity 4 of
          Ping(n: Node, m: Node);
        end;
        startstate begin end;
        rule begin end;
        """);
    assertEquals(java.util.List.of(), result.diagnostics());
  }

  @Test
  void aStatementRunningIntoTheNextLineSaysWhereTheSemicolonIsMissing() {
    Diagnostic d = firstError("""
        var x: 0 .. 3; y: 0 .. 3;
        startstate begin x := 0; y := 0; end;
        rule x < 3 ==>
          x := x + 1 -- the next line starts a new statement
          y := x;
        end;
        """);
    assertEquals(5, d.line());
    assertEquals("syntax error: unexpected 'y': missing ';' after '1' at the end of line 4", d.message());
  }

  @Test
  void anAssignmentEndingInAnIndexSaysWhereTheSemicolonIsMissing() {
    Diagnostic d = firstError("""
        var a: array [0 .. 1] of 0 .. 3; y: 0 .. 3;
        startstate begin
          y := a[1]
          clear a;
        end;
        """);
    assertEquals(4, d.line());
    assertEquals("syntax error: unexpected 'clear': missing ';' after ']' at the end of line 3", d.message());
  }

  @Test
  void anErrorOnTheSameLineKeepsTheParsersWording() {
    Diagnostic d = firstError("""
        var x: 0 .. 3;
        startstate begin x := 0 x := 1; end;
        """);
    assertFalse(d.message().contains("missing ';'"), d.message());
  }

  @Test
  void aLineEndingInAKeywordThatNeedsMoreKeepsTheParsersWording() {
    Diagnostic d = firstError("""
        var x: 0 .. 3;
        startstate begin if x = 0 then
          x x := 1; end; end;
        """);
    assertFalse(d.message().contains("missing ';'"), d.message());
  }
}
