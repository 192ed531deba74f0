package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.ballot.dsl.ide.check.ModelCheckJobs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Check model" through the protocol: the checker runs in the background with progress notifications, each
 * violation is published as a diagnostic at the violated property, the counterexample comes back from
 * {@code ballot.showTrace}, and a running check stops when cancelled.
 */
class CheckModelCommandTest {
  private static LspSession session;

  /** A model whose state space (10^12 states) no test will ever finish exploring. */
  private static final String ENDLESS = """
      var a: 0..999999; b: 0..999999;
      startstate begin a := 0; b := 0; end;
      rule "a" true ==> begin a := (a + 1) % 1000000; end;
      rule "b" true ==> begin b := (b + 1) % 1000000; end;
      invariant "fine" a >= 0;
      """;

  @BeforeAll
  static void start() throws Exception {
    session = new LspSession();
  }

  @AfterAll
  static void stop() throws Exception {
    session.close();
  }

  private static Map<?, ?> run(String command, Object... args) throws Exception {
    Object result = session.server.getWorkspaceService()
        .executeCommand(new ExecuteCommandParams(command, List.of(args))).get(60, TimeUnit.SECONDS);
    return new com.google.gson.Gson().fromJson(new com.google.gson.Gson().toJson(result), Map.class);
  }

  private static JsonObject stuck() {
    JsonObject o = new JsonObject();
    o.addProperty("deadlock", "stuck");
    return o;
  }

  private static String token(Map<?, ?> started) {
    assertEquals("started", started.get("status"), started.toString());
    return (String) started.get("token");
  }

  private static ProgressParams progress(String token, Class<?> kind) throws Exception {
    return session.client.await(session.client.progress,
        p -> p.getToken().getLeft().equals(token) && kind.isInstance(p.getValue().getLeft()), 120);
  }

  @Test
  void violationIsPublishedAtTheViolatedPropertyWithItsTrace() throws Exception {
    String text = LspSession.read("../protocols/models/two-phase/TwoPhase-bug-commit-on-timeout.m");
    String uri = session.open("TwoPhase-bug.m", text);
    session.diagnostics(uri, p -> p.getDiagnostics().isEmpty());
    String token = token(run("ballot.checkModel", uri, stuck()));
    WorkDoneProgressBegin begin = (WorkDoneProgressBegin) progress(token, WorkDoneProgressBegin.class).getValue().getLeft();
    assertTrue(begin.getTitle().contains("TwoPhase-bug.m"));
    Diagnostic violation = session.diagnostics(uri, p -> p.getDiagnostics().stream()
        .anyMatch(d -> ModelCheckJobs.SOURCE.equals(d.getSource()))).getDiagnostics().stream()
        .filter(d -> ModelCheckJobs.SOURCE.equals(d.getSource())).findFirst().orElseThrow();
    assertEquals(LspSession.at(text, 120, "invariant", 0), violation.getRange().getStart());
    assertTrue(violation.getMessage().startsWith("invariant \"TCConsistent\""), violation.getMessage());
    WorkDoneProgressEnd end = (WorkDoneProgressEnd) progress(token, WorkDoneProgressEnd.class).getValue().getLeft();
    assertTrue(end.getMessage().startsWith("1 violation"), end.getMessage());

    Map<?, ?> trace = run("ballot.showTrace", uri);
    assertEquals("TCConsistent", trace.get("property"));
    List<?> steps = (List<?>) trace.get("steps");
    assertEquals(4, steps.size(), "the manifest's trace_steps: the start state and 3 rule firings");
    assertTrue(((String) trace.get("text")).contains("TMCommitOnTimeout"), (String) trace.get("text"));
  }

  /** The diagnostics a check published last for {@code uri}. */
  private static List<Diagnostic> lastPublished(String uri) {
    List<org.eclipse.lsp4j.PublishDiagnosticsParams> all = session.client.diagnostics.stream()
        .filter(p -> p.getUri().equals(uri)).toList();
    return all.get(all.size() - 1).getDiagnostics();
  }

