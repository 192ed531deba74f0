package io.ballot.cluster;

import io.ballot.checker.CheckOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The protocol library's rows as {@link SparkCorpusTest} runs them: the rows of {@code protocols/manifest.tsv}
 * small enough to run as they are, and for the others the same model file and symmetry mode with the smaller
 * constants of {@code library-reduced.tsv} (a test resource).
 */
final class LibraryRows {
  private LibraryRows() {}

  /** A row of the manifest: its model (under {@code protocols/}), flags and expected result. */
  record ManifestRow(String model, String symmetry, List<String> flags, boolean holds, long states, String property,
      int steps) {
    /** The key of this model and symmetry mode in {@code library-reduced.tsv}. */
    String key() {
      return model + "\t" + symmetry;
    }

    /** Whether the row runs as it is: it holds with at most {@code maxStates}, or violates in at most maxSteps. */
    boolean small(long maxStates, int maxSteps) {
      return holds ? states <= maxStates : steps <= maxSteps;
    }
  }

  /** A run of the test: its name, its case, and the manifest row it stands for (null for Peterson's model). */
  record Run(String name, SparkExplorerTest.Case c, ManifestRow row) {
    boolean reduced() {
      return !c.consts().isEmpty();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The rows of {@code protocols/manifest.tsv} under the repository root {@code repo}. */
  static List<ManifestRow> manifest(Path repo) throws IOException {
    List<ManifestRow> rows = new ArrayList<>();
    for (String line : Files.readAllLines(repo.resolve("protocols/manifest.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (line.startsWith("#") || f.length < 8 || f[0].equals("model")) {
        continue;
      }
      boolean holds = f[3].equals("holds");
      rows.add(new ManifestRow(f[0], f[1], List.of(f[2].trim().split("\\s+")), holds,
          holds ? Long.parseLong(f[4]) : -1, f[6], holds ? -1 : Integer.parseInt(f[7])));
    }
    return rows;
  }

  /** The constants of {@code library-reduced.tsv}, by {@link ManifestRow#key()}, in the file's order. */
  static Map<String, List<String>> reduced() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    try (InputStream in = LibraryRows.class.getResourceAsStream("/library-reduced.tsv")) {
      if (in == null) {
        throw new IOException("library-reduced.tsv is not on the test class path");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t");
        if (line.isBlank() || line.startsWith("#") || f[0].equals("model")) {
          continue;
        }
        if (f.length < 3 || rows.put(f[0] + "\t" + f[1], List.of(f[2].trim().split("\\s+"))) != null) {
          throw new IOException("library-reduced.tsv: a malformed or repeated row: " + line);
        }
      }
    }
    return rows;
  }

  /**
   * The runs: each manifest row that is small (see {@link ManifestRow#small}) as it is, each larger one that {@code
   * reduced} lists with its constants (named with them), and Peterson's model.
   */
  static List<Run> runs(Path repo, long maxStates, int maxSteps) throws IOException {
    Map<String, List<String>> reduced = reduced();
    List<Run> runs = new ArrayList<>();
    for (ManifestRow row : manifest(repo)) {
      List<String> consts = row.small(maxStates, maxSteps) ? List.of() : reduced.get(row.key());
      if (consts == null) {
        continue;
      }
      CheckOptions o = SparkExplorerTest.optionsOf(row.flags())
          .withSymmetry(CheckOptions.Symmetry.valueOf(row.symmetry().toUpperCase(Locale.ROOT)));
      String name = row.model() + " " + row.symmetry() + (consts.isEmpty() ? "" : " [" + String.join(" ", consts)
          + "]");
      runs.add(new Run(name, new SparkExplorerTest.Case(repo.resolve("protocols/" + row.model()), o, consts), row));
    }
    runs.add(new Run("models/peterson.m heuristic", new SparkExplorerTest.Case(
        repo.resolve("protocols/models/peterson.m"), SparkExplorerTest.optionsOf(List.of())), null));
    return runs;
  }
}
