package io.ballot.examples.twophase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the two-phase commit system once and prints the logs it wrote (docs/replay-tutorial.md):
 * {@code java -cp examples/target/ballot-examples.jar io.ballot.examples.twophase.Main [options] DIR}.
 */
public final class Main {
  private Main() {}

  private static final String USAGE = """
      usage: Main [--seed N] [--bug] [--no-faults] [--loss P] [--max-delay-us N] [--crash P] [--single-log]
                  [--unlogged] [--timeout-ms N] [--soak EVENTS] DIR
        Runs one transaction (a TM and 3 RMs over TCP on 127.0.0.1) and writes DIR/tm.jsonl, DIR/rm1.jsonl, ...
        --bug          plant the bug of TwoPhase-bug-commit-on-timeout.m (the TM commits on a timeout)
        --single-log   every node writes to DIR/all.jsonl
        --unlogged     each node leaves one variable out of its log (the TM its decision, an RM its status)
        --timeout-ms N the TM's vote timeout (default 500)
        --soak EVENTS  keep the RMs asking for the decision until the logs hold EVENTS lines""";

  public static void main(String[] args) throws Exception {
    long seed = 1;
    Faults f = Faults.DEFAULT;
    boolean bug = false;
    boolean single = false;
    boolean unlogged = false;
    long soak = 0;
    int timeout = 500;
    Path dir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--bug" -> bug = true;
          case "--no-faults" -> f = Faults.NONE;
          case "--loss" -> f = new Faults(Double.parseDouble(args[++i]), f.maxDelayMicros(), f.crash(), f.rmAbort(),
              f.tmAbort(), false);
          case "--max-delay-us" -> f = new Faults(f.loss(), Integer.parseInt(args[++i]), f.crash(), f.rmAbort(),
              f.tmAbort(), false);
          case "--crash" -> f = new Faults(f.loss(), f.maxDelayMicros(), Double.parseDouble(args[++i]), f.rmAbort(),
              f.tmAbort(), false);
          case "--single-log" -> single = true;
          case "--unlogged" -> unlogged = true;
          case "--timeout-ms" -> timeout = Integer.parseInt(args[++i]);
          case "--soak" -> soak = Long.parseLong(args[++i]);
          case "-h", "--help" -> {
            System.out.println(USAGE);
            return;
          }
          default -> {
            if (args[i].startsWith("-") || dir != null) {
              throw new IllegalArgumentException("unknown option or extra argument: " + args[i]);
            }
            dir = Path.of(args[i]);
          }
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("the log directory is missing");
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      System.err.println("error: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option needs a value"
          : e.getMessage()) + "\n" + USAGE);
      System.exit(2);
      return;
    }
    // A fresh JVM takes a few hundred ms to load and compile the nodes' code: a longer timeout than the tests'.
    RunSettings s = RunSettings.defaults().withFaults(f.withBug(bug)).withLogs(single, unlogged)
        .withVoteTimeout(timeout);
    if (soak > 0) {
      s = s.withSoak(soak, 600_000);
    }
    List<Path> logs;
    try {
      logs = new Cluster(s).run(seed, dir);
    } catch (IOException e) {
      System.err.println("error: cannot write the logs into " + dir + ": " + e);
      System.exit(1);
      return;
    }
    StringBuilder b = new StringBuilder();
    for (Path p : logs) {
      b.append(b.length() == 0 ? "" : " ").append(p);
    }
    System.out.println(b);
  }
}
