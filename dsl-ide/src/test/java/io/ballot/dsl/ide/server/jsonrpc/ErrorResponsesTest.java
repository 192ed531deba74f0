package io.ballot.dsl.ide.server.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/** A failed request's error response carries no stack trace (lsp4j's default put it in {@code data}). */
class ErrorResponsesTest {

  @Test
  void anExceptionIsAnInternalErrorWithOneLineAndNoData() {
    ResponseError error = ErrorResponses.of(new CompletionException(
        new IllegalStateException("the index is gone\n\tat some.Class.method(Class.java:1)")));
    assertEquals(ResponseErrorCode.InternalError.getValue(), error.getCode());
    assertNull(error.getData());
    assertEquals("Internal error (a bug in Ballot's language server): IllegalStateException: the index is gone",
        error.getMessage());
    assertFalse(error.getMessage().contains("\n"));
  }

  @Test
  void anExceptionAsDataBecomesItsFirstLineInTheMessage() {
    org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage response = new org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage();
    response.setError(new ResponseError(ResponseErrorCode.ParseError, "Message could not be parsed.",
        new IllegalStateException("Expected BEGIN_OBJECT but was NUMBER\nSee https://example.org")));
    java.util.List<org.eclipse.lsp4j.jsonrpc.messages.Message> sent = new java.util.ArrayList<>();
    ErrorResponses.withoutExceptions(sent::add).consume(response);
    assertSame(response, sent.get(0));
    assertNull(response.getError().getData());
    assertEquals("Message could not be parsed: Expected BEGIN_OBJECT but was NUMBER", response.getError().getMessage());
  }

  @Test
  void aHandlersOwnResponseErrorIsKept() {
    ResponseError own = new ResponseError(ResponseErrorCode.InvalidParams, "bad name", null);
    assertSame(own, ErrorResponses.of(new CompletionException(new ResponseErrorException(own))));
  }
}
