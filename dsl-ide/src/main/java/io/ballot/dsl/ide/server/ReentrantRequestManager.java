package io.ballot.dsl.ide.server;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.xtext.ide.server.concurrent.RequestManager;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.xbase.lib.Functions.Function1;

/**
 * Xtext's request manager, except that a read started from inside a running read (Xtext's rename and
 * prepare-rename do this through {@code ILanguageServerAccess.doRead} and wait for it) runs at once on the same
 * thread, under the outer read's cancel indicator, instead of being queued.
 *
 * <p>Queued, it deadlocked the server: a {@code didChange} that arrived while a rename ran queued a write that waits
 * for the running reads to finish, the rename's inner read queued behind that write, and the rename waited for its
 * inner read; the queue never moved again, so every later request went unanswered.
 */
@Singleton
public class ReentrantRequestManager extends RequestManager {
  /** The cancel indicator of the read request this thread is running; unset outside a read. */
  private final ThreadLocal<CancelIndicator> runningRead = new ThreadLocal<>();

  /** Set while {@link #withUncancellableWrites} runs its body on this thread. */
  private final ThreadLocal<Boolean> uncancellable = new ThreadLocal<>();

  /**
   * Runs {@code body}; a write it submits is not cancelled by later writes (it still runs before them, in queue
   * order). For {@code initialize}: Xtext completes its answer with the write that sets up the workspace, and keeps
   * the answer (which rename reads) only if that write is not cancelled; a client that sends {@code didOpen} before
   * that write has run (as every client does once {@code initialize} is answered early) cancelled it.
   */
  public <T> T withUncancellableWrites(java.util.function.Supplier<T> body) {
    uncancellable.set(Boolean.TRUE);
    try {
      return body.get();
    } finally {
      uncancellable.remove();
    }
  }

  @Override
  protected void addRequest(org.eclipse.xtext.ide.server.concurrent.AbstractRequest<?> request) {
    if (uncancellable.get() == null) {
      super.addRequest(request); // the list that the next write cancels
    }
  }

  /** Guice's constructor, as Xtext's. */
  @Inject
  public ReentrantRequestManager(ExecutorService parallel, OperationCanceledManager operationCanceledManager) {
    super(parallel, operationCanceledManager);
  }

  @Override
  public <V> CompletableFuture<V> runRead(Function1<? super CancelIndicator, ? extends V> cancellable) {
    CancelIndicator outer = runningRead.get();
    if (outer != null) {
      CompletableFuture<V> nested = new CompletableFuture<>();
      try {
        nested.complete(cancellable.apply(outer));
      } catch (Throwable t) {
        nested.completeExceptionally(t);
      }
      return nested;
    }
    return super.runRead(cancel -> {
      runningRead.set(cancel);
      try {
        return cancellable.apply(cancel);
      } finally {
        runningRead.remove();
      }
    });
  }
}
