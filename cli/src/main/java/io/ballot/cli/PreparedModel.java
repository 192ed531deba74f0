package io.ballot.cli;

import io.ballot.checker.explore.MemoryBudget;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.result.ViolationKind;
import io.ballot.cli.gate.ModelRun;
import io.ballot.cli.report.DiagnosticPrinter;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.settings.ConstOverrides;
import io.ballot.dsl.settings.ModelHeader;
import io.ballot.dsl.settings.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model read for a run, before its check: the run with the model's header applied ({@code run}), the front end's
 * result with the constant overrides in place ({@code load}; null when the header was bad or loading failed), the
 * usage errors found (a bad header, a constant override that names no constant or does not fit it, an expected
 * violation of a property the model does not have), each rendered as ballot prints it, and a failure of ballot
 * while loading ({@code failure}, null if none); {@code seconds} were spent reading it.
 */
record PreparedModel(
    ModelRun run, String name, LoadResult load, List<String> usageErrors, Throwable failure, double seconds) {

  /** Reads {@code r}'s model: its header, then the model with the constants the run overrides. */
  static PreparedModel prepare(ModelLoader loader, ModelRun r) {
    long start = System.nanoTime();
    String name = r.file().toString();
    ModelRun run = r;
    try {
      ModelHeader header = ModelHeader.empty();
      if (r.given() != null && Files.isRegularFile(r.file())) {
        String text = text(r.file());
        header = ModelHeader.parse(name, text);
        if (header.hasErrors()) {
          List<String> errors = new ArrayList<>();
          for (Diagnostic d : header.errors()) {
            errors.add(DiagnosticPrinter.render(d, text).stripTrailing());
          }
          return new PreparedModel(r, name, null, errors, null, since(start));
        }
        run = r.withHeader(header);
      }
      String memory = memoryBeyondHeap(run.options().memoryBytes());
      if (memory != null) {
        return new PreparedModel(run, name, null, List.of(memory), null, since(start));
      }
      ConstOverrides consts = new ConstOverrides(run.consts(header));
      LoadResult load = consts.isEmpty() ? loader.load(r.file()) : loader.load(r.file(), consts);
      if (load.file() != null) {
        name = load.file();
      }
      List<String> errors = new ArrayList<>();
      if (!load.hasErrors()) {
        for (ConstOverrides.Problem p : consts.problems()) {
          String at = p.override().at();
          errors.add(at.startsWith("--") ? "ballot: invalid value for " + at + ": " + p.message()
              : at + ": error: " + p.message());
        }
        String unknown = unknownExpectation(run, load);
        if (unknown != null) {
          String at = run.given() != null && run.given().expectAt() != null ? run.given().expectAt() : name;
          errors.add(at + ": error: " + unknown);
        }
      }
      return new PreparedModel(run, name, load, errors, null, since(start));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new PreparedModel(run, name, null, List.of(), e, since(start));
    }
  }

  /**
   * Why a memory limit of {@code bytes} (from the command line, the project file or the header) cannot be held by
   * this JVM's heap, or null when it can (or is the default): the heap would run out before the limit stopped the
   * search.
   */
  static String memoryBeyondHeap(long bytes) {
    long ceiling = MemoryBudget.ceiling();
    if (bytes <= ceiling) {
      return null;
    }
    return "ballot: invalid value for memory: " + (bytes >> 20) + " MiB is more than this JVM's heap can hold for"
        + " states (at most " + (ceiling >> 20) + " MiB of its " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB); lower it, or give the JVM more heap with BALLOT_JAVA_OPTS, e.g. BALLOT_JAVA_OPTS='-Xss16m -Xmx8g'";
  }

  /**
   * For a command that runs one model: rethrows a failure of ballot while loading it; prints its usage errors
   * (returns 2) or the front end's diagnostics (when it rejected the model, writes {@code reports} with the
   * rejection and returns 3); else {@link ExitCodes#OK}: the model may be run.
   */
  int refusal(java.io.PrintWriter err, ReportFiles reports, java.time.Instant started) {
    if (failure instanceof RuntimeException e) {
      throw e;
    } else if (failure instanceof Error e) {
      throw e;
    }
    if (!usageErrors.isEmpty()) {
      usageErrors.forEach(err::println);
      err.flush();
      return ExitCodes.USAGE;
    }
    new DiagnosticPrinter(err).print(load, true);
    if (load.hasErrors()) {
      reports.write(List.of(new io.ballot.cli.gate.ModelOutcome(run, name, load, null, null, "off", List.of(), null,
          null, 0)), started);
      return ExitCodes.MODEL_REJECTED;
    }
    return ExitCodes.OK;
  }

  /** Whether the model was read and may be checked. */
  boolean usable() {
    return usageErrors.isEmpty() && failure == null;
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String text(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]*)\"");

  /**
   * Why the expected violation names nothing the model can violate, or null when it does (or nothing is expected to
   * be violated): a property's name, a violation kind ({@code deadlock}, {@code invariant}, ...) or the text of an
   * {@code assert} or {@code error} (any quoted string of the model).
   */
  static String unknownExpectation(ModelRun run, LoadResult load) {
    String expected = run.expect().property();
    Model model = load.model();
    if (expected == null || model == null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (Property p : model.properties()) {
      if (p.name() != null) {
        names.add(p.name());
      }
    }
    for (ViolationKind k : ViolationKind.values()) {
      if (k.name().equalsIgnoreCase(expected)) {
        return null;
      }
    }
    if (names.contains(expected)) {
      return null;
    }
    Matcher m = QUOTED.matcher(load.source() == null ? "" : load.source());
    while (m.find()) {
      if (m.group(1).equals(expected)) {
        return null;
      }
    }
    List<String> candidates = new ArrayList<>(names);
    candidates.add("deadlock");
    String hint = Suggestions.didYouMean(expected, candidates);
    String list = (names.isEmpty() ? "it has no named properties"
        : "its properties: " + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()))
        + "; an assert or error is named by its text, a deadlock by 'deadlock'";
    return "expect: violates " + expected + ": " + run.file().getFileName() + " has no property '" + expected + "'"
        + (hint.isEmpty() ? " (" + list + ")" : hint);
  }
}
