package io.ballot.dsl.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewords Xtext's parser and linker messages into the phrasing Ballot uses everywhere. */
final class MessageWording {
  private MessageWording() {}

  private static final Pattern UNRESOLVED = Pattern.compile("Couldn't resolve reference to (\\w+) '([^']*)'\\.?");

  static String reword(String message) {
    Matcher m = UNRESOLVED.matcher(message);
    if (m.matches()) {
      String what = switch (m.group(1)) {
        case "Field" -> "no field named '" + m.group(2) + "' in record";
        case "ProcDecl" -> "unknown function or procedure '" + m.group(2) + "'";
        default -> "unknown identifier '" + m.group(2) + "' (it is not declared before this point)";
      };
      return what;
    }
    return message.replace("<EOF>", "end of file");
  }
}
