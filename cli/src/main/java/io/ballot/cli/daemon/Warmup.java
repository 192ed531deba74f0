package io.ballot.cli.daemon;

import io.ballot.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What a new daemon does to be fast from its first clients on. Before it accepts clients: validates and checks a
 * two-state model (output discarded), so that the first client's run finds the front end's and the checker's
 * classes loaded. Then, in the background while no client is served, it validates and checks a model that uses
 * most of the language ({@code warmup.m}) a number of times, so that the JIT has compiled the parser, validator,
 * lowering and interpreter before the user's next runs rather than during them: the first runs a daemon served
 * were those slower than 0.5 s for {@code validate} (bench/LOG.md). Its runs are plain in-process runs with their
 * own context: they leave nothing behind that a later run could see.
 */
final class Warmup {
  /** Rounds of the background warm-up (a validate and a check each), a few seconds of one core in all. */
  static final int ROUNDS = 15;

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

  /**
   * Starts the background warm-up on a low-priority daemon thread: {@link #ROUNDS} rounds in {@code dir}, each only
   * once {@code busy} (a run under way or ended less than a second ago) has been false for a second: a round waits
   * while clients come one after another, so that it takes little from their runs on a busy machine. Stops early
   * once {@code stopped}.
   */
  static Thread startBackground(Path dir, BooleanSupplier busy, BooleanSupplier stopped) {
    Thread t = new Thread(() -> background(dir, busy, stopped), "ballot-daemon-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  private static void background(Path dir, BooleanSupplier busy, BooleanSupplier stopped) {
    try (InputStream in = Warmup.class.getResourceAsStream("warmup.m")) {
      if (in == null) {
        return;
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Path model = Files.createTempFile(dir, "warmup", ".m");
      try {
        Files.writeString(model, text, StandardCharsets.UTF_8);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        for (int i = 0; i < ROUNDS && !stopped.getAsBoolean(); i++) {
          int quiet = 0;
          while (quiet < 20 && !stopped.getAsBoolean()) { // 20 polls 50 ms apart without a run
            Thread.sleep(50);
            quiet = busy.getAsBoolean() ? 0 : quiet + 1;
          }
          Main.run(new String[] {"validate", model.toString()}, nowhere, nowhere);
          Main.run(new String[] {"check", "--threads", "1", model.toString()}, nowhere, nowhere);
        }
      } finally {
        Files.deleteIfExists(model);
      }
    } catch (IOException | RuntimeException e) {
      // a warm-up that fails only leaves the first runs slower
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
