package io.ballot.cluster;

import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.checkpoint.CheckpointException.Kind;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Fingerprint;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The checkpoints of a cluster run ({@code --checkpoint DIR}, {@code --resume DIR} with {@code --engine spark}): at a
 * level boundary, each new level's dataset (its states with their parent links, as the cached RDD holds them) is
 * written by the executors into {@code DIR/levels/K} ({@code saveAsObjectFile}, one file per partition), then the
 * driver replaces the small text manifest {@code DIR/spark-manifest} (atomically: a temporary file renamed over it),
 * which names the levels complete and the counters at that boundary. A crash before the rename leaves the previous
 * manifest, whose levels are untouched. The same refusals as a local checkpoint ({@link Fingerprint}: another model,
 * constants or options; a directory that already holds a checkpoint; a damaged manifest), as {@link
 * CheckpointException}s. {@code DIR} must be visible at the same path to the driver and every executor (a shared
 * file system on a cluster). One instance per run, used by the driver's thread.
 */
public final class SparkCheckpoint {
  /** The manifest's file name in the directory. */
  static final String FILE = "spark-manifest";
  private static final String LOCAL_MANIFEST = "manifest";
  /** 2: levels saved as one {@link StateBlock} per partition (1, before: one (state, link) pair per state). */
  private static final String FORMAT = "ballot-spark-checkpoint 2";

  private final CheckpointPlan plan;
  private final Fingerprint fingerprint;
  private final Saved resumed;
  private double lastWrite;

  /** What a manifest records: the levels complete and the counters after them. */
  record Saved(long[] levelSizes, int depth, long states, long rulesFired, long[] ruleFires, long[] coverHits,
      double seconds) {}

  private SparkCheckpoint(CheckpointPlan plan, Fingerprint fingerprint, Saved resumed) {
    this.plan = plan;
    this.fingerprint = fingerprint;
    this.resumed = resumed;
  }

