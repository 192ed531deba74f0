package io.ballot.examples.twophase;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system's tiny logging helper: one JSON object per line, {@code {"event":..., "clock":..., fields...,
 * "state":{...}}}. Thread-safe (several nodes may share one log); every line is counted in {@code lines}.
 */
public final class JsonLog implements Closeable {
  private final BufferedWriter out;
  private final AtomicLong lines;

  /** A log written to {@code file} (replaced), counting its lines into {@code lines}. */
  public JsonLog(Path file, AtomicLong lines) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.lines = lines;
  }

  /**
   * Writes one line. {@code event} null writes a line with no event (a state observation); {@code fields} and
   * {@code state} values are strings, numbers or booleans, in the map's iteration order.
   */
  public synchronized void write(String event, long clock, Map<String, ?> fields, Map<String, ?> state) {
    StringBuilder b = new StringBuilder(96).append('{');
    if (event != null) {
      string(b.append("\"event\":"), event).append(',');
    }
    b.append("\"clock\":").append(clock);
    for (Map.Entry<String, ?> f : fields.entrySet()) {
      value(string(b.append(','), f.getKey()).append(':'), f.getValue());
    }
    b.append(",\"state\":{");
    boolean first = true;
    for (Map.Entry<String, ?> s : state.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      value(string(b, s.getKey()).append(':'), s.getValue());
    }
    b.append("}}\n");
    try {
      out.write(b.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    lines.incrementAndGet();
  }

  private static void value(StringBuilder b, Object v) {
    if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else {
      string(b, String.valueOf(v));
    }
  }

  private static StringBuilder string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
