package io.ballot.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.StoreChoice;
import io.ballot.dsl.settings.CheckSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ballot.yaml: the settings' precedence, and every kind of bad file at its file:line:col. */
class ProjectFileTest {

  @TempDir Path dir;

  @BeforeEach
  void models() throws Exception {
    Files.writeString(dir.resolve("a.m"), "var x: boolean;\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.m"), "var x: boolean;\n");
  }

  private List<ModelRun> read(String yaml) throws Exception {
    return read(yaml, CheckSettings.defaults(), Set.of());
  }

  private List<ModelRun> read(String yaml, CheckSettings base, Set<String> forced) throws Exception {
    Path file = dir.resolve("ballot.yaml");
    Files.writeString(file, yaml);
    return ProjectFile.read(file, base, forced, false);
  }

  private ProjectFileException bad(String yaml) {
    return assertThrows(ProjectFileException.class, () -> read(yaml));
  }

  private void assertAt(ProjectFileException e, int line, int column, String problem) {
    assertEquals(dir.resolve("ballot.yaml").toString(), e.file());
    assertEquals(line + ":" + column, e.line() + ":" + e.column(), e.getMessage());
    assertTrue(e.problem().contains(problem), e.getMessage());
    assertTrue(e.getMessage().startsWith(e.file() + ":" + line + ":" + column + ": error: "), e.getMessage());
  }

  @Test
  void modelsWithExpectationsAndSettings() throws Exception {
    List<ModelRun> runs = read("""
        defaults:
          deadlock-detection: stuck
          bound: 7
        models:
          - model: a.m
            expect: holds
          - model: sub/b.m
            expect: violates "mutual exclusion"
            deadlock-detection: off
            symmetry-reduction: exhaustive
            fail-on-dead-rules: true
          - a.m
        """);
    assertEquals(3, runs.size());
    assertEquals(dir.resolve("a.m"), runs.get(0).file());
    assertEquals(Expectation.HOLDS, runs.get(0).expect());
    assertEquals(CheckOptions.DeadlockMode.STUCK, runs.get(0).options().deadlock());
    assertEquals(7, runs.get(0).options().bound());
    assertEquals(dir.resolve("sub/b.m"), runs.get(1).file());
    assertEquals("mutual exclusion", runs.get(1).expect().property());
    assertEquals(CheckOptions.DeadlockMode.OFF, runs.get(1).options().deadlock(), "unquoted off is not a boolean");
    assertEquals(CheckOptions.Symmetry.EXHAUSTIVE, runs.get(1).options().symmetry());
    assertEquals(7, runs.get(1).options().bound(), "the defaults apply below a model's own keys");
    assertTrue(runs.get(1).failOnDeadRules());
    assertEquals(Expectation.HOLDS, runs.get(2).expect(), "a bare path expects holds");
    assertEquals(CheckOptions.DeadlockMode.STUCK, runs.get(2).options().deadlock());
  }

  @Test
  void commandLineOptionsGivenExplicitlyWin() throws Exception {
    CheckSettings cli = CheckSettings.defaults().with("threads", "1").with("bound", "3");
    List<ModelRun> runs = read("""
        defaults:
          threads: 2
          bound: 9
        models:
          - model: a.m
            expect: holds
            bound: 5
        """, cli, Set.of("threads"));
    assertEquals(1, runs.get(0).options().threads(), "explicit on the command line");
    assertEquals(5, runs.get(0).options().bound(), "not explicit: the model's own value");
  }

  @Test
  void unknownKeys() {
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n    treads: 2\n"), 4, 5, "unknown key 'treads'");
    assertAt(bad("modles:\n  - a.m\n"), 1, 1, "unknown key 'modles'");
    assertAt(bad("defaults:\n  colour: on\nmodels:\n  - a.m\n"), 2, 3, "unknown key 'colour' in defaults");
  }

  @Test
  void missingModels() {
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n  - model: nope.m\n    expect: holds\n"), 4, 12,
        "no such model file: nope.m");
    assertAt(bad("models:\n  - model: sub\n    expect: holds\n"), 2, 12, "is a directory");
    assertAt(bad("models:\n  - expect: holds\n"), 2, 5, "no 'model' key");
    assertAt(bad("defaults:\n  bound: 1\n"), 1, 1, "missing 'models'");
    assertAt(bad("models: []\n"), 1, 1, "'models' is empty");
    assertAt(bad(""), 1, 1, "empty project file");
  }

  @Test
  void badExpectations() {
    assertAt(bad("models:\n  - model: a.m\n    expect: passes\n"), 3, 13, "expected 'holds' or 'violates PROPERTY'");
    assertAt(bad("models:\n  - model: a.m\n    expect: violates\n"), 3, 13, "not 'violates'");
    assertAt(bad("models:\n  - model: a.m\n"), 2, 5, "no 'expect' key");
  }

  @Test
  void storeIsReadPerModelOverTheDefaultsWithItsDirectoryBesideTheProjectFile() throws Exception {
    List<ModelRun> runs = read("""
        defaults:
          store: memory
        models:
          - model: a.m
            expect: holds
            store: disk:states
          - a.m
        """);
    assertEquals(StoreChoice.Kind.DISK, runs.get(0).store().kind());
    assertEquals(dir.resolve("states"), runs.get(0).store().dir(), "relative to the project file's directory");
    assertEquals(StoreChoice.Kind.MEMORY, runs.get(1).store().kind(), "from defaults");
    assertNull(read("models:\n  - a.m\n").get(0).store(), "not set: the command line decides");
  }

  @Test
  void aBadStoreIsLocated() throws Exception {
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n    store: floppy\n"), 4, 12,
        "invalid value for store: 'floppy' (expected auto, memory, disk or disk:DIR)");
    Files.writeString(dir.resolve("plain"), "a file");
    assertAt(bad("defaults:\n  store: disk:plain/sub\nmodels:\n  - a.m\n"), 2, 10,
        "cannot write the disk store there");
  }

  @Test
  void badValuesAndShapes() {
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n    bound: -1\n"), 4, 12,
        "invalid value for bound: '-1' (expected an integer from 0 to 2147483647)");
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n    deadlock-detection: sometimes\n"), 4, 25,
        "invalid value for deadlock-detection");
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n    fail-on-dead-rules: yes please\n"), 4, 25,
        "true or false");
    assertAt(bad("models: a.m\n"), 1, 9, "'models' must be a list");
    assertAt(bad("models:\n  - model: [a.m]\n    expect: holds\n"), 2, 12, "needs a single value");
    assertAt(bad("models:\n  - model: a.m\n    model: a.m\n    expect: holds\n"), 3, 5, "duplicate key 'model'");
  }

  @Test
  void yamlSyntax() {
    assertAt(bad("models:\n\t- a.m\n"), 2, 1, "YAML syntax: found character '\\t(TAB)' that cannot start any token");
    assertAt(bad("models:\n  - model: a.m\n    expect: \"holds\n"), 4, 1,
        "YAML syntax: found unexpected end of stream (while scanning a quoted scalar)");
    assertAt(bad("models:\n  - model: a.m\n    expect: holds\n  x: [\n"), 4, 3, "YAML syntax: expected <block end>");
  }

  @Test
  void anAliasIsTheNodeItsAnchorNames() throws Exception {
    // A file named after the anchor: read as the literal path 'p', the alias checked the wrong model.
    Files.writeString(dir.resolve("p"), "var y: boolean;\n");
    List<ModelRun> runs = read("""
        models:
          - model: &p sub/b.m
            expect: holds
          - model: *p
            expect: holds
        """);
    assertEquals(dir.resolve("sub/b.m"), runs.get(1).file());
  }

  @Test
  void mergeKeysMergeAndOwnKeysWin() throws Exception {
    List<ModelRun> runs = read("""
        defaults: &d
          bound: 3
        models:
          - &first
            model: a.m
            expect: violates x
            deadlock-detection: stuck
          - <<: *first
            model: sub/b.m
          - *first
        """);
    assertEquals(3, runs.size());
    assertEquals(dir.resolve("sub/b.m"), runs.get(1).file(), "the entry's own key wins over the merged one");
    assertEquals("x", runs.get(1).expect().property());
    assertEquals(CheckOptions.DeadlockMode.STUCK, runs.get(1).options().deadlock());
    assertEquals(3, runs.get(1).options().bound());
    assertEquals(dir.resolve("a.m"), runs.get(2).file());
    assertAt(bad("models:\n  - model: *nowhere\n    expect: holds\n"), 2, 12, "found undefined alias nowhere");
  }

  @Test
  void billionLaughsIsRefusedQuicklyAtItsPlace() {
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      for (int k = 0; k < 9; k++) {
        yaml.append(k == 0 ? "" : ",").append('*').append(prev);
      }
      yaml.append("]\n");
    }
    yaml.append("models:\n  - model: a.m\n    expect: holds\n");
    long start = System.nanoTime();
    ProjectFileException e = bad(yaml.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 2, "refused in " + seconds + " s");
    // the 51st alias of a list: the 6th of line 7 (g's), at column 23
    assertAt(e, 7, 23, "YAML: Number of aliases for non-scalar nodes exceeds the specified max=50");
  }

  @Test
  void recursiveAliasesEndInAnErrorNotALoop() {
    // an aliased value is located where it is written: at its anchor
    assertAt(bad("models: &m [*m]\n"), 1, 9, "a model is a mapping (model, expect, options) or a path");
    assertAt(bad("defaults: &d {const: *d}\nmodels: [a.m]\n"), 1, 11, "'const' needs a single value");
    assertAt(bad("models:\n  - &e {model: a.m, expect: holds, bound: *e}\n"), 2, 5, "'bound' needs a single value");
  }

  @Test
  void aProjectFileThatIsNotUtf8IsLocated() throws Exception {
    Path file = dir.resolve("ballot.yaml");
    Files.write(file, new byte[] {'m', 'o', 'd', 'e', 'l', 's', ':', ' ', '[', (byte) 0xff, ']', '\n'});
    ProjectFileException e = assertThrows(ProjectFileException.class,
        () -> ProjectFile.read(file, CheckSettings.defaults(), Set.of(), false));
    assertTrue(e.getMessage().endsWith(": error: the project file is not UTF-8"), e.getMessage());
  }

  @Test
  void aHugeProjectFileIsRefused() {
    String yaml = "models:\n  - model: a.m\n    expect: holds\n# " + "x".repeat(ProjectYaml.MAX_CODE_POINTS) + "\n";
    assertAt(bad(yaml), 1, 1, "YAML: the project file is " + (yaml.length()) + " bytes; ballot reads at most 1048576");
  }

  @Test
  void modelPathsStayInsideTheProjectDirectory() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("a.m"), "var x: boolean;\n");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.m"), "SECRET CONTENT\n");
    Files.createSymbolicLink(project.resolve("link.m"), outside.resolve("secret.m"));
    Files.createSymbolicLink(project.resolve("linkdir"), outside);
    Path file = project.resolve("ballot.yaml");
    for (String path : List.of(outside.resolve("secret.m").toString(), "../outside/secret.m", "link.m",
        "linkdir/secret.m", "linkdir/nonexistent.m", "/etc/passwd", "../../../../../../../../etc/shadow",
        "./../outside/nonexistent.m")) {
      Files.writeString(file, "models:\n  - model: a.m\n    expect: holds\n  - model: '" + path + "'\n"
          + "    expect: holds\n");
      ProjectFileException e = assertThrows(ProjectFileException.class,
          () -> ProjectFile.read(file, CheckSettings.defaults(), Set.of(), false), path);
      assertEquals(file + ":4:12: error: model '" + path + "' is outside the project's root " + project
          + " (a project file names files in its own directory tree; 'ballot check --root DIR' widens it)",
          e.getMessage());
    }
    Files.writeString(file, "models:\n  - ../outside/secret.m\n");
    ProjectFileException bare = assertThrows(ProjectFileException.class,
        () -> ProjectFile.read(file, CheckSettings.defaults(), Set.of(), false));
    assertEquals(2 + ":" + 5, bare.line() + ":" + bare.column());
    assertTrue(bare.problem().contains("is outside the project's root"), bare.getMessage());
  }

  @Test
  void aWiderRootLetsPathsOut() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path file = project.resolve("ballot.yaml");
    Files.writeString(file, "models:\n  - model: ../a.m\n    expect: holds\n");
    assertThrows(ProjectFileException.class,
        () -> ProjectFile.read(file, null, CheckSettings.defaults(), Set.of(), List.of(), false));
    List<ModelRun> runs = ProjectFile.read(file, ProjectRoot.of(dir), CheckSettings.defaults(), Set.of(), List.of(),
        false);
    assertEquals(dir.resolve("a.m"), runs.get(0).file());
  }

  @Test
  void expectationTexts() {
    assertEquals(Expectation.HOLDS, Expectation.parse(" Holds "));
    assertEquals("deadlock", Expectation.parse("violates deadlock").property());
    assertEquals("a b", Expectation.parse("violates \"a b\"").property());
    assertEquals("violates a b", Expectation.parse("violates \"a b\"").toString());
    assertThrows(IllegalArgumentException.class, () -> Expectation.parse("violated x"));
  }
}
