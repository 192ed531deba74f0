package io.ballot.dsl.ide.server.jsonrpc;

/**
 * Finds where a JSON object or array ends, byte by byte, without parsing it: brackets are counted outside strings.
 * Bytes of UTF-8 multi-byte characters are all at least 0x80, so they never look like brackets or quotes.
 */
final class JsonValueEnd {
  private boolean started;
  private boolean complete;
  private boolean invalid;
  private boolean inString;
  private boolean escaped;
  private int depth;

  /** Takes the next byte of the value; call {@link #complete()} and {@link #invalid()} after each. */
  void accept(int b) {
    if (complete || invalid) {
      return;
    }
    if (!started) {
      if (isWhitespace(b)) {
        return;
      }
      if (b == '{' || b == '[') {
        started = true;
        depth = 1;
      } else {
        invalid = true;
      }
      return;
    }
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      }
      return;
    }
    if (b == '"') {
      inString = true;
    } else if (b == '{' || b == '[') {
      depth++;
    } else if (b == '}' || b == ']') {
      depth--;
      complete = depth == 0;
    }
  }

  /** The bytes so far hold a whole object or array. */
  boolean complete() {
    return complete;
  }

  /** The bytes so far cannot start a JSON-RPC message (its first non-blank byte is not a bracket). */
  boolean invalid() {
    return invalid;
  }

  static boolean isWhitespace(int b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
