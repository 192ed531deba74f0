package io.ballot.cli.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One line of a log as read: its file's name, line number, the raw text and the JSON object it holds. */
record LogLine(String file, int number, String text, ObjectNode json) {

  /** The 1-based column of {@code "key"} in the line (1 when it cannot be found), for located errors. */
  int columnOf(String key) {
    int i = text.indexOf('"' + key + '"');
    return i < 0 ? 1 : i + 1;
  }

  LogError error(String key, String message) {
    return new LogError(file, number, key == null ? 1 : columnOf(key), message);
  }
}
