package io.ballot.dsl.ide.server;

import io.ballot.dsl.ide.check.ModelCheckJobs;
import java.util.concurrent.CompletableFuture;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.xtext.resource.IResourceServiceProvider;

/**
 * Xtext's language server with what Ballot adds: cancelling a check from its progress notification, stopping
 * running checks at shutdown, and serving a client that opens single files without a workspace folder.
 */
public class BallotLanguageServer extends org.eclipse.xtext.ide.server.LanguageServerImpl {

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
