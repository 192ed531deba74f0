package io.ballot.dsl.ide.server.jsonrpc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A language server's input with only well-framed messages left in it (see {@link FrameReader}): what lsp4j reads
 * instead of the raw input, since lsp4j's own reader loses the framing for good after one bad Content-Length.
 * Each problem is described to {@code problems} (one line, no stack trace).
 */
public final class ResyncingInputStream extends InputStream {
  private final InputStream raw;
  private final FrameReader frames;
  private byte[] current = new byte[0];
  private int at;
  /** Where the current message's body starts in {@code current}. */
  private int bodyAt;
  private boolean ended;

  /** Reads messages from {@code raw}, reporting each one skipped to {@code problems}. */
  public ResyncingInputStream(InputStream raw, Consumer<String> problems) {
    this.raw = raw;
    this.frames = new FrameReader(new BufferedInputStream(raw), problems);
  }

  @Override
  public int read() throws IOException {
    return fill() ? current[at++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - at);
    System.arraycopy(current, at, b, off, n);
    at += n;
    return n;
  }

  /**
   * The JSON body of the next message, which stays unread: the next reads return it, header and all, as if this
   * had not been called. Null at the end of the input. Only at the start of a message (before any read, or after
   * one was read whole).
   */
  public byte[] peekBody() throws IOException {
    if (at != 0 && at != current.length) {
      throw new IllegalStateException("peekBody inside a message");
    }
    if (!fill()) {
      return null;
    }
    return java.util.Arrays.copyOfRange(current, bodyAt, current.length);
  }

  @Override
  public int available() {
    return current.length - at;
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }

  /** Makes the next message (header and body) current when the last one is used up; false at the end. */
  private boolean fill() throws IOException {
    while (at == current.length) {
      if (ended) {
        return false;
      }
      byte[] body = frames.next();
      if (body == null) {
        ended = true;
        return false;
      }
      byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      current = new byte[header.length + body.length];
      System.arraycopy(header, 0, current, 0, header.length);
      System.arraycopy(body, 0, current, header.length, body.length);
      bodyAt = header.length;
      at = 0;
    }
    return true;
  }
}
