package io.ballot.checker.checkpoint;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The states of a checkpoint, one segment per BFS level, appended as each level is complete: a 20-byte header (magic,
 * version, state bits, bytes per rule id), then per level its depth and state count, its states (each the state's
 * bytes, little-endian, as few as its bits need; its parent's position in the file, -1 for a start state; its rule
 * or start-state instance, in two bytes when the model has fewer than 65,536), and a CRC-32C of the segment. A
 * level's states are in the order a search on one thread finds them, so that positions in the file are the ids a
 * resumed search gives them.
 */
final class StatesFile {
  static final String FILE = "states";
  private static final long MAGIC = 0x42414c4c4f545354L; // "BALLOTST"
  private static final int VERSION = 1;
  static final int HEADER_BYTES = 20;

  private StatesFile() {}

  static int stateBytes(int bits) {
    return (bits + 7) >>> 3;
  }

  /** Bytes per rule id for a model whose rule and start-state instances are below {@code ruleLimit}. */
  static int ruleBytes(int ruleLimit) {
    return ruleLimit > 0xFFFF ? 4 : 2;
  }

  /**
   * Appends levels; not thread-safe. States are encoded into one buffer of {@value #BUFFER} bytes, which is
   * checksummed and written whole when full: no call per state but the encoding.
   */
  static final class Writer implements AutoCloseable {
    private static final int BUFFER = 1 << 20;
    private final FileChannel channel;
    private final int stateBytes;
    private final int ruleBytes;
    private final int recordBytes;
    private final byte[] buf = new byte[BUFFER];
    private int n; // bytes in buf
    private int checked; // bytes of buf already in the checksum
    private final CRC32C crc = new CRC32C();
    private long bytes;
    private int segments;
    private int left; // states still to come in the open segment; -1: none open

    private Writer(FileChannel channel, int bits, int ruleBytes, long bytes, int segments) {
      this.channel = channel;
      this.stateBytes = stateBytes(bits);
      this.ruleBytes = ruleBytes;
      this.recordBytes = stateBytes + 4 + ruleBytes;
      this.bytes = bytes;
      this.segments = segments;
      this.left = -1;
    }

    /** A new, empty states file at {@code file} (replacing any), for states of {@code bits} bits. */
    static Writer create(Path file, int bits, int ruleBytes) throws IOException {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      Writer w = new Writer(ch, bits, ruleBytes, 0, 0);
      putLong(w.buf, 0, MAGIC);
      putInt(w.buf, 8, VERSION);
      putInt(w.buf, 12, bits);
      putInt(w.buf, 16, ruleBytes);
      w.n = HEADER_BYTES;
      w.checked = HEADER_BYTES; // not part of any segment's checksum
      w.bytes = HEADER_BYTES;
      return w;
    }

    /**
     * The states file at {@code file}, cut back to its first {@code keep} bytes ({@code segments} levels: what the
     * manifest names; anything after was written after the last checkpoint), to append to.
     */
    static Writer reopen(Path file, int bits, int ruleBytes, long keep, int segments) throws IOException {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
      ch.truncate(keep);
      ch.position(keep);
      return new Writer(ch, bits, ruleBytes, keep, segments);
    }

    void beginLevel(int depth, int count) throws IOException {
      room(8);
      crc.reset();
      putInt(buf, n, depth);
      putInt(buf, n + 4, count);
      n += 8;
      left = count;
    }

    void add(long[] state, int parent, int rule) throws IOException {
      if (left-- <= 0) {
        throw new IllegalStateException("more states than the level's count");
      }
      room(recordBytes);
      byte[] b = buf;
      int at = n;
      for (int k = 0; k < stateBytes; k++) {
        b[at + k] = (byte) (state[k >>> 3] >>> (8 * (k & 7)));
      }
      at += stateBytes;
      putInt(b, at, parent);
      if (ruleBytes == 2) {
        b[at + 4] = (byte) (rule >>> 8);
        b[at + 5] = (byte) rule;
      } else {
        putInt(b, at + 4, rule);
      }
      n = at + 4 + ruleBytes;
    }

    /** Ends the level: its checksum. */
    void endLevel(int count) throws IOException {
      if (left != 0) {
        throw new IllegalStateException("fewer states than the level's count");
      }
      crc.update(buf, checked, n - checked);
      checked = n;
      room(4);
      putInt(buf, n, (int) crc.getValue());
      n += 4;
      checked = n;
      bytes += 12 + (long) count * recordBytes;
      segments++;
      left = -1;
    }

