package io.ballot.cli.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines log: one JSON object per line, blank lines skipped. {@code -} is standard input. A line that is
 * not a JSON object, or a file that cannot be read (missing, a directory, a device), is a {@link LogError}.
 */
final class LogReader {
  private final ObjectMapper mapper = new ObjectMapper();

  List<LogLine> read(String name, InputStream stdin) throws LogError {
    if (name.equals("-")) {
      return read("<stdin>", new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)));
    }
    Path file = Path.of(name);
    if (!Files.exists(file)) {
      throw new LogError(name, 1, 0, "no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new LogError(name, 1, 0, "not a regular file (a directory, device or pipe); give '-' to read standard"
          + " input");
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(name, r);
    } catch (IOException e) {
      throw new LogError(name, 1, 0, "cannot read: " + e.getMessage());
    }
  }

  private List<LogLine> read(String name, BufferedReader r) throws LogError {
    List<LogLine> out = new ArrayList<>();
    int number = 0;
    try {
      for (String text = r.readLine(); text != null; text = r.readLine()) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode json;
        try {
          json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
          JsonLocation at = e.getLocation();
          throw new LogError(name, number, at == null ? 0 : at.getColumnNr(), "not JSON: " + JsonMessages.clean(e.getOriginalMessage()));
        }
        if (!(json instanceof ObjectNode o)) {
          throw new LogError(name, number, 1, "a log line must be a JSON object, one event per line");
        }
        out.add(new LogLine(name, number, text, o));
      }
    } catch (IOException e) {
      throw new LogError(name, number + 1, 0, "cannot read: " + e.getMessage());
    }
    return out;
  }
}
