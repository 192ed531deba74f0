package io.ballot.checker.explore;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every state found, in the order found, with how it was reached: the parent's id and the rule (or start state)
 * instance that made it. States live in fixed-size chunks of primitive arrays so that the store grows without
 * copying and readers never see a moving array. Ids are ints from 0, handed out to each appending thread in
 * blocks of {@value #BLOCK} (its {@link Appender}), so that two threads never write to the same cache lines nor
 * contend on one counter per state; the ids of a block left unused when its thread is done are holes, skipped by
 * whoever walks the ids.
 *
 * <p>A state's bits are kept at close to byte granularity: its full words in a {@code long[]} chunk and its last,
 * partly used word in the narrowest primitive array that holds the bits it uses ({@code byte}, {@code short},
 * {@code int} or {@code long}); a 69-bit state costs 9 bytes, not 16. Rule ids take two bytes when the model has
 * fewer than 65,536 rule instances.
 */
final class StateStore {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int MAX_CHUNKS = (Integer.MAX_VALUE >>> CHUNK_BITS) + 1;
  /** Ids reserved at a time by one thread; divides {@link #CHUNK}, so a block never spans two chunks. */
  static final int BLOCK = 64;
  /** The parent recorded for an unused id. */
  private static final int HOLE = -2;

  /** How the last word is kept. */
  private static final int TAIL_BYTE = 1;
  private static final int TAIL_SHORT = 2;
  private static final int TAIL_INT = 4;
  private static final int TAIL_LONG = 8;

  private final int words;
  private final int head; // words kept in the long chunk
  private final int tail; // bytes of the last word's array
  private final boolean wideRules;
  private final AtomicReferenceArray<Chunk> chunks = new AtomicReferenceArray<>(MAX_CHUNKS);
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger holes = new AtomicInteger();

  /** One chunk's arrays; all final, so a published chunk is seen whole. */
  private static final class Chunk {
    final long[] heads;
    final byte[] bytes;
    final short[] shorts;
    final int[] ints;
    final long[] longs;
    final int[] parents = new int[CHUNK];
    final char[] rules;
    final int[] wideRules;

    Chunk(int head, int tail, boolean wide) {
      heads = head == 0 ? null : new long[CHUNK * head];
      bytes = tail == TAIL_BYTE ? new byte[CHUNK] : null;
      shorts = tail == TAIL_SHORT ? new short[CHUNK] : null;
      ints = tail == TAIL_INT ? new int[CHUNK] : null;
      longs = tail == TAIL_LONG ? new long[CHUNK] : null;
      rules = wide ? null : new char[CHUNK];
      wideRules = wide ? new int[CHUNK] : null;
    }
  }

  /**
   * A store for states of {@code bits} bits in {@code words} words, whose rule ids are below {@code ruleLimit}.
   */
  StateStore(int bits, int words, int ruleLimit) {
    this.words = words;
    this.head = words - 1;
    int tailBits = bits - 64 * head;
    this.tail = tailBits <= 8 ? TAIL_BYTE : tailBits <= 16 ? TAIL_SHORT : tailBits <= 32 ? TAIL_INT : TAIL_LONG;
    this.wideRules = ruleLimit > Character.MAX_VALUE;
  }

  int words() {
    return words;
  }

  /** Number of states stored. */
  int size() {
    return ids.get() - holes.get();
  }

  /** One past the highest id handed out (holes included): ids range over {@code 0 .. idLimit() - 1}. */
  int idLimit() {
    return ids.get();
  }

  /** Whether {@code id} (below {@link #idLimit()}, after its thread released its block) holds no state. */
  boolean isHole(int id) {
    return chunks.get(id >>> CHUNK_BITS).parents[id & (CHUNK - 1)] == HOLE;
  }

  /** One thread's current block of ids. Not thread-safe: each appending thread has its own. */
  static final class Appender {
    private int next;
    private int limit;
  }

  /** A new appender, with no ids reserved yet. */
  Appender appender() {
    return new Appender();
  }

  /** Marks the ids {@code a} reserved and did not use as holes; call when its thread has finished appending. */
  void release(Appender a) {
    if (a.next < a.limit) {
      Chunk chunk = chunks.get(a.next >>> CHUNK_BITS);
      for (int id = a.next; id < a.limit; id++) {
        chunk.parents[id & (CHUNK - 1)] = HOLE;
      }
      holes.addAndGet(a.limit - a.next);
      a.next = a.limit;
    }
  }

  /** Bytes one state costs here (its bits, parent and rule). */
  int bytesPerState() {
    return head * 8 + tail + 4 + (wideRules ? 4 : 2);
  }

  /** Appends a state with an id from {@code a}'s block (reserving a new block when it is used up); returns the id. */
  int add(Appender a, long[] state, int parent, int rule) {
    if (a.next == a.limit) {
      int first = ids.getAndAdd(BLOCK);
      if (first < 0 || first + BLOCK < 0) {
        ids.addAndGet(-BLOCK);
        throw new IllegalStateException("more than 2^31 states");
      }
      if (chunks.get(first >>> CHUNK_BITS) == null) {
        allocate(first >>> CHUNK_BITS);
      }
      a.next = first;
      a.limit = first + BLOCK;
    }
    int id = a.next++;
    Chunk chunk = chunks.get(id >>> CHUNK_BITS);
    int i = id & (CHUNK - 1);
    if (head > 0) {
      System.arraycopy(state, 0, chunk.heads, i * head, head);
    }
    long last = state[head];
    switch (tail) {
      case TAIL_BYTE -> chunk.bytes[i] = (byte) last;
      case TAIL_SHORT -> chunk.shorts[i] = (short) last;
      case TAIL_INT -> chunk.ints[i] = (int) last;
      default -> chunk.longs[i] = last;
    }
    chunk.parents[i] = parent;
    if (wideRules) {
      chunk.wideRules[i] = rule;
    } else {
      chunk.rules[i] = (char) rule;
    }
    return id;
  }

  private synchronized Chunk allocate(int c) {
    Chunk chunk = chunks.get(c);
    if (chunk == null) {
      chunk = new Chunk(head, tail, wideRules);
      chunks.set(c, chunk); // a volatile write: other threads see the chunk's arrays
    }
    return chunk;
  }

  private long last(Chunk chunk, int i) {
    return switch (tail) {
      case TAIL_BYTE -> chunk.bytes[i] & 0xFFL;
      case TAIL_SHORT -> chunk.shorts[i] & 0xFFFFL;
      case TAIL_INT -> chunk.ints[i] & 0xFFFF_FFFFL;
      default -> chunk.longs[i];
    };
  }

  void get(int id, long[] out) {
    Chunk chunk = chunks.get(id >>> CHUNK_BITS);
    int i = id & (CHUNK - 1);
    if (head > 0) {
      System.arraycopy(chunk.heads, i * head, out, 0, head);
    }
    out[head] = last(chunk, i);
  }

  boolean equalsState(int id, long[] state) {
    Chunk chunk = chunks.get(id >>> CHUNK_BITS);
    int i = id & (CHUNK - 1);
    if (last(chunk, i) != state[head]) {
      return false;
    }
    int base = i * head;
    for (int w = 0; w < head; w++) {
      if (chunk.heads[base + w] != state[w]) {
        return false;
      }
    }
    return true;
  }

  int parent(int id) {
    return chunks.get(id >>> CHUNK_BITS).parents[id & (CHUNK - 1)];
  }

  int rule(int id) {
    Chunk chunk = chunks.get(id >>> CHUNK_BITS);
    int i = id & (CHUNK - 1);
    return wideRules ? chunk.wideRules[i] : chunk.rules[i];
  }
}
