package io.ballot.checker.explore;

import java.math.BigInteger;

/**
 * A set of {@code bits}-bit state signatures (hash compaction, as Stern and Dill's): a table of a prime number of
 * slots packed {@code bits} bits each (a 40-bit signature costs 5 bytes a slot, not 8), 0 meaning empty, probed by
 * double hashing from an address hash independent of the signature, so that a new state is compared with only the
 * few signatures on its probe sequence (the bound of {@link OmissionBound} counts them). Filled by one thread between
 * the levels of a search and only read during a level, so it needs no locks: a level's workers start after the
 * inserts and the search thread waits for them before inserting again.
 */
final class SignatureTable {
  private final int bits;
  private final long mask;
  private final long slots;
  private final long[][] segments;
  private static final int SEGMENT_WORDS_BITS = 27; // 2^27 longs: 1 GiB per segment at most
  private long used;

  /** An empty table of at least {@code minSlots} slots (a prime number) for signatures of {@code bits} bits. */
  SignatureTable(int bits, long minSlots) {
    if (bits < 1 || bits > 64) {
      throw new IllegalArgumentException("signature bits " + bits);
    }
    this.bits = bits;
    this.mask = bits == 64 ? -1L : (1L << bits) - 1;
    this.slots = BigInteger.valueOf(Math.max(3, minSlots)).nextProbablePrime().longValueExact();
    long words = (slots * bits + 63) / 64 + 1; // and one more, so that a slot's second word always exists
    int segmentCount = (int) ((words + (1L << SEGMENT_WORDS_BITS) - 1) >>> SEGMENT_WORDS_BITS);
    segments = new long[segmentCount][];
    for (int s = 0; s < segmentCount; s++) {
      long left = words - ((long) s << SEGMENT_WORDS_BITS);
      segments[s] = new long[(int) Math.min(1L << SEGMENT_WORDS_BITS, left)];
    }
  }

  /** Bytes a table of {@code slots} slots of {@code bits} bits takes (array headers included). */
  static long bytesFor(int bits, long slots) {
    long words = (slots * bits + 63) / 64 + 1;
    return 8 * words + 16 * ((words >>> SEGMENT_WORDS_BITS) + 2);
  }

  /** This table's bytes. */
  long bytes() {
    return bytesFor(bits, slots);
  }

  long slots() {
    return slots;
  }

  /** Signatures stored. */
  long size() {
    return used;
  }

  int bits() {
    return bits;
  }

  /** The non-zero signature of a state whose signature hash is {@code h}: one of {@code 2^bits - 1} values. */
  long signature(long h) {
    if (bits == 64) {
      return h == 0 ? 1 : h;
    }
    return 1 + Long.remainderUnsigned(h, mask); // 1 .. 2^bits - 1, uniformly for a uniform h (up to 2^-(64-bits))
  }

  /** Whether {@code signature} is on the probe sequence of address hash {@code address}. Thread-safe between inserts. */
  boolean contains(long signature, long address) {
    long i = Long.remainderUnsigned(address, slots);
    long step = 1 + Long.remainderUnsigned(address >>> 32 ^ address * 0x9E3779B97F4A7C15L, slots - 1);
    while (true) {
      long s = get(i);
      if (s == 0) {
        return false;
      }
      if (s == signature) {
        return true;
      }
      i += step;
      if (i >= slots) {
        i -= slots;
      }
    }
  }

  /**
   * Stores {@code signature} on the probe sequence of {@code address} unless it is there already; returns whether it
   * was new. Not thread-safe: called by the search thread between levels. The caller keeps the table below full.
   */
  boolean add(long signature, long address) {
    long i = Long.remainderUnsigned(address, slots);
    long step = 1 + Long.remainderUnsigned(address >>> 32 ^ address * 0x9E3779B97F4A7C15L, slots - 1);
    while (true) {
      long s = get(i);
      if (s == 0) {
        set(i, signature);
        used++;
        return true;
      }
      if (s == signature) {
        return false;
      }
      i += step;
      if (i >= slots) {
        i -= slots;
      }
    }
  }

  private long word(long w) {
    return segments[(int) (w >>> SEGMENT_WORDS_BITS)][(int) (w & ((1 << SEGMENT_WORDS_BITS) - 1))];
  }

  private void setWord(long w, long v) {
    segments[(int) (w >>> SEGMENT_WORDS_BITS)][(int) (w & ((1 << SEGMENT_WORDS_BITS) - 1))] = v;
  }

  long get(long slot) {
    long bit = slot * bits;
    long w = bit >>> 6;
    int off = (int) (bit & 63);
    long v = word(w) >>> off;
    if (off + bits > 64) {
      v |= word(w + 1) << (64 - off);
    }
    return v & mask;
  }

  private void set(long slot, long value) {
    long bit = slot * bits;
    long w = bit >>> 6;
    int off = (int) (bit & 63);
    setWord(w, (word(w) & ~(mask << off)) | (value << off));
    if (off + bits > 64) {
      int high = 64 - off; // bits of value already written
      long highMask = mask >>> high;
      setWord(w + 1, (word(w + 1) & ~highMask) | (value >>> high));
    }
  }
}
