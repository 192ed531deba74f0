package io.ballot.cli.daemon;

import io.ballot.cli.Main;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a new daemon does before it accepts clients: validates and checks a two-state model (output discarded), so
 * that the first client's run finds the front end's and the checker's classes loaded. Its runs are plain in-process
 * runs with their own context: they leave nothing behind that a later run could see.
 */
final class Warmup {
  private Warmup() {}

  static void run(Path dir) {
    try {
      Path model = Files.createTempFile(dir, "warmup", ".m");
      try {
        Files.writeString(model, "var x: boolean;\nstartstate begin x := false; end;\nrule begin x := !x; end;\n"
            + "invariant \"any\" x | !x;\n", StandardCharsets.UTF_8);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Main.run(new String[] {"validate", model.toString()}, nowhere, nowhere);
        Main.run(new String[] {"check", model.toString()}, nowhere, nowhere);
      } finally {
        Files.deleteIfExists(model);
      }
    } catch (IOException | RuntimeException e) {
      // a warm-up that fails only leaves the first run slower
    }
  }
}
