package io.ballot.dsl.ide.server;

import io.ballot.dsl.ide.server.jsonrpc.ResyncingInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.apache.log4j.Logger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Answers the client's {@code initialize} before the server's Guice injector exists: the first message is read
 * (and left in the input, so the real server still initializes from it, in order, before anything else), and
 * when it is an {@code initialize} request it is answered at once with {@link StaticCapabilities}. The real
 * server's own answer to it is then dropped on its way out ({@link #dropRealAnswer}); every other message goes
 * to and from the real server as before, which queues them in the input until it is ready. Anything else as the
 * first message (or one that does not parse, or an initialize without params, which Xtext refuses) is left to the
 * real server entirely.
 */
final class EarlyInitialize {
  private static final Logger LOG = Logger.getLogger(EarlyInitialize.class);

  /** The id of the initialize request answered early; null if none was. Written before the real server starts. */
  private volatile String answeredId;
  private volatile String answeredJson;
  private final MessageJsonHandler json = new MessageJsonHandler(Map.of("initialize",
      JsonRpcMethod.request("initialize", InitializeResult.class, InitializeParams.class)));

  /**
   * Reads the first message of {@code in} without consuming it and, if it is {@code initialize}, writes the answer
   * to {@code out}. Called before the real server reads or writes anything.
   */
  void answer(ResyncingInputStream in, OutputStream out) throws IOException {
    byte[] first = in.peekBody();
    if (first == null) {
      return;
    }
    RequestMessage request;
    try {
      Message message = json.parseMessage(new String(first, StandardCharsets.UTF_8));
      if (!(message instanceof RequestMessage r) || !"initialize".equals(r.getMethod())
          || !(r.getParams() instanceof InitializeParams) || r.getRawId() == null) {
        return;
      }
      request = r;
    } catch (RuntimeException e) {
      return; // the real server answers it as it always did (an error, for a message that does not parse)
    }
    InitializeParams params = (InitializeParams) request.getParams();
    ResponseMessage response = new ResponseMessage();
    response.setRawId(request.getRawId());
    response.setResult(new InitializeResult(StaticCapabilities.of(params.getCapabilities())));
    answeredJson = json.getGson().toJson(response.getResult());
    answeredId = request.getId();
    new StreamMessageConsumer(out, json).consume(response);
  }

  /**
   * The real server's outgoing messages without its answer to the initialize request answered early; a warning is
   * logged if that answer differs from the early one (it cannot: see {@link StaticCapabilities}).
   */
  MessageConsumer dropRealAnswer(MessageConsumer outgoing) {
    return message -> {
      String id = answeredId;
      if (id != null && message instanceof ResponseMessage r && id.equals(r.getId())) {
        answeredId = null;
        if (r.getError() != null) {
          LOG.error("the language server failed to initialize after answering initialize: "
              + r.getError().getMessage());
        } else if (!Objects.equals(answeredJson, json.getGson().toJson(r.getResult()))) {
          LOG.warn("initialize was answered with other capabilities than the server's: " + answeredJson
              + " against " + json.getGson().toJson(r.getResult()));
        }
        return;
      }
      outgoing.consume(message);
    };
  }
}
