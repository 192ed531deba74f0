package io.ballot.checker.explore.disk;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * States already seen, in one file sorted in the disk order ({@link StateKeys}), with a sparse index in memory: the
 * hash of each block's first record (8 bytes per {@link #block} records). A lookup reads only the block that can
 * hold the state; the lookups of one batch come in the disk order ({@link Cursor}), so the blocks a batch reads are
 * read in file order, each at most once: the file is read forward, never sought back.
 */
final class SortedRun implements AutoCloseable {
  /** Records per block of the sparse index at most. */
  static final int BLOCK = 4096;
  /** Bytes of one block's records at most: wide states (kilobytes each) take fewer records a block. */
  private static final int BLOCK_BYTES = 1 << 20;

  /** Records per block for states of {@code words} words: at most {@link #BLOCK}, at most 1 MiB, at least one. */
  static int block(int words) {
    return Math.max(1, Math.min(BLOCK, BLOCK_BYTES / (words * Long.BYTES)));
  }

  private final RecordFile file;
  private final int words;
  /** Records per block ({@link #block(int)}). */
  private final int block;
  private final long[] firstHashes;

  private SortedRun(RecordFile file, int words, long[] firstHashes) {
    this.file = file;
    this.words = words;
    this.block = block(words);
    this.firstHashes = firstHashes;
  }

  /** Records in the run. */
  long count() {
    return file.count();
  }

  /** Bytes on disk. */
  long bytes() {
    return file.bytes();
  }

  /** Bytes its index holds in memory. */
  long indexBytes() {
    return firstHashes.length * 8L;
  }

  /** Writes a run: records are appended in the disk order, then {@link #finish} indexes them. */
  static final class Writer {
    private final RecordFile file;
    private final int words;
    private final int block;
    private long[] firsts = new long[16];
    private int blocks;

    Writer(Path path, int words) {
      this.file = new RecordFile(path, words);
      this.words = words;
      this.block = block(words);
    }

    /** Appends state {@code a[off ..]} of hash {@code h}, which follows the last one appended in the disk order. */
    void append(long h, long[] a, int off) {
      if (file.count() % block == 0) {
        if (blocks == firsts.length) {
          firsts = Arrays.copyOf(firsts, blocks * 2);
        }
        firsts[blocks++] = h;
      }
      file.append(a, off);
    }

    SortedRun finish() {
      file.close();
      return new SortedRun(file, words, Arrays.copyOf(firsts, blocks));
    }
  }

  /** A forward reader of the run's records, a buffer at a time. */
  final class Scan {
    private final long[] buf = new long[block * words];
    private int n;
    private int i;
    private long next;

    /** Whether a record is at hand ({@link #words()}, {@link #offset()}), after the first call or {@link #advance}. */
    boolean valid() {
      if (i >= n && next < count()) {
        n = file.read(next, block, buf);
        next += n;
        i = 0;
      }
      return i < n;
    }

    long[] words() {
      return buf;
    }

    int offset() {
      return i * words;
    }

    void advance() {
      i++;
    }
  }

  Scan scan() {
    return new Scan();
  }

  /** Looks states up in the disk order; a new cursor per batch. */
  final class Cursor {
    private final long[] records = new long[block * words];
    private final long[] hashes = new long[block];
    /** Hashes are computed when a lookup needs them: {@code hashes[k]} is valid while {@code stamps[k] == loads}. */
    private final int[] stamps = new int[block];
    private int loads;
    private long blocksRead;
    private int loaded = -1;
    private int size;

    /** Whether the run holds state {@code s[off ..]} of hash {@code h}; calls must come in the disk order. */
    boolean contains(long h, long[] s, int off) {
      if (firstHashes.length == 0) {
        return false;
      }
      int b = Math.max(loaded, blockFor(h));
      while (b < firstHashes.length) {
        load(b);
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
          int mid = (lo + hi) >>> 1;
          int c = StateKeys.compare(hashAt(mid), records, mid * words, h, s, off, words);
          if (c == 0) {
            return true;
          } else if (c < 0) {
            lo = mid + 1;
          } else {
            hi = mid - 1;
          }
        }
        // Past the block's last record: equal hashes may go on in the next block.
        if (lo < size || b + 1 >= firstHashes.length || firstHashes[b + 1] != h) {
          return false;
        }
        b++;
      }
      return false;
    }

    /** Blocks read so far. */
    long blocksRead() {
      return blocksRead;
    }

    /** The last block whose first hash is below {@code h} (0 if none). */
    private int blockFor(long h) {
      int lo = 0;
      int hi = firstHashes.length - 1;
      int found = 0;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (Long.compareUnsigned(firstHashes[mid], h) < 0) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }

    private void load(int b) {
      if (b == loaded) {
        return;
      }
      size = file.read((long) b * block, block, records);
      blocksRead++;
      if (++loads == 0) { // wrapped around: no stamp may match by chance
        java.util.Arrays.fill(stamps, 0);
        loads = 1;
      }
      loaded = b;
    }

    /** The hash of the loaded block's record {@code k}, computed once per load. */
    private long hashAt(int k) {
      if (stamps[k] != loads) {
        hashes[k] = StateKeys.hash(records, k * words, words);
        stamps[k] = loads;
      }
      return hashes[k];
    }
  }

  Cursor cursor() {
    return new Cursor();
  }

  /** Closes the file (it is opened again when read). */
  @Override
  public void close() {
    file.close();
  }

  void delete() {
    file.delete();
  }
}
