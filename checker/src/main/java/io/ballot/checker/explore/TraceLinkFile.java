package io.ballot.checker.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The parent links and rules of a {@link StateStore}'s chunks that no longer change, moved out of the heap: only
 * traces (and a checkpoint's level, still in memory) read them. One temporary file per store, chunk {@code c} at
 * {@code c} times a chunk's bytes (its parents, then its rules). The file is unlinked as soon as it is open (where
 * the system allows; else it is deleted on close), so nothing is left on disk when the run ends, however it ends: the
 * channel is closed when the store is collected or the process exits.
 *
 * <p>Reads load a whole chunk and keep the last one, so walking ids in order (a trace's replay, a table's rebuild)
 * costs one read per chunk. Thread-safe.
 */
final class TraceLinkFile {
  private final FileChannel channel;
  private final int size; // ids per chunk
  private final int ruleBytes;
  private final ByteBuffer cached;
  private final ByteBuffer out;
  private int cachedChunk = -1;

  private TraceLinkFile(FileChannel channel, int size, int ruleBytes) {
    this.channel = channel;
    this.size = size;
    this.ruleBytes = ruleBytes;
    this.cached = ByteBuffer.allocate(chunkBytes()).order(ByteOrder.LITTLE_ENDIAN);
    this.out = ByteBuffer.allocate(chunkBytes()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A new file for chunks of {@code size} ids whose rules take {@code ruleBytes} (2 or 4) bytes each. */
  static TraceLinkFile create(int size, int ruleBytes) throws IOException {
    Path path = Files.createTempFile("ballot-trace-links-", ".bin");
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
          StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(path);
      throw e;
    }
    try {
      Files.deleteIfExists(path); // unlinked while open (POSIX); elsewhere DELETE_ON_CLOSE removes it
    } catch (IOException e) {
      // still deleted on close
    }
    return new TraceLinkFile(channel, size, ruleBytes);
  }

  private int chunkBytes() {
    return size * (Integer.BYTES + ruleBytes);
  }

  /** Writes chunk {@code c}'s links: {@code parents}, and {@code rules} or {@code wideRules} (one is null). */
  synchronized void write(int c, int[] parents, char[] rules, int[] wideRules) throws IOException {
    ByteBuffer b = out.clear();
    b.asIntBuffer().put(parents);
    b.position(Integer.BYTES * size);
    if (rules != null) {
      b.slice().order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(rules);
    } else {
      b.slice().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(wideRules);
    }
    b.clear();
    long at = (long) c * chunkBytes();
    while (b.hasRemaining()) {
      at += channel.write(b, at);
    }
    if (cachedChunk == c) {
      cachedChunk = -1;
    }
  }

  /** The parent written for index {@code i} of chunk {@code c}. */
  synchronized int parent(int c, int i) {
    return load(c).getInt(Integer.BYTES * i);
  }

  /** The rule written for index {@code i} of chunk {@code c}. */
  synchronized int rule(int c, int i) {
    ByteBuffer b = load(c);
    int at = Integer.BYTES * size + ruleBytes * i;
    return ruleBytes == 2 ? b.getChar(at) : b.getInt(at);
  }

  private ByteBuffer load(int c) {
    if (cachedChunk != c) {
      cachedChunk = -1;
      cached.clear();
      long at = (long) c * chunkBytes();
      try {
        while (cached.hasRemaining()) {
          int n = channel.read(cached, at + cached.position());
          if (n < 0) {
            throw new IOException("the trace links file ends before chunk " + c);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("reading back the trace links: " + e.getMessage(), e);
      }
      cachedChunk = c;
    }
    return cached;
  }

  /** Closes (and so deletes) the file. */
  void close() throws IOException {
    channel.close();
  }
}