  /**
   * Opens {@code plan}'s directory for a run with {@code fingerprint}: a new checkpoint is refused where one exists
   * (local or cluster; resume it or choose another directory) and creates the directory; a resumed one reads the
   * manifest and is refused when it is missing, damaged, a local engine's, or written for another model or options.
   */
  public static SparkCheckpoint open(CheckpointPlan plan, Fingerprint fingerprint) {
    Path dir = plan.dir();
    if (!plan.resume()) {
      if (Files.exists(dir.resolve(FILE)) || Files.exists(dir.resolve(LOCAL_MANIFEST))) {
        throw new CheckpointException(Kind.UNSUPPORTED, dir + " already holds a checkpoint; continue it with --resume "
            + dir + ", or give another directory");
      }
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new CheckpointException(Kind.UNSUPPORTED, "--checkpoint " + dir + ": not a directory");
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new CheckpointException(Kind.IO, "cannot create the checkpoint directory " + dir + ": "
            + e.getMessage(), e);
      }
      return new SparkCheckpoint(plan, fingerprint, null);
    }
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      throw new CheckpointException(Files.exists(dir.resolve(LOCAL_MANIFEST)) ? Kind.UNSUPPORTED : Kind.CORRUPT,
          Files.exists(dir.resolve(LOCAL_MANIFEST))
              ? dir + " holds a checkpoint of the local engine: resume it without --engine spark"
              : "no cluster checkpoint in " + dir + " (no " + file + "; a run writes its first checkpoint at the"
                  + " first level boundary after --checkpoint-every)");
    }
    Properties p = new Properties();
    try (Reader r = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new CheckpointException(Kind.IO, file + ": cannot be read: " + e.getMessage(), e);
    }
    Saved saved;
    Fingerprint written;
    String format = p.getProperty("format", "");
    if (format.startsWith("ballot-spark-checkpoint ") && !FORMAT.equals(format)) {
      throw new CheckpointException(Kind.MISMATCH, "the checkpoint in " + dir + " was written by another version of"
          + " ballot's cluster engine (" + format + "; this one reads " + FORMAT + "): resume it with that version,"
          + " or start again");
    }
    try {
      if (!FORMAT.equals(format) || !checksum(p).equals(p.getProperty("checksum"))) {
        throw new IllegalArgumentException("not a cluster checkpoint manifest, or altered (checksum)");
      }
      written = new Fingerprint(p.getProperty("model"), Long.parseLong(p.getProperty("stateBits")),
          p.getProperty("constants"), p.getProperty("options"));
      saved = new Saved(longs(p.getProperty("levelSizes")), Integer.parseInt(p.getProperty("depth")),
          Long.parseLong(p.getProperty("states")), Long.parseLong(p.getProperty("rulesFired")),
          longs(p.getProperty("ruleFires")), longs(p.getProperty("coverHits")),
          Double.parseDouble(p.getProperty("seconds")));
      if (saved.levelSizes().length == 0) {
        throw new IllegalArgumentException("it names no level");
      }
    } catch (RuntimeException e) {
      throw new CheckpointException(Kind.CORRUPT, file + " is damaged: " + e.getMessage(), e);
    }
    String mismatch = fingerprint.mismatch(written);
    if (mismatch != null) {
      throw new CheckpointException(Kind.MISMATCH, "the checkpoint in " + dir + " cannot be resumed by this run: "
          + mismatch);
    }
    return new SparkCheckpoint(plan, fingerprint, saved);
  }

  /**
   * What the resumed checkpoint holds, in words ({@code depth 5, 1,234 states, 5,678 rules fired, 12.3 s of search
   * before}), or null for a new checkpoint.
   */
  public String describeResumed() {
    return resumed == null ? null : String.format(java.util.Locale.ROOT,
        "depth %d, %,d states, %,d rules fired, %.1f s of search before", resumed.depth(), resumed.states(),
        resumed.rulesFired(), resumed.seconds());
  }

  /** The directory checkpoints go into. */
  public Path dir() {
    return plan.dir();
  }

  /** The checkpoint this run continues, or null for a new one. */
  Saved resumed() {
    return resumed;
  }

  /** Where level {@code k}'s dataset is written (a local path; on a cluster, on a file system every node shares). */
  String levelPath(int k) {
    return plan.dir().resolve("levels").resolve(String.valueOf(k)).toAbsolutePath().toString();
  }

  /** Whether a checkpoint is due at {@code seconds} into the run (the plan's interval since the last). */
  boolean due(double seconds) {
    return seconds - lastWrite >= plan.everySeconds();
  }

  /** Deletes what a crashed write may have left of level {@code k} (levels not named by the manifest). */
  void clearLevel(int k) {
    Path p = Path.of(levelPath(k));
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> files = Files.walk(p)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new CheckpointException(Kind.IO, "cannot clear " + p + ": " + e.getMessage(), e);
    }
  }

  /** Makes {@code s} (whose levels are written) the checkpoint, atomically, at {@code seconds} into this run. */
  void commit(Saved s, double seconds) {
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("model", fingerprint.modelDigest());
    p.setProperty("stateBits", String.valueOf(fingerprint.stateBits()));
    p.setProperty("constants", fingerprint.constants());
    p.setProperty("options", fingerprint.options());
    p.setProperty("levelSizes", text(s.levelSizes()));
    p.setProperty("depth", String.valueOf(s.depth()));
    p.setProperty("states", String.valueOf(s.states()));
    p.setProperty("rulesFired", String.valueOf(s.rulesFired()));
    p.setProperty("ruleFires", text(s.ruleFires()));
    p.setProperty("coverHits", text(s.coverHits()));
    p.setProperty("seconds", String.valueOf(s.seconds()));
    p.setProperty("checksum", checksum(p));
    Path tmp = plan.dir().resolve(FILE + ".tmp");
    try {
      StringWriter w = new StringWriter();
      p.store(w, "a checkpoint of ballot check --engine spark: levels 0.." + (s.levelSizes().length - 1)
          + " are in levels/");
      Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, plan.dir().resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, plan.dir().resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CheckpointException(Kind.IO, "cannot write " + plan.dir().resolve(FILE) + ": " + e.getMessage(), e);
    }
    lastWrite = seconds;
  }

  /** A CRC-32C of every entry but the checksum, in key order. */
  private static String checksum(Properties p) {
    CRC32C crc = new CRC32C();
    p.stringPropertyNames().stream().filter(k -> !k.equals("checksum")).sorted().forEach(k -> {
      crc.update((k + "=" + p.getProperty(k) + "\n").getBytes(StandardCharsets.UTF_8));
    });
    return Long.toHexString(crc.getValue());
  }

  private static String text(long[] values) {
    return String.join(",", Arrays.stream(values).mapToObj(String::valueOf).toList());
  }

  private static long[] longs(String text) {
    return text.isEmpty() ? new long[0] : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
