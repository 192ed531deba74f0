package io.ballot.dsl.ide.server;

import io.ballot.dsl.ide.check.ModelCheckJobs;
import io.ballot.dsl.ide.rename.MurphiRenameService;
import java.util.concurrent.CompletableFuture;
import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.IResourceServiceProvider;

/**
 * Xtext's language server with what Ballot adds: cancelling a check from its progress notification, stopping
 * running checks at shutdown, serving a client that opens single files without a workspace folder, and serving
 * {@code workspace/executeCommand} to a client that does not declare that capability, answering an unknown method
 * with MethodNotFound and ignoring an unknown notification (JSON-RPC), and refusing a rename to a word that is not
 * a Murphi name.
 */
public class BallotLanguageServer extends org.eclipse.xtext.ide.server.LanguageServerImpl {
  private static final Logger LOG = Logger.getLogger(BallotLanguageServer.class);

  /**
   * Initializes as Xtext does, but as if the client declared {@code workspace.executeCommand} (without dynamic
   * registration) when it did not: Xtext sets up its command registry only for a client that declares it, and
   * answered every command of such a client with an internal error (the capability is only about dynamic
   * registration; any client may send the request). The workspace set-up it queues is not cancelled by the writes
   * of requests that follow (see {@link ReentrantRequestManager#withUncancellableWrites}).
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
    return requests.withUncancellableWrites(() -> super.initialize(params));
  }

  @com.google.inject.Inject private ReentrantRequestManager requests;

  /** The empty directory made for a client without a workspace root (deleted at shutdown); null otherwise. */
  private volatile java.nio.file.Path temporaryRoot;

  /**
   * The workspace root; with neither a root nor folders (an editor opened on a single file) an empty temporary
   * directory, so that nothing is indexed and every opened document belongs to Xtext's "unknown" project. It is
   * deleted at {@code shutdown} (or when the JVM exits, if the client never sends it).
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
      temporaryRoot = empty;
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
    java.nio.file.Path empty = temporaryRoot;
    if (empty != null) {
      try {
        java.nio.file.Files.deleteIfExists(empty); // empty: the server writes nothing there
      } catch (java.io.IOException e) {
        LOG.debug("cannot delete the temporary workspace directory " + empty + ": " + e);
      }
    }
    return super.shutdown();
  }

  /** The empty directory this server made as the root of a client that sent none (tests); null if it did not. */
  public java.nio.file.Path temporaryRoot() {
    return temporaryRoot;
  }

  /**
   * A method that is neither LSP's nor a registered extension's: MethodNotFound (-32601), as JSON-RPC says (Xtext
   * threw, which lsp4j answered with an internal error and a stack trace).
   */
  @Override
  public CompletableFuture<?> request(String method, Object parameter) {
    if (!getExtensionProviders().containsKey(method)) {
      return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
          ResponseErrorCode.MethodNotFound, "Unknown method: " + method, null)));
    }
    return super.request(method, parameter);
  }

  /** A notification nobody handles is ignored, as JSON-RPC says (logged for debugging). */
  @Override
  public void notify(String method, Object parameter) {
    if (!getExtensionProviders().containsKey(method)) {
      LOG.debug("ignored the unknown notification " + method);
      return;
    }
    super.notify(method, parameter);
  }

  /**
   * Refuses, with InvalidParams (-32602) and a message saying why, a new name that is not a Murphi identifier or
   * is a keyword; otherwise Xtext's rename.
   */
  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    String problem = null;
    if (params.getTextDocument() != null && params.getTextDocument().getUri() != null) {
      IRenameService2 renames = getService(getURI(params.getTextDocument()), IRenameService2.class);
      if (renames instanceof MurphiRenameService murphi) {
        problem = murphi.newNameProblem(params.getNewName());
      }
    }
    if (problem != null) {
      return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
          ResponseErrorCode.InvalidParams, problem, null)));
    }
    return super.rename(params);
  }

  private ModelCheckJobs jobs() {
    IResourceServiceProvider murphi = getLanguagesRegistry().getResourceServiceProvider(URI.createURI("model.m"));
    return murphi == null ? null : murphi.get(ModelCheckJobs.class);
  }
}
