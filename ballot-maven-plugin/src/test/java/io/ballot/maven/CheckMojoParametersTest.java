package io.ballot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plugin's numeric parameter is checked as {@code ballot check} checks the option, before anything is forked. */
class CheckMojoParametersTest {

  @Test
  void threadsInRangeOrUnsetAreAccepted() {
    assertNull(CheckMojo.invalidThreads(null));
    assertNull(CheckMojo.invalidThreads(0));
    assertNull(CheckMojo.invalidThreads(256));
  }

  @Test
  void threadsOutOfRangeAreRefusedWithTheRange() {
    for (int bad : new int[] {-1, 257, 100_000, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      String why = CheckMojo.invalidThreads(bad);
      assertTrue(why != null && why.contains("expected an integer from 0 to 256"), "threads " + bad + ": " + why);
      assertEquals(true, why.startsWith("ballot: invalid value for threads (ballot.threads): " + bad), why);
    }
  }
}
