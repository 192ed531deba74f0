package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project file stays inside its project: a model path that leaves the project file's directory tree (absolute,
 * {@code ../}, a symbolic link) is refused at its place with exit 2, before anything is read from it or any report
 * is written, so nothing of the named file reaches the console or the reports; {@code --root} widens the tree. And
 * no report replaces a model a project file or a directory lists.
 */
class ProjectRootTest {

  /** Not a model: the first line a parse error would quote. */
  static final String SECRET = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash\nsecond SECRET line\n";

  @TempDir Path dir;
  Path project;
  Path outside;

  @BeforeEach
  void files() throws Exception {
    project = Files.createDirectories(dir.resolve("project"));
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(project.resolve("counter.m"), CheckCommandTest.COUNTER);
    Files.writeString(outside.resolve("passwd"), SECRET);
    Files.writeString(outside.resolve("counter.m"), CheckCommandTest.COUNTER);
    Files.createSymbolicLink(project.resolve("link.m"), outside.resolve("passwd"));
    Files.createDirectories(dir.resolve("reports"));
  }

  private Path yaml(String modelPath) throws Exception {
    return Files.writeString(project.resolve("ballot.yaml"),
        "models:\n  - model: counter.m\n    expect: holds\n  - model: '" + modelPath + "'\n    expect: holds\n");
  }

  private Cli check(Path projectFile, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("check", projectFile.toString(),
        "--junit", dir.resolve("reports/junit.xml").toString(), "--sarif", dir.resolve("reports/r.sarif").toString(),
        "--json", dir.resolve("reports/r.json").toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void escapesAreRefusedAtTheirPlaceQuotingNothingOfTheFile() throws Exception {
    for (String path : List.of(outside.resolve("passwd").toString(), "../outside/passwd", "link.m",
        "../../../../../../../../../../" + outside.resolve("passwd"))) {
      Path file = yaml(path);
      Cli r = check(file);
      assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
      assertEquals("ballot: " + file + ":4:12: error: model '" + path + "' is outside the project's root " + project
          + " (a project file names files in its own directory tree; 'ballot check --root DIR' widens it)\n",
          r.err(), r::toString);
      assertFalse((r.out() + r.err()).contains("SECRET"), r::toString);
      try (var reports = Files.list(dir.resolve("reports"))) {
        assertEquals(List.of(), reports.toList(), "no report is written: " + r);
      }
    }
  }

  @Test
  void rootWidensTheTree() throws Exception {
    Path file = yaml("../outside/counter.m");
    assertEquals(ExitCodes.USAGE, check(file).exitCode());
    Cli r = check(file, "--root", dir.toString());
    assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Gate: 2 models, 2 as expected, 0 not"), r::toString);
    // still a tree: the file outside it is refused
    Cli narrow = check(yaml(outside.resolve("passwd").toString()), "--root", project.toString());
    assertEquals(ExitCodes.USAGE, narrow.exitCode(), narrow::toString);
    assertFalse((narrow.out() + narrow.err()).contains("SECRET"), narrow::toString);
    Cli missing = check(file, "--root", dir.resolve("nope").toString());
    assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("--root " + dir.resolve("nope") + ": no such directory"), missing::toString);
  }

  @Test
  void noReportReplacesAModelTheProjectFileOrADirectoryLists() throws Exception {
    Path file = yaml("counter.m");
    Path model = project.resolve("counter.m");
    for (String option : List.of("--json", "--junit", "--sarif")) {
      Cli r = Cli.run("check", file.toString(), option, model.toString());
      assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
      assertTrue(r.err().contains("refusing to write the " + option + " report to " + model), r::toString);
      assertEquals(CheckCommandTest.COUNTER, Files.readString(model), option + " must not touch the model");
      Cli d = Cli.run("check", outside.toString(), option, outside.resolve("counter.m").toString());
      assertEquals(ExitCodes.USAGE, d.exitCode(), d::toString);
      assertEquals(CheckCommandTest.COUNTER, Files.readString(outside.resolve("counter.m")));
    }
  }
}
