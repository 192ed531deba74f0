package io.ballot.cli.replay;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its {@code line:col}, so that a mapping file's problems are
 * reported where they are. A node's value is a {@link String} (any scalar), a map or a list.
 */
record LocatedYaml(Object value, int line, int column) {

  static LocatedYaml read(Path file) throws LogError {
    String name = file.toString();
    try (Reader r = Files.newBufferedReader(file); JsonParser p = new YAMLFactory().createParser(r)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new LocatedYaml(Map.of(), 1, 1);
      }
      return node(p, name);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new LogError(name, at == null ? 1 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
          "YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new LogError(name, 1, 0, "cannot read: " + e.getMessage());
    }
  }

  private static LocatedYaml node(JsonParser p, String name) throws IOException, LogError {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int col = at.getColumnNr();
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, LocatedYaml> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonLocation k = p.currentTokenLocation();
          p.nextToken();
          if (map.put(key, node(p, name)) != null) {
            throw new LogError(name, k.getLineNr(), k.getColumnNr(), "duplicate key '" + key + "'");
          }
        }
        return new LocatedYaml(map, line, col);
      }
      case START_ARRAY -> {
        List<LocatedYaml> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(node(p, name));
        }
        return new LocatedYaml(list, line, col);
      }
      default -> {
        return new LocatedYaml(p.getValueAsString() == null ? "" : p.getValueAsString(), line, col);
      }
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, LocatedYaml> map(String file, String what) throws LogError {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, LocatedYaml>) m;
    }
    throw new LogError(file, line, column, what + " must be a map of keys to values");
  }

  @SuppressWarnings("unchecked")
  List<LocatedYaml> list(String file, String what) throws LogError {
    if (value instanceof List<?> l) {
      return (List<LocatedYaml>) l;
    }
    if (value instanceof String) {
      return List.of(this);
    }
    throw new LogError(file, line, column, what + " must be a list");
  }

  String text(String file, String what) throws LogError {
    if (value instanceof String s) {
      return s;
    }
    throw new LogError(file, line, column, what + " must be a single value");
  }
}
