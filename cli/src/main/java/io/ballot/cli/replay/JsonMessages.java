package io.ballot.cli.replay;

/** Jackson's parse messages without the parser's source description, which says nothing to a user. */
final class JsonMessages {
  private JsonMessages() {}

  static String clean(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    return message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
        .replaceAll("\\s*at \\[Source:.*", "").replaceAll("\\s+", " ").strip();
  }
}
