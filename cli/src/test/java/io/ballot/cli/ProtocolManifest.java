package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of {@code protocols/manifest.tsv}: one expected result per (model, symmetry mode). */
record ProtocolManifest(List<ProtocolManifest.Row> rows) {

  /** One row; {@code states}, {@code depth}, {@code traceSteps} are -1 and {@code property} null where "-". */
  record Row(
      String model, CheckOptions.Symmetry symmetry, CheckOptions.DeadlockMode deadlock, boolean holds, long states,
      int depth, String property, int traceSteps, double maxSeconds, int line) {

    /** A readable name: the model and the symmetry mode. */
    String label() {
      return model + " [" + symmetry.name().toLowerCase() + "]";
    }
  }

  static ProtocolManifest read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (!header) {
        if (!f[0].equals("model") || f.length < 10) {
          throw new IOException(file + ":" + (i + 1) + ": expected the header row (model, symmetry, ...)");
        }
        header = true;
        continue;
      }
      if (f.length < 10) {
        throw new IOException(file + ":" + (i + 1) + ": expected 10 tab-separated columns, got " + f.length);
      }
      rows.add(new Row(
          f[0], CheckOptions.Symmetry.valueOf(f[1].toUpperCase()), deadlock(f[2], file, i + 1),
          switch (f[3]) {
            case "holds" -> true;
            case "violated" -> false;
            default -> throw new IOException(file + ":" + (i + 1) + ": verdict must be holds or violated: " + f[3]);
          },
          f[4].equals("-") ? -1 : Long.parseLong(f[4]), f[5].equals("-") ? -1 : Integer.parseInt(f[5]),
          f[6].equals("-") ? null : f[6], f[7].equals("-") ? -1 : Integer.parseInt(f[7]), Double.parseDouble(f[8]),
          i + 1));
    }
    return new ProtocolManifest(List.copyOf(rows));
  }

  /** The deadlock mode of the flags column ({@code --deadlock-detection X}; Ballot's default otherwise). */
  private static CheckOptions.DeadlockMode deadlock(String flags, Path file, int line) throws IOException {
    List<String> words = Arrays.asList(flags.trim().split("\\s+"));
    int i = words.indexOf("--deadlock-detection");
    if (i < 0) {
      return CheckOptions.DeadlockMode.STUTTERING;
    }
    if (i + 1 >= words.size()) {
      throw new IOException(file + ":" + line + ": --deadlock-detection without a value");
    }
    return CheckOptions.DeadlockMode.valueOf(words.get(i + 1).toUpperCase());
  }
}
