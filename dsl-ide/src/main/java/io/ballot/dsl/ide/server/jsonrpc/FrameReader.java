package io.ballot.dsl.ide.server.jsonrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the messages of the LSP base protocol ({@code Content-Length: n\r\n\r\n} and n bytes of JSON) from a byte
 * stream, and gets past a badly framed one instead of losing the stream: a message without a Content-Length, with
 * a length that is not a number, shorter or longer than its JSON, or a line that is not a header is reported to
 * {@code problems} and skipped, and reading resumes at the next {@code Content-Length:} header.
 *
 * <p>A JSON body's end is found by counting brackets ({@link JsonValueEnd}), so a wrong length is noticed when the
 * JSON ends before it (the next bytes are not blank) or does not end within it. Whether the JSON is a valid
 * JSON-RPC message is left to the reader of the frames (lsp4j answers an invalid request with an error).
 */
final class FrameReader {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*");
  private static final int MAX_HEADER_LINE = 8192;
  /** Larger than any message an editor sends (a 20,000-rule model is a few MB): beyond it a length is wrong. */
  private static final int MAX_CONTENT_LENGTH = 1 << 30;

  private final InputStream in;
  private final Consumer<String> problems;
  /** Bytes given back (read too far), read before {@code in}. */
  private byte[] pending = new byte[0];
  private int pendingAt;
  /** Bytes of the input consumed so far (for the messages). */
  private long offset;

  FrameReader(InputStream in, Consumer<String> problems) {
    this.in = in;
    this.problems = problems;
  }

  /** The JSON body of the next well-framed message; null at the end of the input. */
  byte[] next() throws IOException {
    while (true) {
      long start = offset;
      int length = -1;
      boolean sawHeader = false;
      String problem = null;
      while (problem == null) {
        byte[] line = readLine();
        if (line == null) {
          if (sawHeader) {
            problems.accept("the input ended inside the header of the message at byte " + start);
          }
          return null;
        }
        String text = headerText(line);
        if (text.isEmpty()) {
          if (sawHeader) {
            break;
          }
          start = offset; // blank lines between messages
          continue;
        }
        Matcher m = HEADER.matcher(text);
        if (!m.matches()) {
          problem = "'" + abbreviate(text) + "' is not a header line";
        } else if (m.group(1).equalsIgnoreCase("Content-Length")) {
          String value = m.group(2);
          if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > MAX_CONTENT_LENGTH) {
            problem = "'Content-Length: " + abbreviate(value) + "' is not a valid length";
          } else {
            length = Integer.parseInt(value);
          }
        }
        if (problem != null) {
          // The next message's header may be on this line (after a message that had no header, say).
          unread(line, 1, line.length - 1);
        }
        sawHeader = true;
      }
      if (problem == null && length < 0) {
        problem = "the message has no Content-Length header";
      }
      if (problem == null) {
        byte[] body = readBody(start, length);
        if (body != null) {
          return body;
        }
        if (atEnd()) {
          return null;
        }
        continue; // readBody reported and resynchronised
      }
      skipToNextHeader(start, problem);
    }
  }

  /**
   * The {@code length} bytes of a body when they hold exactly one JSON value (and blanks); otherwise reports the
   * message, skips to the next header and answers null.
   */
  private byte[] readBody(long start, int length) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(length, 1 << 16));
    JsonValueEnd json = new JsonValueEnd();
    for (int i = 0; i < length; i++) {
      int b = read();
      if (b < 0) {
        problems.accept("the input ended inside the message at byte " + start + " (Content-Length " + length
            + ", " + i + " bytes arrived)");
        return null;
      }
      if (json.complete() && !JsonValueEnd.isWhitespace(b)) {
        unread(new byte[] {(byte) b}, 0, 1);
        problems.accept("skipped the message at byte " + start + ": its Content-Length " + length
            + " is longer than its JSON (" + body.size() + " bytes); reading on at byte " + offset);
        return null;
      }
      body.write(b);
      json.accept(b);
      if (json.invalid()) {
        skipToNextHeader(start, "the content of the message is not a JSON object or array");
        return null;
      }
    }
    if (!json.complete()) {
      skipToNextHeader(start, "its Content-Length " + length + " is shorter than its JSON");
      return null;
    }
    return body.toByteArray();
  }

  /** Skips to the next {@code Content-Length:} header (or the end) and reports what was skipped and why. */
  private void skipToNextHeader(long start, String why) throws IOException {
    int matched = 0;
    while (matched < CONTENT_LENGTH.length) {
      int b = read();
      if (b < 0) {
        problems.accept("skipped bytes " + start + " to " + offset + " (the end of the input): " + why);
        return;
      }
      int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
      if (lower == CONTENT_LENGTH[matched]) {
        matched++;
      } else {
        matched = lower == CONTENT_LENGTH[0] ? 1 : 0;
      }
    }
    unread(CONTENT_LENGTH, 0, CONTENT_LENGTH.length);
    problems.accept("skipped bytes " + start + " to " + offset + ": " + why + "; reading on at the next"
        + " Content-Length header");
  }

  private boolean atEnd() throws IOException {
    int b = read();
    if (b < 0) {
      return true;
    }
    unread(new byte[] {(byte) b}, 0, 1);
    return false;
  }

  /** The bytes up to and including the next '\n' (or {@value #MAX_HEADER_LINE} bytes); null at the end. */
  private byte[] readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (line.size() < MAX_HEADER_LINE) {
      int b = read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toByteArray();
      }
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.toByteArray();
  }

  private static String headerText(byte[] line) {
    int end = line.length;
    while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
      end--;
    }
    return new String(line, 0, end, StandardCharsets.ISO_8859_1);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private int read() throws IOException {
    int b;
    if (pendingAt < pending.length) {
      b = pending[pendingAt++] & 0xff;
    } else {
      b = in.read();
    }
    if (b >= 0) {
      offset++;
    }
    return b;
  }

  private void unread(byte[] bytes, int from, int count) {
    byte[] joined = new byte[count + pending.length - pendingAt];
    System.arraycopy(bytes, from, joined, 0, count);
    System.arraycopy(pending, pendingAt, joined, count, pending.length - pendingAt);
    pending = joined;
    pendingAt = 0;
    offset -= count;
  }
}
