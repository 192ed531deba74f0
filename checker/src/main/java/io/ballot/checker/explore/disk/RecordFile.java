package io.ballot.checker.explore.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of fixed-size records of {@code words} little-endian longs: appended through a buffer, read back a block
 * of records at a time by position (sequential scans read consecutive blocks) or one record at a time (traces). The
 * channel is opened when needed and may be closed between uses ({@link #close}), so that a search of thousands of
 * levels does not hold thousands of open files. Not thread-safe.
 */
final class RecordFile implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 20;

  private final Path path;
  private final int words;
  private final int recordBytes;
  private FileChannel channel;
  private ByteBuffer out; // the append buffer; null until the first append
  private long count; // records appended, buffered ones included
  private long written; // records on disk
  private ByteBuffer in;

  /** A new, empty file at {@code path} (replacing any). */
  RecordFile(Path path, int words) {
    this.path = path;
    this.words = words;
    this.recordBytes = words * Long.BYTES;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  /** Longs per record. */
  int words() {
    return words;
  }

  /** Records in the file, those still buffered included. */
  long count() {
    return count;
  }

  /** Bytes the records take. */
  long bytes() {
    return count * recordBytes;
  }

  /** Appends the record at {@code a[off .. off + words - 1]}. */
  void append(long[] a, int off) {
    if (out == null) {
      out = ByteBuffer.allocateDirect(Math.max(recordBytes, BUFFER_BYTES / recordBytes * recordBytes))
          .order(ByteOrder.LITTLE_ENDIAN);
    }
    if (out.remaining() < recordBytes) {
      flush();
    }
    for (int i = 0; i < words; i++) {
      out.putLong(a[off + i]);
    }
    count++;
  }

  /** Appends a one-word record. */
  void append(long w) {
    if (out == null || out.remaining() < recordBytes) {
      append(new long[] {w}, 0);
      return;
    }
    out.putLong(w);
    count++;
  }

  /** Writes the buffered records. */
  void flush() {
    if (out == null || out.position() == 0) {
      return;
    }
    out.flip();
    try {
      FileChannel ch = channel();
      long pos = written * recordBytes;
      while (out.hasRemaining()) {
        pos += ch.write(out, pos);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
    written = count;
    out.clear();
  }

  /**
   * Reads up to {@code n} records from record {@code index} into {@code dst} (from offset 0); returns how many were
   * read (fewer at the end of the file).
   */
  int read(long index, int n, long[] dst) {
    flush();
    int k = (int) Math.max(0, Math.min(n, count - index));
    int bytes = k * recordBytes;
    if (in == null || in.capacity() < bytes) {
      in = ByteBuffer.allocateDirect(Math.max(bytes, recordBytes)).order(ByteOrder.LITTLE_ENDIAN);
    }
    in.clear().limit(bytes);
    try {
      FileChannel ch = channel();
      long pos = index * recordBytes;
      while (in.hasRemaining()) {
        int r = ch.read(in, pos + in.position());
        if (r < 0) {
          throw new IOException("unexpected end of file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
    in.flip();
    in.asLongBuffer().get(dst, 0, k * words);
    return k;
  }

  private FileChannel channel() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return channel;
  }

  /** Writes what is buffered and closes the channel; the file can still be read (it is opened again). */
  @Override
  public void close() {
    flush();
    out = null;
    in = null;
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      } finally {
        channel = null;
      }
    }
  }

  /** Closes and deletes the file. */
  void delete() {
    close();
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }
}