    /** Makes room for {@code k} more bytes in the buffer, writing it out (checksummed) when it is too full. */
    private void room(int k) throws IOException {
      if (n + k > buf.length) {
        drain();
      }
    }

    private void drain() throws IOException {
      crc.update(buf, checked, n - checked);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, 0, n);
      while (b.hasRemaining()) {
        channel.write(b);
      }
      n = 0;
      checked = 0;
    }

    /** Writes what is buffered and waits until it is on the disk. */
    void sync() throws IOException {
      drain();
      channel.force(false);
    }

    long bytes() {
      return bytes;
    }

    int segments() {
      return segments;
    }

    @Override
    public void close() throws IOException {
      try {
        drain();
      } finally {
        channel.close();
      }
    }
  }

  /**
   * Reads the {@code m.segments()} levels (of {@code m.dataBytes()} bytes) of the states file in {@code dir}, checking
   * every checksum, into {@code sink}. A missing, truncated or altered file is a {@link CheckpointException} (CORRUPT),
   * possibly after some states were passed on: the caller then drops what it read.
   */
  static void read(Path dir, Manifest m, int bits, int words, int ruleBytes, StateSink sink) {
    Path file = dir.resolve(FILE);
    String where = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() < m.dataBytes()) {
        throw corrupt(where, "it is truncated (" + ch.size() + " bytes, the manifest names " + m.dataBytes() + ")");
      }
      InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
      byte[] header = new byte[HEADER_BYTES];
      readFully(in, header);
      if (getLong(header, 0) != MAGIC || getInt(header, 8) != VERSION) {
        throw corrupt(where, "it is not a ballot checkpoint states file of this version");
      }
      if (getInt(header, 12) != bits || getInt(header, 16) != ruleBytes) {
        throw corrupt(where, "its states are of another width than the model's");
      }
      int stateBytes = stateBytes(bits);
      byte[] record = new byte[stateBytes + 4 + ruleBytes];
      byte[] ints = new byte[8];
      long[] state = new long[words];
      CRC32C crc = new CRC32C();
      long pos = HEADER_BYTES;
      int index = 0;
      for (int s = 0; s < m.segments(); s++) {
        crc.reset();
        readFully(in, ints);
        crc.update(ints, 0, 8);
        int depth = getInt(ints, 0);
        int count = getInt(ints, 4);
        if (depth != s || count < 0 || pos + 12 + (long) count * record.length > m.dataBytes()) {
          throw corrupt(where, "level " + s + " has a damaged header");
        }
        for (int k = 0; k < count; k++) {
          readFully(in, record);
          crc.update(record);
          java.util.Arrays.fill(state, 0);
          for (int b = 0; b < stateBytes; b++) {
            state[b >>> 3] |= (record[b] & 0xFFL) << (8 * (b & 7));
          }
          int parent = getInt(record, stateBytes);
          int rule = ruleBytes == 2 ? ((record[stateBytes + 4] & 0xff) << 8) | (record[stateBytes + 5] & 0xff)
              : getInt(record, stateBytes + 4);
          sink.state(index++, state, parent, rule);
        }
        readFully(in, ints, 4);
        if (getInt(ints, 0) != (int) crc.getValue()) {
          throw corrupt(where, "the checksum of level " + s + " does not match: the file was altered");
        }
        pos += 12 + (long) count * record.length;
      }
      if (pos != m.dataBytes() || index != m.states()) {
        throw corrupt(where, "it holds " + index + " states in " + pos + " bytes, the manifest names " + m.states()
            + " in " + m.dataBytes());
      }
    } catch (NoSuchFileException e) {
      throw corrupt(where, "it is missing");
    } catch (EOFException e) {
      throw corrupt(where, "it is truncated");
    } catch (IOException e) {
      throw new CheckpointException(CheckpointException.Kind.IO, where + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static CheckpointException corrupt(String where, String why) {
    return new CheckpointException(CheckpointException.Kind.CORRUPT, where + ": " + why);
  }

  private static void readFully(InputStream in, byte[] b) throws IOException {
    readFully(in, b, b.length);
  }

  private static void readFully(InputStream in, byte[] b, int n) throws IOException {
    int at = 0;
    while (at < n) {
      int r = in.read(b, at, n - at);
      if (r < 0) {
        throw new EOFException();
      }
      at += r;
    }
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static int getInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }

  private static void putLong(byte[] b, int at, long v) {
    putInt(b, at, (int) (v >>> 32));
    putInt(b, at + 4, (int) v);
  }

  private static long getLong(byte[] b, int at) {
    return ((long) getInt(b, at) << 32) | (getInt(b, at + 4) & 0xFFFFFFFFL);
  }
}
