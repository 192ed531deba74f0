package io.ballot.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballot.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code ballot:check}: checks every model of a project file ({@code ballot.yaml}) and fails the build when one of
 * them does not meet its expected outcome, naming the model, what it did and where. Writes JUnit XML, SARIF and
 * JSON reports under {@code target/ballot}. Ballot runs in a forked JVM (the checker wants a large thread stack and
 * all cores, and must not share the build's heap), with this plugin's own class path.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {

  /** The project file: the models, their options and expected outcomes (see docs/ci.md). */
  @Parameter(property = "ballot.projectFile", defaultValue = "${project.basedir}/ballot.yaml")
  private File projectFile;

  /** Where the reports go: TEST-ballot.xml (JUnit), ballot.sarif, ballot.json. */
  @Parameter(property = "ballot.reportsDirectory", defaultValue = "${project.build.directory}/ballot")
  private File reportsDirectory;

  /** Fail the build when a rule never fires in a complete search (default: only a warning). */
  @Parameter(property = "ballot.failOnDeadRules", defaultValue = "false")
  private boolean failOnDeadRules;

  /** Worker threads per model (default: all cores). */
  @Parameter(property = "ballot.threads")
  private Integer threads;

  /** Options of the forked JVM. */
  @Parameter(property = "ballot.jvmArgs", defaultValue = "-Xss16m")
  private List<String> jvmArgs;

  /**
   * The directory tree the project file's model paths may name files in (passed as {@code --root}); default: the
   * project file's own directory tree. A path outside it fails the build.
   */
  @Parameter(property = "ballot.root")
  private File root;

  /** Skip the check. */
  @Parameter(property = "ballot.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
  private List<Artifact> pluginArtifacts;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ballot: skipped");
      return;
    }
    if (!projectFile.isFile()) {
      throw new MojoExecutionException("ballot: no project file " + projectFile
          + " (set projectFile, or write one: see docs/ci.md)");
    }
    String badThreads = invalidThreads(threads);
    if (badThreads != null) {
      throw new MojoExecutionException(badThreads);
    }
    Path reports = reportsDirectory.toPath();
    Path json = reports.resolve("ballot.json");
    int exit;
    try {
      Files.createDirectories(reports);
      Files.deleteIfExists(json);
      exit = fork(command(reports, json));
    } catch (IOException e) {
      throw new MojoExecutionException("ballot: cannot run the checker: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("ballot: interrupted", e);
    }
    if (exit == ExitCodes.OK) {
      getLog().info("ballot: every model met its expectation (reports in " + reports + ")");
      return;
    }
    String why = Outcomes.failureMessage(json, exit);
    if (exit == ExitCodes.INTERNAL_ERROR || exit == ExitCodes.USAGE) {
      throw new MojoExecutionException(why);
    }
    throw new MojoFailureException(why);
  }

  /**
   * Why {@code threads} (the {@code threads} parameter, {@code ballot.threads}) is not a valid thread count, or null
   * when it is (or is not set): the same range as {@code ballot check --threads}, checked before the checker is
   * forked.
   */
  static String invalidThreads(Integer threads) {
    if (threads == null || (threads >= 0 && threads <= io.ballot.dsl.settings.CheckSettings.MAX_THREADS)) {
      return null;
    }
    return "ballot: invalid value for threads (ballot.threads): " + threads + " (expected an integer from 0 to "
        + io.ballot.dsl.settings.CheckSettings.MAX_THREADS + "; 0: all available cores)";
  }

  /** {@code java [jvmArgs] -cp CP io.ballot.cli.Main check PROJECT --junit ... --sarif ... --json ...}. */
  private List<String> command(Path reports, Path json) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    StringBuilder cp = new StringBuilder();
    for (Artifact a : pluginArtifacts) {
      if (a.getFile() != null) {
        cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(a.getFile().getAbsolutePath());
      }
    }
    cmd.add(cp.toString());
    cmd.add("io.ballot.cli.Main");
    cmd.addAll(arguments(reports, json));
    return cmd;
  }

  /** {@code check PROJECT --junit ... --sarif ... --json ...} and the options set: ballot's arguments. */
  List<String> arguments(Path reports, Path json) {
    List<String> cmd = new ArrayList<>();
    cmd.add("check");
    cmd.add(relative(projectFile.toPath()));
    cmd.add("--junit");
    cmd.add(reports.resolve("TEST-ballot.xml").toString());
    cmd.add("--sarif");
    cmd.add(reports.resolve("ballot.sarif").toString());
    cmd.add("--json");
    cmd.add(json.toString());
    cmd.add("--counterexample-trace");
    cmd.add("diff");
    if (threads != null) {
      cmd.add("--threads");
      cmd.add(threads.toString());
    }
    if (failOnDeadRules) {
      cmd.add("--fail-on-dead-rules");
    }
    if (root != null) {
      cmd.add("--root");
      cmd.add(root.getAbsolutePath());
    }
    return cmd;
  }

  /** {@code path} relative to the project's directory when it is below it, so reports name models relatively. */
  private String relative(Path path) {
    Path base = basedir.toPath().toAbsolutePath().normalize();
    Path p = path.toAbsolutePath().normalize();
    return p.startsWith(base) ? base.relativize(p).toString() : p.toString();
  }

  /** Runs the checker in the project's directory, its output into the build log; returns its exit code. */
  private int fork(List<String> cmd) throws IOException, InterruptedException {
    getLog().debug("ballot: " + String.join(" ", cmd));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows")
        ? "NUL" : "/dev/null")));
    Process process = pb.start();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("ballot: warning:")) {
          getLog().warn(line);
        } else if (line.startsWith("ballot:")) {
          getLog().error(line);
        } else {
          getLog().info(line);
        }
      }
    }
    return process.waitFor();
  }

  /** Reads ballot's JSON report for a failure message. */
  static final class Outcomes {
    private Outcomes() {}

    /** One line per model that did not meet its expectation; the exit code's meaning when there is no report. */
    static String failureMessage(Path json, int exit) {
      StringBuilder sb = new StringBuilder("ballot: exit code " + exit + " (" + meaning(exit) + ")");
      if (Files.isRegularFile(json)) {
        try {
          JsonNode root = new ObjectMapper().readTree(json.toFile());
          for (JsonNode m : root.path("models")) {
            if (!"met".equals(m.path("status").asText())) {
              sb.append(System.lineSeparator()).append("  ").append(m.path("model").asText())
                  .append(": expected ").append(m.path("expect").asText())
                  .append(", got ").append(m.path("outcome").asText());
            }
          }
        } catch (IOException e) {
          sb.append(System.lineSeparator()).append("  (the JSON report is unreadable: ").append(e.getMessage())
              .append(')');
        }
      }
      return sb.toString();
    }

    private static String meaning(int exit) {
      return switch (exit) {
        case ExitCodes.INTERNAL_ERROR -> "internal error in ballot";
        case ExitCodes.SOUNDNESS_FAILURE -> "soundness failure in ballot: a violation its trace does not confirm";
        case ExitCodes.USAGE -> "bad project file or options; see the message above";
        case ExitCodes.MODEL_REJECTED -> "a model was rejected";
        case ExitCodes.RESOURCE_LIMIT -> "a resource limit stopped a model";
        case ExitCodes.EXPECTATION_NOT_MET -> "a model did not meet its expectation";
        case ExitCodes.DEAD_RULES -> "a rule never fired";
        default -> "see docs/exit-codes.md";
      };
    }
  }
}
