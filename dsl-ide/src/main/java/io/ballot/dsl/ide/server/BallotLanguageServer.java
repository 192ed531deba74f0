package io.ballot.dsl.ide.server;

import io.ballot.dsl.ide.check.ModelCheckJobs;
import java.util.concurrent.CompletableFuture;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.xtext.resource.IResourceServiceProvider;

/**
 * Xtext's language server with what Ballot adds: cancelling a check from its progress notification, and stopping
 * running checks at shutdown.
 */
public class BallotLanguageServer extends org.eclipse.xtext.ide.server.LanguageServerImpl {

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
