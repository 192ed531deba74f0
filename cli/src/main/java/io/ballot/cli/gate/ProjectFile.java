package io.ballot.cli.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ballot.dsl.settings.CheckSettings;
import io.ballot.dsl.settings.ConstOverride;
import io.ballot.dsl.settings.Suggestions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a project file ({@code ballot.yaml}): the models of a gated run, each with its checker options and its
 * expected outcome. The format is in docs/ci.md:
 *
 * <pre>
 * defaults:                      # optional; any option key, for every model
 *   deadlock-detection: stuck
 * models:
 *   - model: models/TwoPhase.m   # relative to the project file's directory
 *     expect: holds
 *   - model: models/TwoPhase-bug.m
 *     expect: violates TCConsistent
 *     symmetry-reduction: off
 *   - models/peterson.m          # a bare path: expect holds, the defaults
 *   - model: models/Ring.m
 *     expect: holds
 *     const: {N: 5}              # global constants' values replaced (as --const N=5)
 * </pre>
 *
 * Every problem (YAML syntax, an unknown key, a missing model file, a bad expectation or option value, a value of
 * the wrong shape) is a {@link ProjectFileException} at the offending token's {@code file:line:col}. Settings apply
 * in this order, later winning: ballot's defaults, the model's header (applied when the model is read, see
 * {@link ModelRun#withHeader}), the project's {@code defaults}, the model's own keys, then {@code forced} (options
 * given explicitly on the command line, with their values in {@code base}, and its {@code --const}s).
 */
public final class ProjectFile {

  private static final String FAIL_ON_DEAD_RULES = "fail-on-dead-rules";
  private static final String CONST = "const";

  private final Path path;
  private final String name;
  private JsonParser p;

  private ProjectFile(Path path) {
    this.path = path;
    this.name = path.toString();
  }

  /** Whether {@code file} names a project file (by its extension, {@code .yaml} or {@code .yml}). */
  public static boolean isProjectFile(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /**
   * Reads {@code file}. {@code base} and {@code forced} are as in the class comment ({@code forced}: keys of
   * {@link CheckSettings#KEYS} set explicitly on the command line); {@code failOnDeadRules} is the command line's.
   */
  public static List<ModelRun> read(
      Path file, CheckSettings base, Set<String> forced, boolean failOnDeadRules) throws ProjectFileException {
    return read(file, base, forced, List.of(), failOnDeadRules);
  }

  /** As {@link #read(Path, CheckSettings, Set, boolean)}, with the command line's {@code --const}s. */
  public static List<ModelRun> read(Path file, CheckSettings base, Set<String> forced, List<ConstOverride> consts,
      boolean failOnDeadRules) throws ProjectFileException {
    return new ProjectFile(file).parse(base, forced, consts, failOnDeadRules);
  }

  private List<ModelRun> parse(CheckSettings base, Set<String> forced, List<ConstOverride> consts,
      boolean failOnDeadRules) throws ProjectFileException {
    if (!Files.isRegularFile(path)) {
      throw new ProjectFileException(name, 1, 1,
          Files.isDirectory(path) ? "is a directory, not a project file" : "no such project file");
    }
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        JsonParser parser = new YAMLFactory().createParser(r)) {
      this.p = parser;
      return document(base, forced, consts, failOnDeadRules);
    } catch (JsonProcessingException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
          // SnakeYAML's marks are 0-based; its problem mark is where the syntax breaks
          Mark m = y.getProblemMark();
          String context = y.getContext() == null ? "" : " (" + y.getContext() + ")";
          throw new ProjectFileException(name, m.getLine() + 1, m.getColumn() + 1,
              "YAML syntax: " + firstLine(y.getProblem()) + context);
        }
      }
      JsonLocation at = e.getLocation();
      throw new ProjectFileException(name, at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()), "YAML syntax: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ProjectFileException(name, 1, 1, "cannot read: " + e.getMessage());
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  // --------------------------------------------------------------------------------------- the document

  private List<ModelRun> document(CheckSettings base, Set<String> forced, List<ConstOverride> consts,
      boolean failOnDeadRules) throws IOException, ProjectFileException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw error("empty project file: expected a mapping with a 'models' list");
    }
    expect(t == JsonToken.START_OBJECT, "expected a mapping with a 'models' list (and optionally 'defaults')");
    JsonLocation rootAt = p.getTokenLocation();
    Settings defaults = new Settings(Map.of(), List.of(), failOnDeadRules);
    List<ModelRun> runs = null;
    JsonLocation modelsAt = null;
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation keyAt = p.getTokenLocation();
      duplicate(seen, key);
      p.nextToken();
      switch (key) {
        case "defaults" -> {
          if (runs != null) {
            throw error(keyAt, "'defaults' must come before 'models'");
          }
          defaults = settings(defaults);
        }
        case "models" -> {
          modelsAt = keyAt;
          runs = models(defaults, base, forced, consts);
        }
        default -> throw error(keyAt, "unknown key '" + key + "' (expected 'defaults' or 'models')");
      }
    }
    if (runs == null) {
      throw error(rootAt, "missing 'models': the list of models to check");
    }
    if (runs.isEmpty()) {
      throw error(modelsAt, "'models' is empty: list at least one model");
    }
    return runs;
  }

  /**
   * The option values and constant overrides the project file sets, and the dead-rule policy, as they build up
   * from the defaults to one model's own keys.
   */
  private record Settings(Map<String, String> given, List<ConstOverride> consts, boolean failOnDeadRules) {
    Settings with(String key, String value) {
      Map<String, String> m = new LinkedHashMap<>(given);
      m.put(key, value);
      return new Settings(m, consts, failOnDeadRules);
    }

    Settings withConsts(List<ConstOverride> more) {
      List<ConstOverride> all = new ArrayList<>(consts);
      all.addAll(more);
      return new Settings(given, all, failOnDeadRules);
    }
  }

  private List<ModelRun> models(Settings defaults, CheckSettings base, Set<String> forced, List<ConstOverride> consts)
      throws IOException, ProjectFileException {
    expect(p.currentToken() == JsonToken.START_ARRAY, "'models' must be a list");
    List<ModelRun> runs = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t == JsonToken.VALUE_STRING) {
        runs.add(run(modelPath(), defaults, Expectation.HOLDS, null, base, forced, consts));
        continue;
      }
      expect(t == JsonToken.START_OBJECT, "a model is a mapping (model, expect, options) or a path");
      JsonLocation entryAt = p.getTokenLocation();
      Path model = null;
      Expectation expect = null;
      String expectAt = null;
      Settings own = defaults;
      Set<String> seen = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonLocation keyAt = p.getTokenLocation();
        duplicate(seen, key);
        p.nextToken();
        if (key.equals("model")) {
          model = modelPath();
        } else if (key.equals("expect")) {
          JsonLocation at = p.getTokenLocation();
          expectAt = where(at);
          String text = scalar("expect");
          try {
            expect = Expectation.parse(text);
          } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
          }
        } else if (CheckSettings.KEYS.contains(key) || key.equals(FAIL_ON_DEAD_RULES) || key.equals(CONST)) {
          own = setting(own, key, keyAt);
        } else {
          String hint = didYouMean(key, true);
          throw error(keyAt, "unknown key '" + key + "'" + (!hint.isEmpty() ? hint : " (expected model, expect, "
              + FAIL_ON_DEAD_RULES + ", " + CONST + " or one of " + String.join(", ", CheckSettings.KEYS) + ")"));
        }
      }
      if (model == null) {
        throw error(entryAt, "this model has no 'model' key (the path of its .m file)");
      }
      if (expect == null) {
        throw error(entryAt, "this model has no 'expect' key (holds, or violates PROPERTY)");
      }
      runs.add(run(model, own, expect, expectAt, base, forced, consts));
    }
    return runs;
  }

  private ModelRun run(Path model, Settings s, Expectation expect, String expectAt, CheckSettings base,
      Set<String> forced, List<ConstOverride> consts) {
    Settings all = s.withConsts(consts);
    for (String key : forced) {
      all = all.with(key, base.get(key));
    }
    return ModelRun.of(model, expect, s.failOnDeadRules(), new ModelRun.Given(all.given(), all.consts(), expectAt));
  }

  /** {@code file:line:col} of a token. */
  private String where(JsonLocation at) {
    return name + ":" + (at == null ? 1 : Math.max(1, at.getLineNr())) + ":" + (at == null ? 1
        : Math.max(1, at.getColumnNr()));
  }

  private static String didYouMean(String key, boolean inModel) {
    List<String> known = new ArrayList<>(CheckSettings.KEYS);
    known.addAll(List.of(FAIL_ON_DEAD_RULES, CONST));
    if (inModel) {
      known.addAll(List.of("model", "expect"));
    }
    return Suggestions.didYouMean(key, known);
  }

  private Settings settings(Settings from) throws IOException, ProjectFileException {
    expect(p.currentToken() == JsonToken.START_OBJECT, "'defaults' must be a mapping of option names to values");
    Settings s = from;
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation keyAt = p.getTokenLocation();
      duplicate(seen, key);
      p.nextToken();
      if (!CheckSettings.KEYS.contains(key) && !key.equals(FAIL_ON_DEAD_RULES) && !key.equals(CONST)) {
        String hint = didYouMean(key, false);
        throw error(keyAt, "unknown key '" + key + "' in defaults" + (!hint.isEmpty() ? hint : " (expected "
            + FAIL_ON_DEAD_RULES + ", " + CONST + " or one of " + String.join(", ", CheckSettings.KEYS) + ")"));
      }
      s = setting(s, key, keyAt);
    }
    return s;
  }

  /** One option's value (the parser is on it): validated at once, so that a bad one is reported where it is. */
  private Settings setting(Settings s, String key, JsonLocation keyAt) throws IOException, ProjectFileException {
    JsonLocation at = p.getTokenLocation();
    if (key.equals(FAIL_ON_DEAD_RULES)) {
      JsonToken t = p.currentToken();
      expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE, FAIL_ON_DEAD_RULES + " is true or false");
      return new Settings(s.given(), s.consts(), t == JsonToken.VALUE_TRUE);
    }
    if (key.equals(CONST)) {
      return s.withConsts(consts());
    }
    String value = scalar(key);
    try {
      CheckSettings.defaults().with(key, value).validate(key);
    } catch (CheckSettings.InvalidValue e) {
      throw error(at, e.getMessage() + Suggestions.didYouMean(value, wordsOf(key)));
    }
    return s.with(key, value);
  }

  private static List<String> wordsOf(String key) {
    return switch (key) {
      case "deadlock-detection" -> List.of("off", "stuck", "stuttering");
      case "symmetry-reduction" -> List.of("off", "heuristic", "exhaustive");
      default -> List.of();
    };
  }

  /** A {@code const} mapping (the parser is on it): constant names to values, each located where it is. */
  private List<ConstOverride> consts() throws IOException, ProjectFileException {
    expect(p.currentToken() == JsonToken.START_OBJECT, "'" + CONST + "' is a mapping of constant names to values,"
        + " e.g. const: {N: 3}");
    List<ConstOverride> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String constName = p.currentName();
      JsonLocation keyAt = p.getTokenLocation();
      duplicate(seen, constName);
      p.nextToken();
      JsonLocation at = p.getTokenLocation();
      String value = scalar(constName);
      try {
        list.add(ConstOverride.parse(constName + "=" + value, where(at)));
      } catch (IllegalArgumentException e) {
        throw error(keyAt, "'" + constName + "' is not a constant's name");
      }
    }
    return list;
  }

  /** The model path the parser is on, resolved against the project file's directory; it must be a file. */
  private Path modelPath() throws IOException, ProjectFileException {
    JsonLocation at = p.getTokenLocation();
    String text = scalar("model");
    Path dir = path.getParent();
    Path file = (dir == null ? Path.of(text) : dir.resolve(text)).normalize();
    if (Files.isDirectory(file)) {
      throw error(at, "model '" + text + "' is a directory (name each .m file)");
    }
    if (!Files.isRegularFile(file)) {
      throw error(at, "no such model file: " + text + " (resolved to " + file + ")");
    }
    return file;
  }

  /** The scalar the parser is on, as text (numbers and booleans too). */
  private String scalar(String key) throws IOException, ProjectFileException {
    JsonToken t = p.currentToken();
    expect(t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL, "'" + key + "' needs a single value");
    return p.getText();
  }

  private void duplicate(Set<String> seen, String key) throws ProjectFileException {
    if (!seen.add(key)) {
      throw error(p.getTokenLocation(), "duplicate key '" + key + "'");
    }
  }

  private void expect(boolean ok, String problem) throws ProjectFileException {
    if (!ok) {
      throw error(problem);
    }
  }

  private ProjectFileException error(String problem) {
    return error(p.getTokenLocation(), problem);
  }

  private ProjectFileException error(JsonLocation at, String problem) {
    int line = at == null ? 1 : Math.max(1, at.getLineNr());
    int col = at == null ? 1 : Math.max(1, at.getColumnNr());
    return new ProjectFileException(name, line, col, problem);
  }
}
