package io.ballot.checker.explore.disk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every state seen so far, on disk: sorted runs ({@link SortedRun}), each written from one batch of new states and
 * merged with its neighbour once it is as large (so there are O(log n) runs, and each state is rewritten O(log n)
 * times, sequentially). In memory: a Bloom filter over all of them and a cache of recent states. A batch of
 * candidates ({@link CandidateTable}) is sorted in the disk order and looked up in every run at once, each run read
 * forward; only candidates the filter cannot rule out reach the disk (delayed duplicate detection, as Stern and
 * Dill's disk Murphi and Della Penna et al.'s FMCAD'02 cache-based variant do).
 */
final class DiskSeenSet implements AutoCloseable {
  private final Path dir;
  private final String prefix;
  private final int words;
  /** The filter starts small and doubles (rebuilt from the runs) to keep this many bits per state, up to its cap. */
  private static final int BITS_PER_STATE = 10;
  private static final long FIRST_BITS = 1 << 20;
  private final long maxBloomBits;
  /** The partitions: a hash times this is its place in this partition's range, the filter's key. */
  private final int parts;
  private BloomFilter bloom;
  private long states;
  final RecentStates recent;
  private final List<SortedRun> runs = new ArrayList<>();
  private int nextRun;
  private long[] keys = new long[0];
  /** Lookups that reached the disk, and states written to runs (merges included), for the statistics. */
  long diskLookups;
  long recordsWritten;
  /** Batches looked up, lookups that found the state on disk, run probes and blocks read by them (statistics). */
  long batches;
  long foundOnDisk;
  long runProbes;
  long blocksRead;

  DiskSeenSet(Path dir, int words, long bloomBits, long cacheSlots) {
    this(dir, "seen-", words, bloomBits, cacheSlots, 1);
  }

  /**
   * A seen-set whose runs are files {@code prefix N .run} in {@code dir}, for the states of one of {@code parts}
   * partitions ({@link Partition#of}).
   */
  DiskSeenSet(Path dir, String prefix, int words, long bloomBits, long cacheSlots, int parts) {
    this.parts = parts;
    this.dir = dir;
    this.prefix = prefix;
    this.words = words;
    this.maxBloomBits = Math.max(64, bloomBits);
    this.bloom = new BloomFilter(Math.min(FIRST_BITS, maxBloomBits));
    this.recent = new RecentStates(words, cacheSlots, parts);
  }

  /** Bytes held in memory: the filter, the cache, the runs' indexes and the sort keys. */
  long memoryBytes() {
    long b = bloom.bytes() + recent.bytes() + keys.length * 8L;
    for (SortedRun r : runs) {
      b += r.indexBytes();
    }
    return b;
  }

  /** Bytes of the runs on disk. */
  long diskBytes() {
    long b = 0;
    for (SortedRun r : runs) {
      b += r.bytes();
    }
    return b;
  }

  int runs() {
    return runs.size();
  }

  /**
   * Sets {@code fresh[i]} for each candidate of {@code t} not seen before, and adds those to the set (a new run);
   * the others are left false. With {@code knownNew} the caller knows that none was seen (the in-memory search's
   * states, handed over): they are only added.
   */
  void addNew(CandidateTable t, boolean[] fresh, boolean knownNew) {
    int n = t.size;
    if (n == 0) {
      return;
    }
    int[] order = sorted(t);
    SortedRun.Cursor[] cursors = new SortedRun.Cursor[runs.size()];
    for (int r = 0; r < cursors.length; r++) {
      cursors[r] = runs.get(r).cursor();
    }
    SortedRun.Writer w = new SortedRun.Writer(dir.resolve(prefix + nextRun++ + ".run"), words);
    for (int k = 0; k < n; k++) {
      int i = order[k];
      long h = t.hashes[i];
      int off = i * words;
      boolean old = false;
      if (!knownNew && bloom.mightContain(key(h))) {
        diskLookups++;
        for (int r = 0; r < cursors.length && !old; r++) {
          runProbes++;
          old = cursors[r].contains(h, t.values, off);
        }
        if (old) {
          foundOnDisk++;
        }
      }
      fresh[i] = !old;
      if (old) {
        recent.put(h, t.values, off);
      } else {
        bloom.add(key(h));
        recent.put(h, t.values, off);
        w.append(h, t.values, off);
        recordsWritten++;
        states++;
      }
    }
    if (!knownNew) {
      batches++;
    }
    for (SortedRun.Cursor c : cursors) {
      blocksRead += c.blocksRead();
    }
    for (SortedRun r : runs) {
      r.close();
    }
    SortedRun run = w.finish();
    if (run.count() == 0) {
      run.delete();
    } else {
      runs.add(run);
      while (runs.size() >= 2 && runs.get(runs.size() - 1).count() * 2 >= runs.get(runs.size() - 2).count()) {
        SortedRun b = runs.remove(runs.size() - 1);
        SortedRun a = runs.remove(runs.size() - 1);
        runs.add(merge(a, b));
      }
    }
    long cap = maxBloomBits & ~63L;
    if (states * BITS_PER_STATE > bloom.bits() && bloom.bits() < cap) {
      // Four times the bits the states need now, so that the filter is rebuilt from the runs rarely (each rebuild
      // reads every run).
      growBloom(Math.min(cap, Math.max(bloom.bits() * 2, states * BITS_PER_STATE * 4)));
    }
  }

  /**
   * The filter's key of hash {@code h}: high half, the hash's place in this partition's range (so a batch in the
   * disk order walks the filter forward); low half, the hash's own low bits (the probes).
   */
  private long key(long h) {
    return (h * parts & 0xFFFFFFFF00000000L) | (h & 0xFFFFFFFFL);
  }

  /** A filter of {@code bits} bits, filled from the runs (read sequentially). */
  private void growBloom(long bits) {
    BloomFilter bigger = new BloomFilter(bits);
    for (SortedRun r : runs) {
      SortedRun.Scan s = r.scan();
      while (s.valid()) {
        bigger.add(key(StateKeys.hash(s.words(), s.offset(), words)));
        s.advance();
      }
      r.close();
    }
    bloom = bigger;
  }

  /** The candidates' indices in the disk order: sorted by hash on primitive keys, ties broken by value. */
  private int[] sorted(CandidateTable t) {
    int n = t.size;
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1));
    if (keys.length < n) {
      keys = new long[t.capacity];
    }
    long low = (1L << bits) - 1;
    for (int i = 0; i < n; i++) {
      // The hash's high bits and the index; flipping the sign bit makes the signed sort an unsigned one.
      keys[i] = ((t.hashes[i] & ~low) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys, 0, n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) ((keys[i] ^ Long.MIN_VALUE) & low);
    }
    // Runs of equal high bits (rare) are put in the full disk order.
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || ((t.hashes[order[i]] ^ t.hashes[order[start]]) & ~low) != 0) {
        if (i - start > 1) {
          Integer[] group = new Integer[i - start];
          for (int k = 0; k < group.length; k++) {
            group[k] = order[start + k];
          }
          Arrays.sort(group, (x, y) -> StateKeys.compare(t.hashes[x], t.values, x * words, t.hashes[y], t.values,
              y * words, words));
          for (int k = 0; k < group.length; k++) {
            order[start + k] = group[k];
          }
        }
        start = i;
      }
    }
    return order;
  }

  /** Merges two runs into one (sequential reads and writes) and deletes them. */
  private SortedRun merge(SortedRun a, SortedRun b) {
    SortedRun.Writer w = new SortedRun.Writer(dir.resolve(prefix + nextRun++ + ".run"), words);
    SortedRun.Scan x = a.scan();
    SortedRun.Scan y = b.scan();
    long hx = x.valid() ? StateKeys.hash(x.words(), x.offset(), words) : 0;
    long hy = y.valid() ? StateKeys.hash(y.words(), y.offset(), words) : 0;
    while (x.valid() || y.valid()) {
      boolean takeX = !y.valid()
          || (x.valid() && StateKeys.compare(hx, x.words(), x.offset(), hy, y.words(), y.offset(), words) <= 0);
      SortedRun.Scan s = takeX ? x : y;
      w.append(takeX ? hx : hy, s.words(), s.offset());
      recordsWritten++;
      s.advance();
      if (s.valid()) {
        long h = StateKeys.hash(s.words(), s.offset(), words);
        if (takeX) {
          hx = h;
        } else {
          hy = h;
        }
      }
    }
    a.delete();
    b.delete();
    return w.finish();
  }

  /** The statistics, one line. */
  String stats() {
    return String.format("batches %d, lookups %d (found on disk %d), run probes %d, blocks read %d, records written %d"
        + " (states %d), runs %d, filter bits %d", batches, diskLookups, foundOnDisk, runProbes, blocksRead,
        recordsWritten, states, runs.size(), bloom.bits());
  }

  @Override
  public void close() {
    for (SortedRun r : runs) {
      r.close();
    }
  }
}
