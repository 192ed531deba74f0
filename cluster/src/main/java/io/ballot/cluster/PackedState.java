package io.ballot.cluster;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A state in its packed form ({@code long[]} of the model's {@code StateLayout.words()}), as a key of the cluster's
 * RDDs: equality and hash over the words. The hash mixes every word (a HashPartitioner takes it modulo the
 * partitions, so its low bits must depend on all of the state). Never modified once built.
 */
public final class PackedState implements Serializable, Comparable<PackedState> {
  private static final long serialVersionUID = 1L;

  private final long[] words;
  private final int hash;

  /** Wraps {@code words}, which the caller gives up (no copy). */
  public PackedState(long[] words) {
    this.words = words;
    this.hash = mix(words, 0, words.length);
  }

  /** A copy of the words. */
  public long[] words() {
    return words.clone();
  }

  /** The words themselves, for a reader that does not modify them. */
  long[] wordsUnsafe() {
    return words;
  }

  /** The hash of the state {@code a[off..off+n)}: every word mixed in (a partitioner keeps its low bits). */
  static int mix(long[] a, int off, int n) {
    long h = 0x9E3779B97F4A7C15L * (n + 1);
    for (int i = off; i < off + n; i++) {
      h = (h ^ a[i]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    h *= 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PackedState p && p.hash == hash && Arrays.equals(p.words, words);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The order of the words as signed longs (the order the local explorer sorts violations by). */
  @Override
  public int compareTo(PackedState o) {
    return Arrays.compare(words, o.words);
  }

  @Override
  public String toString() {
    return Arrays.toString(words);
  }
}
