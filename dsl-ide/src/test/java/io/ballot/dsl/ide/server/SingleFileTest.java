package io.ballot.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void theServersTemporaryRootAndTheSessionsRootAreDeletedAtShutdown() throws Exception {
    Path serverRoot;
    Path sessionRoot;
    try (LspSession session = new LspSession(false)) {
      serverRoot = session.serverImpl().temporaryRoot();
      sessionRoot = session.root;
      assertNotNull(serverRoot, "a client without a root gets an empty temporary one");
      assertTrue(Files.isDirectory(serverRoot));
      Files.writeString(sessionRoot.resolve("kept.m"), "var x: boolean;\n");
    }
    assertFalse(Files.exists(serverRoot), serverRoot + " left behind");
    assertFalse(Files.exists(sessionRoot), sessionRoot + " left behind");
  }
}
