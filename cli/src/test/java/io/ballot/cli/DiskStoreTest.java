package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store}: the disk search prints what the in-memory one prints (counts and counterexample), auto hands
 * the in-memory search's states over to the disk search at a level boundary when the memory limit nears, and the
 * result is the same (counts and counterexample; it says so on stderr), and misuses are usage errors (exit
 * 2) that name the problem: a directory that cannot be written (with its path), an unknown value, liveness
 * properties, hash compaction. (Checkpoints with the disk store: {@link DiskCheckpointTest}.)
 */
class DiskStoreTest {
  private static final String COUNTERS = CountersModel.text(4, 5);

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** The report without the lines that hold times, rates or memory figures. */
  static String masked(String out) {
    return out.lines().filter(l -> !l.startsWith("Checking ") && !l.contains("Time:"))
        .collect(Collectors.joining("\n")) + "\n" + out.lines().filter(l -> l.contains("States:"))
        .map(l -> l.replaceAll("Time:.*", "")).collect(Collectors.joining("\n"));
  }

  @Test
  void theDiskSearchReportsWhatTheMemorySearchReports() throws IOException {
    Path model = write("counters.m", COUNTERS);
    Cli memory = Cli.run("check", model.toString(), "--store", "memory", "--threads", "2");
    Cli disk = Cli.run("check", model.toString(), "--store", "disk:" + dir.resolve("store"), "--memory", "16K",
        "--threads", "2");
    assertEquals(0, memory.exitCode(), memory.toString());
    assertEquals(0, disk.exitCode(), disk.toString());
    assertTrue(memory.out().contains("States: 1296 "), memory.out());
    assertEquals(masked(memory.out()), masked(disk.out()));
    try (Stream<Path> kept = Files.list(dir.resolve("store"))) {
      assertEquals(1, kept.count(), "a chosen directory keeps the store's directory");
    }
  }