  @Test
  void aCheckPublishesTheValidationOfTheTextItChecked() throws Exception {
    String a = "var x: 0..1;\nstartstate begin x := 0; end;\nrule \"r\" true ==> begin x := 1 - x; end;\n";
    String b = a + "rule \"never\" false ==> begin x := x % 0; end;\n";
    String uri = session.open("reopened.m", a);
    session.diagnostics(uri, p -> p.getDiagnostics().isEmpty());
    for (int i = 0; i < 2; i++) { // the second check of the same text reuses the first one's validation
      progress(token(run("ballot.checkModel", uri, stuck())), WorkDoneProgressEnd.class);
      assertEquals(List.of(), lastPublished(uri));
    }
    // closed and opened again with other text: version 1 again, and the check must validate the new text
    session.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
        new org.eclipse.lsp4j.TextDocumentIdentifier(uri)));
    session.open("reopened.m", b);
    session.diagnostics(uri, p -> !p.getDiagnostics().isEmpty());
    String token = token(run("ballot.checkModel", uri, stuck()));
    progress(token, WorkDoneProgressEnd.class);
    List<Diagnostic> after = lastPublished(uri);
    assertTrue(after.stream().anyMatch(d -> d.getMessage().contains("by zero")), after.toString());
  }

  @Test
  void aModelThatHoldsEndsWithItsCounts() throws Exception {
    String uri = session.open("TwoPhase.m", LspSession.read("../protocols/models/two-phase/TwoPhase.m"));
    String token = token(run("ballot.checkModel", uri, stuck()));
    WorkDoneProgressEnd end = (WorkDoneProgressEnd) progress(token, WorkDoneProgressEnd.class).getValue().getLeft();
    assertTrue(end.getMessage().startsWith("all properties hold (80 states, depth 10"), end.getMessage());
  }

  @Test
  void theModelsHeaderWinsOverTheEditorsSettings() throws Exception {
    // TwoPhase.m says '-- ballot: deadlock-detection stuck'; with the editor's stuttering it would deadlock
    String uri = session.open("TwoPhaseHeader.m", LspSession.read("../protocols/models/two-phase/TwoPhase.m"));
    JsonObject editor = new JsonObject();
    editor.addProperty("deadlock", "stuttering");
    String token = token(run("ballot.checkModel", uri, editor));
    WorkDoneProgressEnd end = (WorkDoneProgressEnd) progress(token, WorkDoneProgressEnd.class).getValue().getLeft();
    assertTrue(end.getMessage().startsWith("all properties hold (80 states, depth 10"), end.getMessage());
  }

  @Test
  void theHeadersConstantsApply() throws Exception {
    String model = "const N: 3;\nvar x: 0 .. 10;\nstartstate begin x := 0 end;\n"
        + "rule \"inc\" x < N ==> begin x := x + 1 end;\n";
    String uri = session.open("Counter.m", "-- ballot: deadlock-detection off\n-- ballot: const N=6\n" + model);
    String token = token(run("ballot.checkModel", uri));
    WorkDoneProgressEnd end = (WorkDoneProgressEnd) progress(token, WorkDoneProgressEnd.class).getValue().getLeft();
    assertTrue(end.getMessage().startsWith("all properties hold (7 states"), end.getMessage());
    String bad = session.open("BadHeader.m", "-- ballot: const M=6\n" + model);
    Map<?, ?> answer = run("ballot.checkModel", bad);
    assertEquals("rejected", answer.get("status"));
    assertTrue(((String) answer.get("message")).contains("no global constant 'M'"), answer.toString());
    String typo = session.open("Typo.m", "-- ballot: deadlock-detection of\n" + model);
    Map<?, ?> rejected = run("ballot.checkModel", typo);
    assertEquals("rejected", rejected.get("status"));
    assertTrue(((String) rejected.get("message")).contains("Typo.m:1:31: error: invalid value for deadlock-detection"),
        rejected.toString());
  }

  @Test
  void aBadHeaderLineIsAnErrorAsYouType() throws Exception {
    String uri = session.open("Squiggle.m", "-- ballot: symmetry-reduction heuristc\nvar x: boolean;\n"
        + "startstate begin x := false end;\nrule \"flip\" true ==> begin x := !x end;\n");
    Diagnostic d = session.diagnostics(uri, p -> !p.getDiagnostics().isEmpty()).getDiagnostics().get(0);
    assertEquals("invalid value for symmetry-reduction: 'heuristc' (expected one of off, heuristic or exhaustive)"
        + " (did you mean 'heuristic'?)", d.getMessage());
    assertEquals(0, d.getRange().getStart().getLine());
    assertEquals(30, d.getRange().getStart().getCharacter());
  }

  @Test
  void aModelWithErrorsIsNotChecked() throws Exception {
    String uri = session.open("Bad.m", "var x: boolean;\nstartstate begin x := y; end;\n");
    Map<?, ?> answer = run("ballot.checkModel", uri);
    assertEquals("rejected", answer.get("status"));
    assertTrue(((String) answer.get("message")).contains("'y'"), answer.toString());
  }

  @Test
  void progressCancelStopsTheCheck() throws Exception {
    String uri = session.open("Endless.m", ENDLESS);
    String token = token(run("ballot.checkModel", uri));
    progress(token, WorkDoneProgressReport.class);
    long t0 = System.nanoTime();
    session.server.cancelProgress(new WorkDoneProgressCancelParams(Either.forLeft(token)));
    WorkDoneProgressEnd end = (WorkDoneProgressEnd) progress(token, WorkDoneProgressEnd.class).getValue().getLeft();
    assertEquals("cancelled", end.getMessage());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "stopped within 10 s");
  }

  @Test
  void cancelCommandStopsTheCheck() throws Exception {
    String uri = session.open("Endless2.m", ENDLESS);
    String token = token(run("ballot.checkModel", uri));
    progress(token, WorkDoneProgressReport.class);
    assertEquals(Boolean.TRUE, run("ballot.cancelCheck", uri).get("cancelled"));
    WorkDoneProgressEnd end = (WorkDoneProgressEnd) progress(token, WorkDoneProgressEnd.class).getValue().getLeft();
    assertEquals("cancelled", end.getMessage());
  }
}
