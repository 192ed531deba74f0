package io.ballot.dsl.settings;

import io.ballot.checker.CheckOptions;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check settings a model carries in its own file: lines {@code -- ballot: KEY VALUE} among the comment lines at
 * the top of the file (before the first line that is neither blank nor a {@code --} comment), which Rumur and
 * CMurphi read as comments. {@code KEY} is a {@code ballot check} long option without its dashes (one of
 * {@link CheckSettings#KEYS}) or {@code const}, whose value is {@code NAME=VALUE}; one setting per line. See
 * docs/language.md, "Check settings in the model". Every problem (an unknown key, a bad value, a setting below the
 * header, a key given twice) is an error at its {@code file:line:col}.
 */
public record ModelHeader(Map<String, String> settings, List<ConstOverride> consts, List<Diagnostic> errors) {

  /** The key of a constant override. */
  public static final String CONST = "const";

  private static final Pattern SETTING = Pattern.compile("^(\\s*--\\s*ballot:)(\\s*)(\\S*)(\\s*)(.*?)\\s*$");

  public ModelHeader {
    settings = Map.copyOf(settings);
    consts = List.copyOf(consts);
    errors = List.copyOf(errors);
  }

  /** A header with no settings. */
  public static ModelHeader empty() {
    return new ModelHeader(Map.of(), List.of(), List.of());
  }

  /** {@code options} with this header's settings applied over them (the engine and threading kept). */
  public CheckOptions applyTo(CheckOptions options) {
    if (settings.isEmpty()) {
      return options;
    }
    CheckOptions o = CheckSettings.of(options).withAll(settings).toOptions();
    return o.withEngine(options.engine()).withSingleThreadUntil(options.singleThreadUntil());
  }

  /** Whether the header had errors. */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * Reads the header of the model file {@code file}, named {@code file} in errors; a file that cannot be read has
   * none (loading it reports why).
   */
  public static ModelHeader read(Path file) {
    if (!Files.isRegularFile(file)) {
      return empty(); // a FIFO or a device would block or never end; loading it reports what it is
    }
    try {
      // the header is ASCII; Latin-1 decodes any byte, so a model that is not UTF-8 still gets its header read
      return parse(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    } catch (IOException | RuntimeException e) {
      return empty();
    }
  }

  /** Parses the header of model text {@code text}; errors name {@code file}. */
  public static ModelHeader parse(String file, String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<ConstOverride> consts = new ArrayList<>();
    List<Diagnostic> errors = new ArrayList<>();
    Map<String, Integer> seenAt = new LinkedHashMap<>();
    boolean inHeader = true;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      String stripped = line.strip();
      if (inHeader && !stripped.isEmpty() && !stripped.startsWith("--") && !stripped.startsWith("\uFEFF--")) {
        inHeader = false;
      }
      Matcher m = SETTING.matcher(line);
      if (!m.matches()) {
        continue;
      }
      int keyCol = m.end(2) + 1;
      int valueCol = m.start(5) + 1;
      String key = m.group(3);
      String value = m.group(5);
      if (!inHeader) {
        errors.add(error(file, lineNo, line.indexOf('-') + 1, m.group(1).strip().length(),
            "a '-- ballot:' setting must be in the header, the comment lines before the model's first declaration"));
        continue;
      }
      if (key.isEmpty()) {
        errors.add(error(file, lineNo, keyCol, 1, "expected a setting after '-- ballot:', e.g. "
            + "'-- ballot: deadlock-detection off' or '-- ballot: const N=3'"));
        continue;
      }
      if (key.endsWith(":")) {
        key = key.substring(0, key.length() - 1); // 'deadlock-detection: off', as a project file writes it
      }
      if (!key.equals(CONST) && !CheckSettings.KEYS.contains(key)) {
        List<String> known = new ArrayList<>(CheckSettings.KEYS);
        known.add(CONST);
        String hint = Suggestions.didYouMean(key.replaceFirst("^-+", ""), known);
        errors.add(error(file, lineNo, keyCol, key.length(), "unknown setting '" + key + "'"
            + (hint.isEmpty() ? " (expected const or one of " + String.join(", ", CheckSettings.KEYS) + ")" : hint)));
        continue;
      }
      if (value.isEmpty()) {
        errors.add(error(file, lineNo, keyCol, key.length(), "'" + key + "' needs a value"
            + (key.equals(CONST) ? ": NAME=VALUE" : "")));
        continue;
      }
      if (key.equals(CONST)) {
        try {
          consts.add(ConstOverride.parse(value, file + ":" + lineNo + ":" + valueCol));
        } catch (IllegalArgumentException e) {
          errors.add(error(file, lineNo, valueCol, value.length(), e.getMessage()));
        }
        continue;
      }
      Integer before = seenAt.put(key, lineNo);
      if (before != null) {
        errors.add(error(file, lineNo, keyCol, key.length(), "'" + key + "' is set twice (first on line " + before
            + ")"));
        continue;
      }
      try {
        CheckSettings.defaults().with(key, value).validate(key);
        settings.put(key, value);
      } catch (CheckSettings.InvalidValue e) {
        errors.add(error(file, lineNo, valueCol, value.length(), e.message("") + hint(key, value)));
      }
    }
    return new ModelHeader(settings, consts, errors);
  }

  /** A did-you-mean for a value of a key whose values are words. */
  private static String hint(String key, String value) {
    List<String> words = switch (key) {
      case "deadlock-detection" -> List.of("off", "stuck", "stuttering");
      case "symmetry-reduction" -> List.of("off", "heuristic", "exhaustive");
      default -> List.of();
    };
    return Suggestions.didYouMean(value, words);
  }

  private static Diagnostic error(String file, int line, int column, int length, String message) {
    return new Diagnostic(Severity.ERROR, file, line, Math.max(1, column), Math.max(1, length), message);
  }
}
