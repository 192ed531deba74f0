package io.ballot.examples.twophase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system's logging helper writes one valid JSON object per line, whatever the strings hold. */
class JsonLogTest {
  @TempDir Path dir;

  @Test
  void everyLineIsAJsonObjectWithEscapedStrings() throws Exception {
    Path file = dir.resolve("x.jsonl");
    AtomicLong lines = new AtomicLong();
    String nasty = "a \"quoted\" \\ back\nslash\t\u0001 é";
    try (JsonLog log = new JsonLog(file, lines)) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("votes[rm1]", true);
      state.put("status[rm1]", nasty);
      log.write("prepared", 42, Map.of("participant", "rm1"), state);
      log.write(null, 43, Map.of("recovered", "rm1"), Map.of());
    }
    List<String> text = Files.readAllLines(file);
    assertEquals(2, text.size());
    assertEquals(2, lines.get());
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(text.get(0));
    assertEquals("prepared", first.get("event").asText());
    assertEquals(42, first.get("clock").asLong());
    assertEquals("rm1", first.get("participant").asText());
    assertEquals(true, first.get("state").get("votes[rm1]").asBoolean());
    assertEquals(nasty, first.get("state").get("status[rm1]").asText());
    JsonNode second = m.readTree(text.get(1));
    assertFalse(second.has("event"));
    assertEquals(0, second.get("state").size());
  }
}
