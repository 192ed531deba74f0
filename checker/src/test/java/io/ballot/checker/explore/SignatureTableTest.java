package io.ballot.checker.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The packed signature table: what is added is found, what is not is not, whatever the width; the packing saves. */
class SignatureTableTest {

  @Property(tries = 60)
  void holdsExactlyWhatWasAdded(@ForAll @IntRange(min = 24, max = 64) int bits,
      @ForAll @IntRange(min = 1, max = 3000) int count, @ForAll @LongRange(min = 0, max = 1000) long seed) {
    SignatureTable t = new SignatureTable(bits, count * 5L / 4 + 1);
    Random random = new Random(seed);
    Set<Long> added = new HashSet<>();
    long[] signatures = new long[count];
    long[] addresses = new long[count];
    for (int i = 0; i < count; i++) {
      signatures[i] = t.signature(random.nextLong());
      addresses[i] = random.nextLong();
      assertTrue(signatures[i] != 0 && (bits == 64 || signatures[i] >>> bits == 0), "signature in range");
      added.add(signatures[i] * 31 + addresses[i]);
      boolean there = t.contains(signatures[i], addresses[i]);
      assertEquals(!there, t.add(signatures[i], addresses[i]));
    }
    for (int i = 0; i < count; i++) {
      assertTrue(t.contains(signatures[i], addresses[i]));
      assertFalse(t.add(signatures[i], addresses[i]), "added twice");
    }
    assertTrue(t.size() <= count);
    for (int i = 0; i < 200; i++) {
      long s = t.signature(random.nextLong());
      long a = random.nextLong();
      if (!added.contains(s * 31 + a)) {
        // a different signature on the same probe sequence is not found (a false positive needs equal bits)
        boolean equalToOne = false;
        for (int j = 0; j < count; j++) {
          equalToOne |= signatures[j] == s;
        }
        if (!equalToOne) {
          assertFalse(t.contains(s, a));
        }
      }
    }
  }

  @Test
  void fortyBitSignaturesTakeFiveBytesASlot() {
    SignatureTable t = new SignatureTable(40, 1_000_000);
    assertTrue(t.bytes() < 5 * t.slots() + 1024, t.bytes() + " bytes for " + t.slots() + " slots");
    assertTrue(t.slots() >= 1_000_000 && t.slots() < 1_000_100, "a prime just above: " + t.slots());
  }

  @Test
  void neighbouringSlotsDoNotOverwriteEachOther() {
    for (int bits = 24; bits <= 64; bits++) {
      SignatureTable t = new SignatureTable(bits, 200);
      long mask = bits == 64 ? -1L : (1L << bits) - 1;
      // every slot filled with all ones but for its own index: a bad mask would spill into the next slot
      for (long i = 0; i < t.slots() - 1; i++) {
        t.add(mask ^ i, i); // address i: first probe is slot i (i < slots)
      }
      for (long i = 0; i < t.slots() - 1; i++) {
        assertEquals(mask ^ i, t.get(i), bits + " bits, slot " + i);
      }
    }
  }
}
