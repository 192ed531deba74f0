package io.ballot.dsl.ide.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.ballot.checker.CheckOptions;
import io.ballot.dsl.settings.CheckSettings;
import io.ballot.dsl.settings.ModelHeader;
import java.util.List;
import java.util.Map;

/**
 * The arguments of the {@code ballot.checkModel} command: the document's URI and optional options as a JSON object
 * ({@code threads}, {@code maxErrors}, {@code symmetry}, {@code deadlock}, {@code timeLimit}, {@code bound}): the
 * editor's settings, over the command line's defaults. A model's own header ({@code -- ballot: KEY VALUE}) wins
 * over the editor's settings ({@link #options(ModelHeader)}), so that the editor checks a model as
 * {@code ballot check} does.
 */
record CheckRequest(String uri, CheckSettings settings) {

  /** The JSON keys and the settings keys (the command line's long options) they stand for. */
  private static final Map<String, String> KEYS = Map.of("threads", "threads", "maxErrors", "max-errors", "bound",
      "bound", "timeLimit", "time-limit", "symmetry", "symmetry-reduction", "deadlock", "deadlock-detection");

  /** Parses the arguments; a value that does not parse is an IllegalArgumentException saying which. */
  static CheckRequest of(List<Object> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      throw new IllegalArgumentException("the command needs the model's document URI as its first argument");
    }
    String uri = string(arguments.get(0));
    JsonObject o = arguments.size() > 1 && arguments.get(1) instanceof JsonObject j ? j : new JsonObject();
    CheckSettings s = CheckSettings.defaults();
    for (Map.Entry<String, String> k : KEYS.entrySet()) {
      if (o.has(k.getKey()) && o.get(k.getKey()).isJsonPrimitive()) {
        s = s.with(k.getValue(), o.get(k.getKey()).getAsString());
      }
    }
    for (String key : CheckSettings.KEYS) {
      s.validate(key);
    }
    return new CheckRequest(uri, s);
  }

  /** The options of a check of a model with {@code header}: the editor's settings, then the header's. */
  CheckOptions options(ModelHeader header) {
    return settings.withAll(header.settings()).toOptions();
  }

  /** The options of a check of a model without a header. */
  CheckOptions options() {
    return options(ModelHeader.empty());
  }

  /** An argument as a string: a JSON string, or any other object's text. */
  static String string(Object argument) {
    if (argument instanceof JsonElement e && e.isJsonPrimitive()) {
      return e.getAsString();
    }
    return String.valueOf(argument);
  }
}
