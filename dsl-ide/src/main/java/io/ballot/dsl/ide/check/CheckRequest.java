package io.ballot.dsl.ide.check;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.ballot.checker.CheckOptions;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of the {@code ballot.checkModel} command: the document's URI and optional options as a JSON object
 * ({@code threads}, {@code maxErrors}, {@code symmetry}, {@code deadlock}, {@code timeLimit}, {@code bound}), with the
 * command line's defaults.
 */
record CheckRequest(String uri, CheckOptions options) {

  static CheckRequest of(List<Object> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      throw new IllegalArgumentException("the command needs the model's document URI as its first argument");
    }
    String uri = string(arguments.get(0));
    JsonObject o = arguments.size() > 1 && arguments.get(1) instanceof JsonObject j ? j : new JsonObject();
    CheckOptions d = CheckOptions.defaults(); // what an option left out is: the command line's default
    int threads = integer(o, "threads", d.threads());
    int maxErrors = integer(o, "maxErrors", d.maxErrors());
    int bound = integer(o, "bound", d.bound());
    double timeLimit = o.has("timeLimit") ? o.get("timeLimit").getAsDouble() : d.timeLimitSeconds();
    CheckOptions.Symmetry symmetry = choice(o, "symmetry", d.symmetry());
    CheckOptions.DeadlockMode deadlock = choice(o, "deadlock", d.deadlock());
    return new CheckRequest(
        uri,
        new CheckOptions(
            Math.max(1, threads), 0, deadlock, Math.max(0, bound), Math.max(1, maxErrors), timeLimit, null, symmetry));
  }

  /** An argument as a string: a JSON string, or any other object's text. */
  static String string(Object argument) {
    if (argument instanceof JsonElement e && e.isJsonPrimitive()) {
      return e.getAsString();
    }
    return String.valueOf(argument);
  }

  private static int integer(JsonObject o, String key, int otherwise) {
    return o.has(key) ? o.get(key).getAsInt() : otherwise;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Enum<E>> E choice(JsonObject o, String key, E otherwise) {
    if (!o.has(key)) {
      return otherwise;
    }
    return Enum.valueOf((Class<E>) otherwise.getDeclaringClass(), o.get(key).getAsString().toUpperCase(Locale.ROOT));
  }
}
