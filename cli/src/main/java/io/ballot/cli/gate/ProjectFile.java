package io.ballot.cli.gate;

import io.ballot.checker.StoreChoice;
import io.ballot.checker.explore.disk.StoreDirectory;
import io.ballot.dsl.settings.CheckSettings;
import io.ballot.dsl.settings.ConstOverride;
import io.ballot.dsl.settings.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

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
 * The file is YAML as YAML defines it, anchors, aliases and merge keys included, within bounds ({@link
 * ProjectYaml}). Every model path must name a file inside the project's root ({@link ProjectRoot}: the project
 * file's directory unless the command line widens it), links resolved; nothing is read from a file outside.
 *
 * <p>Every problem (YAML syntax, an unknown key, a missing model file, a path outside the root, a bad expectation or
 * option value, a value of the wrong shape) is a {@link ProjectFileException} at the offending token's {@code
 * file:line:col}. Settings apply in this order, later winning: ballot's defaults, the model's header (applied when
 * the model is read, see {@link ModelRun#withHeader}), the project's {@code defaults}, the model's own keys, then
 * {@code forced} (options given explicitly on the command line, with their values in {@code base}, and its {@code
 * --const}s).
 */
public final class ProjectFile {

  private static final String FAIL_ON_DEAD_RULES = "fail-on-dead-rules";
  private static final String CONST = "const";
  /** Where a model's states are kept, as {@code --store}: per model or in {@code defaults}; not a checker option. */
  private static final String STORE = "store";

  private final Path path;
  private final String name;
  private final ProjectRoot root;

  private ProjectFile(Path path, ProjectRoot root) {
    this.path = path;
    this.name = path.toString();
    this.root = root;
  }

  /** Whether {@code file} names a project file (by its extension, {@code .yaml} or {@code .yml}). */
  public static boolean isProjectFile(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /**
   * Reads {@code file}, its models inside its own directory. {@code base} and {@code forced} are as in the class
   * comment ({@code forced}: keys of {@link CheckSettings#KEYS} set explicitly on the command line); {@code
   * failOnDeadRules} is the command line's.
   */
  public static List<ModelRun> read(
      Path file, CheckSettings base, Set<String> forced, boolean failOnDeadRules) throws ProjectFileException {
    return read(file, null, base, forced, List.of(), failOnDeadRules);
  }

  /**
   * As {@link #read(Path, CheckSettings, Set, boolean)}, with the command line's {@code --const}s, and the models
   * inside {@code root} (null: the project file's directory).
   */
  public static List<ModelRun> read(Path file, ProjectRoot root, CheckSettings base, Set<String> forced,
      List<ConstOverride> consts, boolean failOnDeadRules) throws ProjectFileException {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ProjectFileException(name, 1, 1,
          Files.isDirectory(file) ? "is a directory, not a project file" : "no such project file");
    }
    ProjectRoot within = root;
    if (within == null) {
      try {
        within = ProjectRoot.ofProjectFile(file);
      } catch (IOException e) {
        throw new ProjectFileException(name, 1, 1, "cannot read its directory: " + e.getMessage());
      }
    }
    return new ProjectFile(file, within).document(ProjectYaml.compose(file, name), base, forced, consts,
        failOnDeadRules);
  }

  // --------------------------------------------------------------------------------------- the document

  private List<ModelRun> document(Node doc, CheckSettings base, Set<String> forced, List<ConstOverride> consts,
      boolean failOnDeadRules) throws ProjectFileException {
    if (doc == null || isNull(doc)) {
      throw new ProjectFileException(name, 1, 1, "empty project file: expected a mapping with a 'models' list");
    }
    if (!(doc instanceof MappingNode top)) {
      throw error(doc, "expected a mapping with a 'models' list (and optionally 'defaults')");
    }
    Settings defaults = new Settings(Map.of(), List.of(), failOnDeadRules, null);
    List<ModelRun> runs = null;
    Node modelsAt = null;
    Set<String> seen = new HashSet<>();
    for (NodeTuple entry : top.getValue()) {
      String key = key(entry, seen);
      Node keyAt = entry.getKeyNode();
      Node value = entry.getValueNode();
      switch (key) {
        case "defaults" -> {
          if (runs != null) {
            throw error(keyAt, "'defaults' must come before 'models'");
          }
          defaults = settings(value, defaults);
        }
        case "models" -> {
          modelsAt = keyAt;
          runs = models(value, defaults, base, forced, consts);
        }
        default -> throw error(keyAt, "unknown key '" + key + "' (expected 'defaults' or 'models')");
      }
    }
    if (runs == null) {
      throw error(doc, "missing 'models': the list of models to check");
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
  private record Settings(
      Map<String, String> given, List<ConstOverride> consts, boolean failOnDeadRules, StoreChoice store) {
    Settings with(String key, String value) {
      Map<String, String> m = new LinkedHashMap<>(given);
      m.put(key, value);
      return new Settings(m, consts, failOnDeadRules, store);
    }

    Settings withConsts(List<ConstOverride> more) {
      List<ConstOverride> all = new ArrayList<>(consts);
      all.addAll(more);
      return new Settings(given, all, failOnDeadRules, store);
    }
  }

  private List<ModelRun> models(Node list, Settings defaults, CheckSettings base, Set<String> forced,
      List<ConstOverride> consts) throws ProjectFileException {
    if (!(list instanceof SequenceNode seq)) {
      throw error(list, "'models' must be a list");
    }
    List<ModelRun> runs = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (item instanceof ScalarNode && !isNull(item)) {
        runs.add(run(modelPath(item), defaults, Expectation.HOLDS, null, base, forced, consts));
        continue;
      }
      if (!(item instanceof MappingNode entry)) {
        throw error(item, "a model is a mapping (model, expect, options) or a path");
      }
      Path model = null;
      Expectation expect = null;
      String expectAt = null;
      Settings own = defaults;
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : entry.getValue()) {
        String key = key(t, seen);
        Node value = t.getValueNode();
        if (key.equals("model")) {
          model = modelPath(value);
        } else if (key.equals("expect")) {
          expectAt = where(value);
          try {
            expect = Expectation.parse(scalar(value, "expect"));
          } catch (IllegalArgumentException e) {
            throw error(value, e.getMessage());
          }
        } else if (isOption(key)) {
          own = setting(own, key, value);
        } else {
          String hint = didYouMean(key, true);
          throw error(t.getKeyNode(), "unknown key '" + key + "'" + (!hint.isEmpty() ? hint
              : " (expected model, expect, " + FAIL_ON_DEAD_RULES + ", " + CONST + ", " + STORE + " or one of "
                  + String.join(", ", CheckSettings.KEYS) + ")"));
        }
      }
      if (model == null) {
        throw error(entry, "this model has no 'model' key (the path of its .m file)");
      }
      if (expect == null) {
        throw error(entry, "this model has no 'expect' key (holds, or violates PROPERTY)");
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
    return ModelRun.of(model, expect, s.failOnDeadRules(),
        new ModelRun.Given(all.given(), all.consts(), expectAt, s.store()));
  }

  private static String didYouMean(String key, boolean inModel) {
    List<String> known = new ArrayList<>(CheckSettings.KEYS);
    known.addAll(List.of(FAIL_ON_DEAD_RULES, CONST, STORE));
    if (inModel) {
      known.addAll(List.of("model", "expect"));
    }
    return Suggestions.didYouMean(key, known);
  }

  private Settings settings(Node map, Settings from) throws ProjectFileException {
    if (!(map instanceof MappingNode m)) {
      throw error(map, "'defaults' must be a mapping of option names to values");
    }
    Settings s = from;
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String key = key(t, seen);
      if (!isOption(key)) {
        String hint = didYouMean(key, false);
        throw error(t.getKeyNode(), "unknown key '" + key + "' in defaults" + (!hint.isEmpty() ? hint
            : " (expected " + FAIL_ON_DEAD_RULES + ", " + CONST + ", " + STORE + " or one of "
                + String.join(", ", CheckSettings.KEYS) + ")"));
      }
      s = setting(s, key, t.getValueNode());
    }
    return s;
  }

  /** One option's value: validated at once, so that a bad one is reported where it is. */
  private Settings setting(Settings s, String key, Node value) throws ProjectFileException {
    if (key.equals(FAIL_ON_DEAD_RULES)) {
      if (!(value instanceof ScalarNode b) || !Tag.BOOL.equals(b.getTag())) {
        throw error(value, FAIL_ON_DEAD_RULES + " is true or false");
      }
      String v = b.getValue().toLowerCase(java.util.Locale.ROOT);
      return new Settings(s.given(), s.consts(), v.equals("true") || v.equals("yes") || v.equals("on")
          || v.equals("y"), s.store());
    }
    if (key.equals(STORE)) {
      return new Settings(s.given(), s.consts(), s.failOnDeadRules(), store(value));
    }
    if (key.equals(CONST)) {
      return s.withConsts(consts(value));
    }
    String text = scalar(value, key);
    try {
      CheckSettings.defaults().with(key, text).validate(key);
    } catch (CheckSettings.InvalidValue e) {
      throw error(value, e.getMessage() + Suggestions.didYouMean(text, wordsOf(key)));
    }
    return s.with(key, text);
  }

  /** Whether {@code key} sets an option (a checker option, the dead-rule policy, constants or the store). */
  private static boolean isOption(String key) {
    return CheckSettings.KEYS.contains(key) || key.equals(FAIL_ON_DEAD_RULES) || key.equals(CONST)
        || key.equals(STORE);
  }

  /**
   * A {@code store} value, as {@code --store} takes it: {@code disk:DIR} relative to the project file's directory,
   * which must be a directory that can be written (checked here, so the error points at the value).
   */
  private StoreChoice store(Node value) throws ProjectFileException {
    String text = scalar(value, STORE);
    StoreChoice choice;
    try {
      choice = StoreChoice.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(value, "invalid value for " + STORE + ": '" + text + "' (expected auto, memory, disk or disk:DIR)"
          + Suggestions.didYouMean(text, List.of("auto", "memory", "disk")));
    }
    if (choice.dir() != null) {
      Path dir = path.getParent();
      Path resolved;
      try {
        resolved = (dir == null ? choice.dir() : dir.resolve(choice.dir())).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw error(value, "store '" + text + "' is not a valid path");
      }
      String why = StoreDirectory.unwritable(resolved);
      if (why != null) {
        throw error(value, STORE + " " + text + ": " + why);
      }
      choice = new StoreChoice(StoreChoice.Kind.DISK, resolved);
    }
    return choice;
  }

  private static List<String> wordsOf(String key) {
    return switch (key) {
      case "deadlock-detection" -> List.of("off", "stuck", "stuttering");
      case "symmetry-reduction" -> List.of("off", "heuristic", "exhaustive");
      default -> List.of();
    };
  }

  /** A {@code const} mapping: constant names to values, each located where it is. */
  private List<ConstOverride> consts(Node map) throws ProjectFileException {
    if (!(map instanceof MappingNode m)) {
      throw error(map, "'" + CONST + "' is a mapping of constant names to values, e.g. const: {N: 3}");
    }
    List<ConstOverride> list = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String constName = key(t, seen);
      String value = scalar(t.getValueNode(), constName);
      try {
        list.add(ConstOverride.parse(constName + "=" + value, where(t.getValueNode())));
      } catch (IllegalArgumentException e) {
        throw error(t.getKeyNode(), "'" + constName + "' is not a constant's name");
      }
    }
    return list;
  }

  /**
   * The model path {@code node} holds, resolved against the project file's directory: it must be inside the root
   * and a file. The message of a path refused quotes only the project file, never the file named.
   */
  private Path modelPath(Node node) throws ProjectFileException {
    String text = scalar(node, "model");
    Path dir = path.getParent();
    Path file;
    try {
      file = (dir == null ? Path.of(text) : dir.resolve(text)).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw error(node, "model '" + text + "' is not a valid path");
    }
    if (!root.contains(file)) {
      throw error(node, "model '" + text + "' is outside the project's root " + root
          + " (a project file names files in its own directory tree; 'ballot check --root DIR' widens it)");
    }
    if (Files.isDirectory(file)) {
      throw error(node, "model '" + text + "' is a directory (name each .m file)");
    }
    if (!Files.isRegularFile(file)) {
      throw error(node, "no such model file: " + text + " (resolved to " + file + ")");
    }
    return file;
  }

  /** The text of a scalar (numbers and booleans too, as written); anything else is an error at it. */
  private String scalar(Node node, String key) throws ProjectFileException {
    if (!(node instanceof ScalarNode s) || isNull(node)) {
      throw error(node, "'" + key + "' needs a single value");
    }
    return s.getValue();
  }

  /** A mapping's key as text, which must be a scalar and new in {@code seen}. */
  private String key(NodeTuple t, Set<String> seen) throws ProjectFileException {
    Node k = t.getKeyNode();
    if (!(k instanceof ScalarNode s) || isNull(k)) {
      throw error(k, "a key is a name");
    }
    if (!seen.add(s.getValue())) {
      throw error(k, "duplicate key '" + s.getValue() + "'");
    }
    return s.getValue();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** {@code file:line:col} of a node. */
  private String where(Node node) {
    Mark m = node.getStartMark();
    return name + ":" + (m == null ? 1 : m.getLine() + 1) + ":" + (m == null ? 1 : m.getColumn() + 1);
  }

  private ProjectFileException error(Node node, String problem) {
    Mark m = node == null ? null : node.getStartMark();
    // SnakeYAML's marks are 0-based
    return new ProjectFileException(name, m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
        problem);
  }
}
