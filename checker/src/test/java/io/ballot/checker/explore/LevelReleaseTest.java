package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A level's record chunks freed as they are expanded: only whole chunks of the level, never the one it shares with
 * the next level, whatever the order the batches are told in; the arrays freed serve the next chunks.
 */
class LevelReleaseTest {
  private static final int BITS = 200; // 25-byte records: chunks of fewer ids than a level below

  private static StateStore filled(int ids) {
    StateStore store = new StateStore(BITS, 4, 10);
    StateStore.Appender a = store.appender();
    long[] s = new long[4];
    for (int i = 0; i < ids; i++) {
      s[0] = i;
      s[3] = ~i & 0xFFL;
      store.add(a, s, i - 1, 1);
    }
    store.release(a);
    return store;
  }

  @Test
  void wholeChunksOfTheLevelAreFreedOnceAllTheirBatchesAreToldInAnyOrder() throws Exception {
    StateStore store = filled(0);
    int chunk = store.idsPerChunk();
    assertTrue(chunk >= 1024 && chunk < 65536, "chunks of 256 KiB: " + chunk);
    int from = chunk / 2; // the level starts and ends within a chunk
    int to = 4 * chunk + chunk / 3;
    int next = to + chunk; // the next level's first ids
    store = filled(next);
    LevelRelease release = new LevelRelease(store, from, to);
    int batch = 100;
    int batches = (to - from + batch - 1) / batch;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      StateStore s = store;
      Future<?>[] parts = new Future<?>[2];
      for (int p = 0; p < 2; p++) {
        int part = p;
        parts[p] = pool.submit(() -> {
          for (int b = batches - 1 - part; b >= 0; b -= 2) { // from the end, interleaved
            int a = from + b * batch;
            release.expanded(a, Math.min(to, a + batch));
          }
        });
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // chunk 0 holds ids below the level (already expanded) and the level's first: all expanded, freed
    for (int c = 0; c < 4; c++) {
      assertFalse(store.hasRecord(c * chunk), "chunk " + c + " freed");
    }
    assertTrue(store.hasRecord(to), "the chunk shared with the next level stays");
    assertTrue(store.hasRecord(next - 1));
    long[] out = new long[4];
    store.get(to, out);
    assertArrayEquals(new long[] {to, 0, 0, ~to & 0xFFL}, out, "its records intact");
    assertEquals(4 * store.recordBytesPerChunk(), store.bytesByKind()[2], "four arrays kept for reuse");
    assertEquals(0, store.parent(0) + 1, "parents stay");
    assertEquals(to - 1, store.parent(to));
  }

  @Test
  void aChunkNotAllToldStaysAndFreedArraysAreReused() {
    StateStore store = filled(0);
    int chunk = store.idsPerChunk();
    int to = 2 * chunk;
    store = filled(to + 10);
    LevelRelease release = new LevelRelease(store, 0, to);
    release.expanded(0, chunk - 1); // one id of chunk 0 left
    release.expanded(chunk, to);
    assertTrue(store.hasRecord(0), "a chunk with a state left to expand stays");
    assertFalse(store.hasRecord(chunk));
    long kept = store.bytesByKind()[2];
    assertEquals(store.recordBytesPerChunk(), kept);
    StateStore.Appender a = store.appender();
    long[] s = new long[4];
    for (int i = 0; i < 2 * chunk; i++) { // the next chunk takes the array kept
      s[0] = i;
      store.add(a, s, 0, 0);
    }
    assertEquals(0, store.bytesByKind()[2], "the array kept was reused");
  }
}
