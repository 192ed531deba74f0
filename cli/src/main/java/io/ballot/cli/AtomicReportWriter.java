package io.ballot.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A report file written atomically: the text goes to a temporary file beside the target, which replaces the target
 * (an atomic rename) only when the report was {@link #commit() committed} and the writer closed. A run that fails,
 * or is killed, before it commits leaves the previous report as it was; a reader never sees half a report.
 */
final class AtomicReportWriter extends Writer {
  private final Path target;
  private final Path temp;
  private final BufferedWriter out;
  private boolean committed;
  private boolean closed;

  private AtomicReportWriter(Path target, Path temp, BufferedWriter out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /** Starts a report that will replace {@code target}; fails at once where the target cannot be written. */
  static AtomicReportWriter open(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new IOException("it is a directory");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new IOException("permission denied");
    }
    Path dir = absolute.getParent();
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".partial");
    permissions(temp, absolute);
    return new AtomicReportWriter(absolute, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
  }

  /**
   * Gives the temporary file the permissions the report should have: the previous report's, or, for a new one,
   * readable by all and writable by its owner (a temporary file starts readable by its owner only, which would make
   * CI artefacts unreadable to whoever collects them).
   */
  private static void permissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, perms);
  }

  /** Marks the report complete: closing the writer then puts it in place of the target. */
  void commit() {
    committed = true;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Replaces the target with the report if it was committed; otherwise discards it. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
      if (committed) {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
