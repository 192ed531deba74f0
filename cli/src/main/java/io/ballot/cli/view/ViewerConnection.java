package io.ballot.cli.view;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection of the {@link ViewerServer}, driven without blocking: it reads one request head (at most
 * {@link #MAX_HEAD} bytes), writes the answer, half-closes and reads what the client still sends until it closes.
 * One request per connection ({@code Connection: close}).
 */
final class ViewerConnection {

  /** The longest request head read (request line and headers); a longer one is answered 431. */
  static final int MAX_HEAD = 16 * 1024;

  /** Open connections at most; past it, the oldest is closed. */
  static final int MAX_CONNECTIONS = 512;

  private final SocketChannel channel;
  private final ByteBuffer head = ByteBuffer.allocate(MAX_HEAD);
  private ByteBuffer[] answer;
  private boolean draining;
  private long deadline;

  ViewerConnection(SocketChannel channel, long deadline) {
    this.channel = channel;
    this.deadline = deadline;
  }

  /** When this connection is closed if it has not finished ({@link System#nanoTime} units). */
  long deadline() {
    return deadline;
  }

  /** Reads or writes what the channel allows now; false when the connection is done (to be closed). */
  boolean step(SelectionKey key, ViewerExchange exchange, long timeoutNanos) {
    try {
      if (answer != null) {
        return write(key, timeoutNanos);
      }
      if (draining) {
        return drain();
      }
      int n = channel.read(head);
      if (n < 0) {
        return false; // the client gave up before a whole request
      }
      int end = ViewerExchange.endOfHead(head.array(), head.position());
      if (end < 0 && head.hasRemaining()) {
        return true; // more to come (until the deadline)
      }
      answer = end < 0 ? exchange.tooLarge() : exchange.answer(head.array(), end);
      deadline = System.nanoTime() + timeoutNanos;
      key.interestOps(SelectionKey.OP_WRITE);
      return write(key, timeoutNanos);
    } catch (IOException e) {
      return false; // the client reset the connection
    }
  }

  private boolean write(SelectionKey key, long timeoutNanos) throws IOException {
    if (channel.write(answer) > 0) {
      deadline = System.nanoTime() + timeoutNanos; // a slow reader gets the timeout per part, not for the page
    }
    if (answer[answer.length - 1].hasRemaining()) {
      return true;
    }
    // Answered: half-close and read until the client closes, so that unread input cannot make the close a reset
    // that discards the answer.
    answer = null;
    draining = true;
    channel.shutdownOutput();
    key.interestOps(SelectionKey.OP_READ);
    return drain();
  }

  private boolean drain() throws IOException {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    int n;
    while ((n = channel.read(sink)) > 0) {
      sink.clear();
    }
    return n == 0;
  }

  void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
