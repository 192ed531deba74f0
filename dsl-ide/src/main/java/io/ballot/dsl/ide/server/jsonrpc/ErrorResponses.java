package io.ballot.dsl.ide.server.jsonrpc;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The error response for a request whose handler failed: the handler's own response error when it threw one,
 * otherwise InternalError (-32603) with a one-line message. lsp4j's default puts the Java stack trace in the
 * response's {@code data}, which editors show to users; here the stack trace goes to the server's log (stderr).
 * An LSP request the server does not implement (lsp4j's interface default throws) is MethodNotFound (-32601).
 */
public final class ErrorResponses {
  private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** The response error for {@code thrown} (lsp4j's {@code Launcher.Builder.setExceptionHandler}). */
  public static ResponseError of(Throwable thrown) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof ResponseErrorException e) {
      return e.getResponseError();
    }
    if (notImplemented(cause)) {
      return new ResponseError(ResponseErrorCode.MethodNotFound,
          "Ballot's language server does not implement this request (it is not among its capabilities)", null);
    }
    LOG.error("Internal error while answering a request", cause);
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
    return new ResponseError(ResponseErrorCode.InternalError,
        "Internal error (a bug in Ballot's language server): " + cause.getClass().getSimpleName() + message, null);
  }

  /**
   * {@code next}, except that an error response whose {@code data} is a Java exception (lsp4j answers a message it
   * cannot parse that way) gets the exception's first line in its message instead (lsp4j's
   * {@code Launcher.Builder.wrapMessages}).
   */
  public static MessageConsumer withoutExceptions(MessageConsumer next) {
    return message -> {
      if (message instanceof ResponseMessage response && response.getError() != null
          && response.getError().getData() instanceof Throwable t) {
        ResponseError error = response.getError();
        String detail = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("")
            .replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        error.setData(null);
        if (!detail.isEmpty()) {
          error.setMessage(error.getMessage().replaceFirst("\\.$", "") + ": " + detail);
        }
      }
      next.consume(message);
    };
  }

  /** Thrown by one of lsp4j's service interfaces' default methods: a request no one implemented. */
  private static boolean notImplemented(Throwable cause) {
    StackTraceElement[] trace = cause.getStackTrace();
    return cause instanceof UnsupportedOperationException && trace.length > 0
        && trace[0].getClassName().startsWith("org.eclipse.lsp4j.services.");
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException
        || cause instanceof InvocationTargetException || cause instanceof WrappedException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
