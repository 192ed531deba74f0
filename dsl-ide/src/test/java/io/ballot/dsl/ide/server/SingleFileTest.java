package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;

/** A client without a workspace root (VS Code opened on one file) still gets the server's services. */
class SingleFileTest {

  @Test
  void noWorkspaceRootStillValidatesOpenedFiles() throws Exception {
    try (LspSession session = new LspSession(false)) {
      String uri = session.open("lonely.m", "var x: boolean;\nstartstate begin x := y; end;\n");
      PublishDiagnosticsParams p = session.diagnostics(uri, d -> !d.getDiagnostics().isEmpty());
      assertEquals(1, p.getDiagnostics().size());
      assertTrue(p.getDiagnostics().get(0).getMessage().contains("'y'"), p.toString());
    }
  }
}
