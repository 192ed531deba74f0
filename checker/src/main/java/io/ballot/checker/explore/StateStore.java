package io.ballot.checker.explore;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every state found, in the order found, with how it was reached: the parent's id and the rule (or start state)
 * instance that made it. States live in fixed-size chunks of primitive arrays so that the store grows without
 * copying and readers never see a moving array. Ids are dense ints from 0; appends are thread-safe.
 */
final class StateStore {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MAX_CHUNKS = (Integer.MAX_VALUE >>> CHUNK_BITS) + 1;

  private final int words;
  private final AtomicReferenceArray<long[]> states = new AtomicReferenceArray<>(MAX_CHUNKS);
  private final int[][] parents = new int[MAX_CHUNKS][];
  private final int[][] rules = new int[MAX_CHUNKS][];
  private final AtomicInteger size = new AtomicInteger();

  StateStore(int words) {
    this.words = words;
  }

  int words() {
    return words;
  }

  int size() {
    return size.get();
  }

  /** Bytes one state costs here (its words, parent and rule). */
  int bytesPerState() {
    return words * 8 + 8;
  }

  /** Appends a state; returns its id. */
  int add(long[] state, int parent, int rule) {
    int id = size.getAndIncrement();
    if (id < 0) {
      throw new IllegalStateException("more than 2^31 states");
    }
    int c = id >>> CHUNK_BITS;
    long[] chunk = states.get(c);
    if (chunk == null) {
      chunk = allocate(c);
    }
    int i = id & (CHUNK - 1);
    System.arraycopy(state, 0, chunk, i * words, words);
    parents[c][i] = parent;
    rules[c][i] = rule;
    return id;
  }

  private synchronized long[] allocate(int c) {
    if (states.get(c) == null) {
      parents[c] = new int[CHUNK];
      rules[c] = new int[CHUNK];
      states.set(c, new long[CHUNK * words]); // published last, through a volatile write
    }
    return states.get(c);
  }

  void get(int id, long[] out) {
    System.arraycopy(states.get(id >>> CHUNK_BITS), (id & (CHUNK - 1)) * words, out, 0, words);
  }

  boolean equalsState(int id, long[] state) {
    long[] chunk = states.get(id >>> CHUNK_BITS);
    int base = (id & (CHUNK - 1)) * words;
    for (int w = 0; w < words; w++) {
      if (chunk[base + w] != state[w]) {
        return false;
      }
    }
    return true;
  }

  int parent(int id) {
    return parents[id >>> CHUNK_BITS][id & (CHUNK - 1)];
  }

  int rule(int id) {
    return rules[id >>> CHUNK_BITS][id & (CHUNK - 1)];
  }
}
