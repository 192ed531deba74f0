package io.ballot.checker.checkpoint;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The small file that makes a checkpoint: what it was written for ({@link Fingerprint}), how far the search got
 * (the levels complete, the first state of the level to expand next, the states stored), how much of the states
 * file holds them, the counters (rules fired, per rule instance, cover hits), the violations reported and the
 * states blocked from expansion in the next level, and whether the run had finished. Rewritten whole at each
 * checkpoint, after the states it names are on disk; its last four bytes are a CRC-32C of the rest.
 *
 * @param depth levels complete: the depth of the states {@code levelStart .. states - 1}, the next to expand
 * @param levelStart position in the states file of the first state of the level to expand next
 * @param states states in the states file (all levels complete)
 * @param dataBytes bytes of the states file that hold them (anything beyond is discarded on resume)
 * @param segments levels in the states file
 * @param finished the run had finished (exhausted the states, hit the depth bound or {@code --max-errors})
 * @param seconds search time of all runs up to this checkpoint
 */
public record Manifest(
    Fingerprint fingerprint,
    int depth,
    int levelStart,
    int states,
    long dataBytes,
    int segments,
    long rulesFired,
    long[] ruleFires,
    long[] coverHits,
    List<StoredViolation> violations,
    int[] blocked,
    boolean finished,
    double seconds,
    long writtenAtMillis) {

  static final String FILE = "manifest";
  private static final long MAGIC = 0x42414c4c4f54434bL; // "BALLOTCK"
  private static final int VERSION = 1;

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      string(out, fingerprint.modelDigest());
      out.writeLong(fingerprint.stateBits());
      string(out, fingerprint.constants());
      string(out, fingerprint.options());
      out.writeInt(depth);
      out.writeInt(levelStart);
      out.writeInt(states);
      out.writeLong(dataBytes);
      out.writeInt(segments);
      out.writeLong(rulesFired);
      longs(out, ruleFires);
      longs(out, coverHits);
      out.writeInt(violations.size());
      for (StoredViolation v : violations) {
        out.writeInt(v.kind().ordinal());
        string(out, v.property());
        out.writeBoolean(v.where() != null);
        if (v.where() != null) {
          SourceLocation w = v.where();
          string(out, w.file());
          out.writeInt(w.line());
          out.writeInt(w.column());
          out.writeInt(w.endLine());
          out.writeInt(w.endColumn());
        }
        string(out, v.message());
        out.writeInt(v.at());
        out.writeInt(v.rule());
        out.writeInt(v.prop());
      }
      out.writeInt(blocked.length);
      for (int b : blocked) {
        out.writeInt(b);
      }
      out.writeBoolean(finished);
      out.writeDouble(seconds);
      out.writeLong(writtenAtMillis);
      out.flush();
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory", e);
    }
  }

  /** The manifest encoded in {@code data}; a {@link CheckpointException} (CORRUPT) when it is not one, whole. */
  static Manifest decode(byte[] data, String where) {
    if (data.length < 16) {
      throw corrupt(where, "it is truncated (" + data.length + " bytes)");
    }
    CRC32C crc = new CRC32C();
    crc.update(data, 0, data.length - 4);
    int stored = ((data[data.length - 4] & 0xff) << 24) | ((data[data.length - 3] & 0xff) << 16)
        | ((data[data.length - 2] & 0xff) << 8) | (data[data.length - 1] & 0xff);
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 4));
      if (in.readLong() != MAGIC) {
        throw corrupt(where, "it is not a ballot checkpoint manifest");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw corrupt(where, "it has format version " + version + "; this ballot reads version " + VERSION);
      }
      if ((int) crc.getValue() != stored) {
        throw corrupt(where, "its checksum does not match: it was altered or only partly written");
      }
      Fingerprint fp = new Fingerprint(string(in), in.readLong(), string(in), string(in));
      int depth = in.readInt();
      int levelStart = in.readInt();
      int states = in.readInt();
      long dataBytes = in.readLong();
      int segments = in.readInt();
      long rulesFired = in.readLong();
      long[] ruleFires = longs(in);
      long[] coverHits = longs(in);
      int n = count(in);
      List<StoredViolation> violations = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int kind = in.readInt();
        if (kind < 0 || kind >= ViolationKind.values().length) {
          throw corrupt(where, "it names an unknown kind of violation");
        }
        String property = string(in);
        SourceLocation loc =
            in.readBoolean() ? new SourceLocation(string(in), in.readInt(), in.readInt(), in.readInt(), in.readInt())
                : null;
        violations.add(new StoredViolation(
            ViolationKind.values()[kind], property, loc, string(in), in.readInt(), in.readInt(), in.readInt()));
      }
      int[] blocked = new int[count(in)];
      for (int i = 0; i < blocked.length; i++) {
        blocked[i] = in.readInt();
      }
      Manifest m = new Manifest(fp, depth, levelStart, states, dataBytes, segments, rulesFired, ruleFires,
          coverHits, List.copyOf(violations), blocked, in.readBoolean(), in.readDouble(), in.readLong());
      if (in.available() != 0 || depth < 0 || levelStart < 0 || levelStart > states || dataBytes < 0
          || segments < 0) {
        throw corrupt(where, "its fields are inconsistent");
      }
      return m;
    } catch (IOException e) {
      throw corrupt(where, "it is truncated");
    }
  }

  private static CheckpointException corrupt(String where, String why) {
    return new CheckpointException(CheckpointException.Kind.CORRUPT, where + ": " + why);
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    byte[] b = new byte[count(in)];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void longs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    for (long x : a) {
      out.writeLong(x);
    }
  }

  private static long[] longs(DataInputStream in) throws IOException {
    long[] a = new long[count(in)];
    for (int i = 0; i < a.length; i++) {
      a[i] = in.readLong();
    }
    return a;
  }

  /** A length, at most what is left to read (a flipped byte cannot make it allocate gigabytes). */
  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad length");
    }
    return n;
  }
}