  @Test
  void aCounterexampleFoundOnDiskIsTheMemorySearchOne() throws IOException {
    Path model = write("bug.m", COUNTERS.replace("c[i] <= MAX end", "c[i] <= MAX end & c[1] + c[2] < 7"));
    Cli memory = Cli.run("check", model.toString(), "--store", "memory", "--threads", "2");
    Set<Path> before = temporaryStores();
    Cli disk = Cli.run("check", model.toString(), "--store", "disk", "--memory", "16K", "--threads", "2");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, memory.exitCode(), memory.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, disk.exitCode(), disk.toString());
    assertTrue(memory.out().contains("inc"), memory.out());
    assertEquals(masked(memory.out()), masked(disk.out()));
    Set<Path> after = temporaryStores();
    after.removeAll(before);
    assertTrue(after.isEmpty(), "the temporary store is removed at the end: " + after);
  }

  /**
   * Three partitions whose 16-candidate tables fill at different points of a chunk: the new states are merged back
   * into the order one thread finds them in, so the counterexample (and every count) is the in-memory search's.
   */
  @Test
  void partitionsFlushedMidChunkKeepTheOneThreadOrder() throws IOException {
    Path model = write("deep-bug.m", CountersModel.text(5, 5)
        .replace("c[i] <= MAX end", "c[i] <= MAX end & c[1] + c[3] + c[5] < 13"));
    Cli memory = Cli.run("check", model.toString(), "--store", "memory", "--threads", "2");
    Cli disk = Cli.run("check", model.toString(), "--store", "disk", "--memory", "16K", "--threads", "3");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, memory.exitCode(), memory.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, disk.exitCode(), disk.toString());
    assertEquals(masked(memory.out()), masked(disk.out()));
  }

  /** A project file's {@code store} puts that model's states on disk, in its directory; --store overrides it. */
  @Test
  void aProjectFileChoosesTheStorePerModel() throws IOException {
    write("counters.m", COUNTERS);
    Path project = write("ballot.yaml", """
        models:
          - model: counters.m
            expect: holds
            store: disk:states
        """);
    Cli gate = Cli.run("check", project.toString(), "--memory", "16K", "--threads", "2");
    assertEquals(0, gate.exitCode(), gate.toString());
    try (Stream<Path> kept = Files.list(dir.resolve("states"))) {
      assertEquals(1, kept.count(), "the model ran on disk, in the directory the project file chose");
    }
    Cli memory = Cli.run("check", project.toString(), "--store", "memory", "--threads", "2");
    assertEquals(0, memory.exitCode(), memory.toString());
    try (Stream<Path> kept = Files.list(dir.resolve("states"))) {
      assertEquals(1, kept.count(), "--store memory on the command line wins over the project file");
    }
    Path bad = write("bad.yaml", "models:\n  - model: counters.m\n    expect: holds\n    store: tape\n");
    Cli r = Cli.run("check", bad.toString());
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad.yaml:4:12"), r.err());
  }

  private static Set<Path> temporaryStores() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("ballot-store-")).collect(Collectors.toSet());
    }
  }

  @Test
  void autoContinuesOnDiskFromALevelBoundaryWithTheSameCounterexample() throws IOException {
    // The invariant fails only deep in the search (at depth 4 * 9 - 2), long after the hand-over.
    Path model = write("deep.m", CountersModel.wide(CountersModel.text(5, 9)
        .replace("c[i] <= MAX end", "c[i] <= MAX end & c[1] + c[2] + c[3] + c[4] < 34")));
    Cli full = Cli.run("check", model.toString(), "--threads", "2", "--store", "memory");
    // The default first tries the tree-compressed store, which does not compress these counters enough to hold the
    // next level within 1M: the id-indexed records hand their levels over; the tree-compressed store kept throughout
    // keeps no records of the levels expanded, so it searches again on disk from the start: the same counterexample
    // either way.
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "1M");
    Cli again = Cli.run("check", model.toString(), "--threads", "2", "--memory", "1M", "--x-wide-store", "tree");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, full.exitCode(), full.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, auto.exitCode(), auto.toString());
    assertEquals(ExitCodes.INVARIANT_VIOLATED, again.exitCode(), again.toString());
    assertTrue(auto.err().contains("the in-memory search nears its memory limit at "), auto.err());
    assertTrue(auto.err().contains("continuing from there with the states on disk"), auto.err());
    assertTrue(again.err().contains("searching again with the states on disk"), again.err());
    assertEquals(masked(full.out()), masked(auto.out()));
    assertEquals(masked(full.out()), masked(again.out()));
  }

  /**
   * 262,144 states of 84 bits whose two halves each take 256 values: the id-indexed records need about 9 MB, the
   * tree-compressed store about 3.5 MB.
   */
  static final String PARTS = """
      const MAX: 3;
      type val: 0..MAX;
      var a: array [1..4] of val; pad: array [1..4] of 0..65535; b: array [1..5] of val;
      startstate begin for k: 1..4 do pad[k] := 7; a[k] := 0; end; for k: 1..5 do b[k] := 0; end; end;
      ruleset i: 1..4 do rule "a" a[i] < MAX ==> begin a[i] := a[i] + 1; end; end;
      ruleset i: 1..5 do rule "b" b[i] < MAX ==> begin b[i] := b[i] + 1; end; end;
      invariant "not all full" exists i: 1..5 do b[i] < MAX end | exists i: 1..4 do a[i] < MAX end;
      """;

  @Test
  void autoCompactsAWideModelInMemoryBeforeDisk() throws IOException {
    Path model = write("parts.m", PARTS);
    Cli records = Cli.run("check", model.toString(), "--threads", "2", "--store", "memory", "--x-wide-store",
        "records");
    Cli tight = Cli.run("check", model.toString(), "--threads", "2", "--memory", "6M", "--store", "memory",
        "--x-wide-store", "records");
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "6M");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, records.exitCode(), records.toString());
    assertEquals(ExitCodes.RESOURCE_LIMIT, tight.exitCode(), "the records alone do not fit: " + tight);
    assertEquals(ExitCodes.INVARIANT_VIOLATED, auto.exitCode(), auto.toString());
    assertTrue(auto.err().contains("its states moved to the tree-compressed store"), auto.err());
    assertFalse(auto.err().contains("continuing from there with the states on disk"), auto.err());
    assertFalse(auto.err().contains("searching again with the states on disk"), auto.err());
    assertTrue(records.out().contains("States: 262144 "), records.out());
    assertEquals(masked(records.out()), masked(auto.out())); // counts and the counterexample, step for step
  }

  @Test
  void autoHandsOverWhenTheTreeDoesNotFitEither() throws IOException {
    Path model = write("parts.m", PARTS);
    Cli records = Cli.run("check", model.toString(), "--threads", "2", "--store", "memory");
    // 1M: the tree would not leave room for as many states again when the records pass half of it
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "1M");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, auto.exitCode(), auto.toString());
    assertFalse(auto.err().contains("tree-compressed store"), auto.err());
    assertTrue(auto.err().contains("continuing from there with the states on disk"), auto.err());
    assertEquals(masked(records.out()), masked(auto.out()));
  }

  @Test
  void autoSearchesAgainOnDiskWhenStatesKeptAsValuesReachTheLimit() throws IOException {
    Path model = write("counters.m", CountersModel.text(5, 9));
    Cli full = Cli.run("check", model.toString(), "--threads", "2");
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "256K");
    assertEquals(0, full.exitCode(), full.toString());
    assertEquals(0, auto.exitCode(), auto.toString());
    assertTrue(auto.err().contains("searching again with the states on disk"), auto.err());
    assertEquals(masked(full.out()), masked(auto.out()));
  }

  @Test
  void wideStatesOnDiskStayWithinTheMemoryLimit() throws IOException {
    // 250 KB a state: blocks, chunks and tables sized by count alone would hold gigabytes
    Path model = write("wide.m", LimitsTest.WIDE);
    Cli memory = Cli.run("check", model.toString(), "--bound", "40", "--store", "memory");
    Cli disk = Cli.run("check", model.toString(), "--bound", "40", "--store", "disk", "--memory", "32M");
    assertEquals(memory.exitCode(), disk.exitCode(), disk.toString());
    assertTrue(memory.out().contains("States: 41 "), memory.out());
    assertEquals(masked(memory.out()), masked(disk.out()));
  }

  @Test
  void autoContinuesOnDiskWhenTheMemoryLimitNears() throws IOException {
    Path model = write("counters.m", CountersModel.wide(CountersModel.text(5, 9)));
    Cli full = Cli.run("check", model.toString(), "--threads", "2");
    Cli auto = Cli.run("check", model.toString(), "--threads", "2", "--memory", "1M", "--x-wide-store", "records");
    Cli memory = Cli.run("check", model.toString(), "--threads", "2", "--memory", "1M", "--store", "memory");
    assertEquals(0, full.exitCode(), full.toString());
    assertEquals(0, auto.exitCode(), auto.toString());
    assertTrue(auto.err().contains("the in-memory search nears its memory limit at "), auto.err());
    assertTrue(auto.err().contains("continuing from there with the states on disk"), auto.err());
    assertEquals(masked(full.out()), masked(auto.out()));
    assertFalse(full.err().contains("on disk"), full.err());
    assertEquals(ExitCodes.RESOURCE_LIMIT, memory.exitCode(), memory.toString());
  }

  @Test
  void anUnwritableDirectoryIsAUsageErrorNamingIt() throws IOException {
    Path file = write("plain-file", "not a directory");
    Path model = write("counters.m", COUNTERS);
    Cli r = Cli.run("check", model.toString(), "--store", "disk:" + file.resolve("sub"));
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains(file.resolve("sub").toString()), r.err());
    assertTrue(r.err().contains("cannot write the disk store there"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void misusesAreUsageErrors() throws IOException {
    Path model = write("counters.m", COUNTERS);
    Cli bad = Cli.run("check", model.toString(), "--store", "floppy");
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("expected auto, memory, disk or disk:DIR"), bad.err());
    Cli hc = Cli.run("check", model.toString(), "--store", "disk", "--hash-compaction", "40");
    assertEquals(ExitCodes.USAGE, hc.exitCode(), hc.toString());
    assertTrue(hc.err().contains("--hash-compaction"), hc.err());
    Path live = write("live.m", COUNTERS + "liveness \"back\" c[1] = 0;\n");
    Cli lv = Cli.run("check", live.toString(), "--store", "disk");
    assertEquals(ExitCodes.USAGE, lv.exitCode(), lv.toString());
    assertTrue(lv.err().contains("cannot check liveness properties"), lv.err());
    assertFalse(lv.err().contains("Exception"), lv.err());
  }
}
