package io.ballot.checker.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a run's checkpoints into one directory, and reads the one a resumed run continues. Levels are appended to
 * the states file as they are complete (buffered, not yet forced to disk); a checkpoint ({@link #commit}) forces
 * them to disk, then writes the manifest to a temporary file, forces it and renames it over the previous one, and
 * forces the directory. A crash at any point leaves the previous manifest, which names only bytes of the states file
 * that were on disk before it was written: the previous checkpoint stays usable, and a resume cuts the states file
 * back to what its manifest names. Not thread-safe: the thread that runs the search calls it between levels.
 */
public final class Checkpointer implements AutoCloseable {
  private final CheckpointPlan plan;
  private final Fingerprint fingerprint;
  private final int bits;
  private final int ruleBytes;
  private final Manifest resumed; // null: a new checkpoint
  private StatesFile.Writer states; // null until the first level is appended
  private double lastCommit;

  private Checkpointer(CheckpointPlan plan, Fingerprint fingerprint, int bits, int ruleLimit, Manifest resumed) {
    this.plan = plan;
    this.fingerprint = fingerprint;
    this.bits = bits;
    this.ruleBytes = StatesFile.ruleBytes(ruleLimit);
    this.resumed = resumed;
  }

  /**
   * A checkpointer for {@code plan}: for a new run, refuses a directory that already holds a checkpoint (it would be
   * lost; resume it or choose another directory) and creates the directory; for a resumed run, reads the manifest
   * and refuses it when it was written for another model or options ({@code fingerprint}) or is damaged. States of
   * {@code bits} bits, rule and start-state instances below {@code ruleLimit}.
   */
  public static Checkpointer open(CheckpointPlan plan, Fingerprint fingerprint, int bits, int ruleLimit) {
    Manifest m = check(plan, fingerprint);
    if (m == null) {
      try {
        Files.createDirectories(plan.dir());
      } catch (IOException e) {
        throw new CheckpointException(CheckpointException.Kind.IO, "cannot create the checkpoint directory "
            + plan.dir() + ": " + e.getMessage(), e);
      }
    }
    return new Checkpointer(plan, fingerprint, bits, ruleLimit, m);
  }

  /**
   * What {@link #open} checks first, without writing anything: for a new run, null, or a {@link CheckpointException}
   * when the directory already holds a checkpoint; for a resumed run, its manifest, or a {@link CheckpointException}
   * when there is none, it is damaged, or it was written for another model or options ({@code fingerprint}).
   */
  public static Manifest check(CheckpointPlan plan, Fingerprint fingerprint) {
    if (!plan.resume()) {
      if (Files.exists(plan.dir().resolve(Manifest.FILE))) {
        throw new CheckpointException(CheckpointException.Kind.UNSUPPORTED, plan.dir() + " already holds a"
            + " checkpoint; continue it with --resume " + plan.dir() + ", or give another directory");
      }
      if (Files.exists(plan.dir()) && !Files.isDirectory(plan.dir())) {
        throw new CheckpointException(CheckpointException.Kind.UNSUPPORTED, "--checkpoint " + plan.dir()
            + ": not a directory");
      }
      return null;
    }
    Manifest m = read(plan.dir());
    String mismatch = fingerprint.mismatch(m.fingerprint());
    if (mismatch != null) {
      throw new CheckpointException(CheckpointException.Kind.MISMATCH,
          "the checkpoint in " + plan.dir() + " cannot be resumed by this run: " + mismatch);
    }
    return m;
  }

  /** Whether {@code dir} holds a checkpoint (a manifest, not checked). */
  public static boolean exists(Path dir) {
    return Files.exists(dir.resolve(Manifest.FILE));
  }

  /** The manifest of the checkpoint in {@code dir}; a {@link CheckpointException} when there is none or it is damaged. */
  public static Manifest read(Path dir) {
    Path file = dir.resolve(Manifest.FILE);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(CheckpointException.Kind.CORRUPT, "no checkpoint in " + dir + " (no "
          + file + "; a run writes its first checkpoint at the first level boundary after --checkpoint-every)");
    } catch (IOException e) {
      throw new CheckpointException(CheckpointException.Kind.IO, file + ": cannot be read: " + e.getMessage(), e);
    }
    return Manifest.decode(data, file.toString());
  }

  /** The checkpoint a resumed run continues, or null for a new one. */
  public Manifest resumed() {
    return resumed;
  }

  /** The directory written. */
  public Path dir() {
    return plan.dir();
  }

  /**
   * Reads the resumed checkpoint's states into {@code sink}, every checksum checked; then the states file is cut
   * back to them, to append the next levels.
   */
  public void readStates(int words, StateSink sink) {
    StatesFile.read(plan.dir(), resumed, bits, words, ruleBytes, sink);
  }

  /** Starts appending level {@code depth} of {@code count} states. */
  public void beginLevel(int depth, int count) throws IOException {
    if (states == null) {
      Path file = plan.dir().resolve(StatesFile.FILE);
      states = resumed == null ? StatesFile.Writer.create(file, bits, ruleBytes)
          : StatesFile.Writer.reopen(file, bits, ruleBytes, resumed.dataBytes(), resumed.segments());
    }
    states.beginLevel(depth, count);
  }

  /** Appends a state of the level begun: its words, its parent's position in the file (-1: none), its rule. */
  public void add(long[] state, int parent, int rule) throws IOException {
    states.add(state, parent, rule);
  }

  /** Ends the level begun, of {@code count} states. */
  public void endLevel(int count) throws IOException {
    states.endLevel(count);
  }

  /** Bytes of the states file so far (complete levels). */
  public long dataBytes() {
    return states == null ? resumed.dataBytes() : states.bytes();
  }

  /** Levels in the states file so far. */
  public int segments() {
    return states == null ? resumed.segments() : states.segments();
  }

  /** The fingerprint checkpoints are written with. */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** Whether a checkpoint is due at {@code seconds} into the run: the plan's interval has passed since the last. */
  public boolean due(double seconds) {
    return seconds - lastCommit >= plan.everySeconds();
  }

  /** Makes {@code m} (which names the levels appended so far) the checkpoint, atomically, at {@code seconds}. */
  public void commit(Manifest m, double seconds) throws IOException {
    if (states != null) {
      states.sync();
    }
    Path tmp = plan.dir().resolve(Manifest.FILE + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(m.encode());
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, plan.dir().resolve(Manifest.FILE), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, plan.dir().resolve(Manifest.FILE), StandardCopyOption.REPLACE_EXISTING);
    }
    try (FileChannel d = FileChannel.open(plan.dir(), StandardOpenOption.READ)) {
      d.force(true); // the rename itself on disk
    } catch (IOException e) {
      // some systems cannot open a directory to force it; the rename is still atomic
    }
    lastCommit = seconds;
  }

  @Override
  public void close() throws IOException {
    if (states != null) {
      states.close();
    }
  }
}
