package io.ballot.checker.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.ViolationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The checkpoint's two files read back what was written, and any single flipped bit or truncation of either is a
 * {@link CheckpointException} of kind CORRUPT: never another exception, never states or counters read wrong.
 */
class CheckpointFilesTest {
  private static final Fingerprint FP = new Fingerprint("ab12", 69, "N=3", "--bound 0");

  private static Manifest manifest(long dataBytes, int segments, int states) {
    return new Manifest(FP, 2, 3, states, dataBytes, segments, 42, new long[] {1, 2, 3}, new long[] {7},
        List.of(new StoredViolation(ViolationKind.INVARIANT, "inv", new SourceLocation("m.m", 3, 1, 3, 9),
            "invariant \"inv\" failed", 4, -1, 0)),
        new int[] {4}, false, 1.5, 123);
  }

  @Property(tries = 200)
  void aManifestWithAFlippedBitOrCutShortIsRefused(
      @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 0, max = 7) int bit,
      @ForAll boolean cut) {
    byte[] b = manifest(100, 3, 6).encode();
    int at = where % b.length;
    byte[] bad = cut ? java.util.Arrays.copyOf(b, at) : b.clone();
    if (!cut) {
      bad[at] ^= (byte) (1 << bit);
    }
    CheckpointException e = assertThrows(CheckpointException.class, () -> Manifest.decode(bad, "manifest"));
    assertEquals(CheckpointException.Kind.CORRUPT, e.kind());
  }

  @Property(tries = 40)
  void aStatesFileWithAFlippedBitOrCutShortIsRefused(
      @ForAll @IntRange(min = 0, max = 100_000) int where, @ForAll @IntRange(min = 0, max = 7) int bit,
      @ForAll boolean cut) throws IOException {
    Path dir = Files.createTempDirectory("states");
    try {
      Manifest m = writeThreeLevels(dir);
      Path file = dir.resolve(StatesFile.FILE);
      byte[] b = Files.readAllBytes(file);
      int at = where % b.length;
      if (cut) {
        b = java.util.Arrays.copyOf(b, at);
      } else {
        b[at] ^= (byte) (1 << bit);
      }
      Files.write(file, b);
      CheckpointException e = assertThrows(CheckpointException.class,
          () -> StatesFile.read(dir, m, 69, 2, 2, (i, s, p, r) -> {}));
      assertEquals(CheckpointException.Kind.CORRUPT, e.kind());
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @Test
  void whatIsWrittenIsReadBack() throws IOException {
    Path dir = Files.createTempDirectory("states");
    try {
      Manifest m = writeThreeLevels(dir);
      assertArrayEquals(m.encode(), Manifest.decode(m.encode(), "manifest").encode());
      List<long[]> read = new ArrayList<>();
      List<Integer> parents = new ArrayList<>();
      StatesFile.read(dir, m, 69, 2, 2, (i, s, p, r) -> {
        read.add(s.clone());
        parents.add(p);
        assertEquals(i % 5, r);
      });
      assertEquals(6, read.size());
      for (int i = 0; i < 6; i++) {
        assertArrayEquals(state(i), read.get(i));
      }
      assertEquals(List.of(-1, 0, 0, 1, 2, 2), parents);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  /** A 69-bit state (two words, the second of 5 bits) that differs per {@code i}. */
  private static long[] state(int i) {
    return new long[] {0x0123456789ABCDEFL * (i + 1), (i * 7L) & 0x1F};
  }

  /** Levels of 1, 2 and 3 states of 69 bits into {@code dir}; returns the manifest that names them. */
  private static Manifest writeThreeLevels(Path dir) throws IOException {
    int[] parents = {-1, 0, 0, 1, 2, 2};
    int i = 0;
    try (StatesFile.Writer w = StatesFile.Writer.create(dir.resolve(StatesFile.FILE), 69, 2)) {
      for (int level = 0, size = 1; level < 3; level++, size++) {
        w.beginLevel(level, size);
        for (int k = 0; k < size; k++, i++) {
          w.add(state(i), parents[i], i % 5);
        }
        w.endLevel(size);
      }
      w.sync();
      return manifest(w.bytes(), w.segments(), 6);
    }
  }
}
