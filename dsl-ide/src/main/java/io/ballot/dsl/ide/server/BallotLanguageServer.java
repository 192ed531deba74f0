package io.ballot.dsl.ide.server;

import io.ballot.dsl.ide.check.ModelCheckJobs;
import java.util.concurrent.CompletableFuture;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.xtext.resource.IResourceServiceProvider;

/**
 * Xtext's language server with what Ballot adds: cancelling a check from its progress notification, stopping
 * running checks at shutdown, serving a client that opens single files without a workspace folder, and serving
 * {@code workspace/executeCommand} to a client that does not declare that capability.
 */
public class BallotLanguageServer extends org.eclipse.xtext.ide.server.LanguageServerImpl {

  /**
   * Initializes as Xtext does, but as if the client declared {@code workspace.executeCommand} (without dynamic
   * registration) when it did not: Xtext sets up its command registry only for a client that declares it, and
   * answered every command of such a client with an internal error (the capability is only about dynamic
   * registration; any client may send the request).
   */
  @Override
  public CompletableFuture<org.eclipse.lsp4j.InitializeResult> initialize(org.eclipse.lsp4j.InitializeParams params) {
    if (params.getCapabilities() == null) {
      params.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
    }
    if (params.getCapabilities().getWorkspace() == null) {
      params.getCapabilities().setWorkspace(new org.eclipse.lsp4j.WorkspaceClientCapabilities());
    }
    if (params.getCapabilities().getWorkspace().getExecuteCommand() == null) {
      params.getCapabilities().getWorkspace().setExecuteCommand(new org.eclipse.lsp4j.ExecuteCommandCapabilities(false));
    }
    return super.initialize(params);
  }

  /**
   * The workspace root; with neither a root nor folders (an editor opened on a single file) an empty temporary
   * directory, so that nothing is indexed and every opened document belongs to Xtext's "unknown" project.
   */
  @Override
  protected URI getBaseDir(org.eclipse.lsp4j.InitializeParams params) {
    URI base = super.getBaseDir(params);
    if (base != null) {
      return base;
    }
    try {
      java.nio.file.Path empty = java.nio.file.Files.createTempDirectory("ballot-lsp-");
      empty.toFile().deleteOnExit();
      return URI.createFileURI(empty.toString() + "/");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create a temporary workspace directory", e);
    }
  }

  @Override
  public void cancelProgress(WorkDoneProgressCancelParams params) {
    ModelCheckJobs jobs = jobs();
    if (jobs != null && params.getToken() != null) {
      jobs.cancelByToken(params.getToken().isLeft()
          ? params.getToken().getLeft() : String.valueOf(params.getToken().getRight()));
    }
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    ModelCheckJobs jobs = jobs();
    if (jobs != null) {
      jobs.shutdown();
    }
    return super.shutdown();
  }

  private ModelCheckJobs jobs() {
    IResourceServiceProvider murphi = getLanguagesRegistry().getResourceServiceProvider(URI.createURI("model.m"));
    return murphi == null ? null : murphi.get(ModelCheckJobs.class);
  }
}
