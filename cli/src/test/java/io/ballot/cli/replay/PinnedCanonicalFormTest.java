package io.ballot.cli.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.symmetry.Canonicalizer;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The canonical form under the permutations that fix some values, as the replay's symmetry reduction uses it, on
 * reachable states of {@code tokens.m}: it leaves pinned values where they are, the permutation it reports takes the
 * state to its representative, and every state of an orbit under those permutations gets the same representative.
 */
class PinnedCanonicalFormTest {
  private static final TransitionSystem TS = Checker.transitions(
      new FrontEnd().load(Path.of("src", "test", "resources", "replay", "tokens.m")).model(),
      CheckOptions.Engine.COMPILED).system();
  private static final SymmetryReduction SYM = SymmetryReduction.of(TS.layout(), CheckOptions.Symmetry.EXHAUSTIVE);

  @Property(tries = 300)
  void theRepresentativeIsAFunctionOfTheOrbitAndFixesThePinnedValues(@ForAll long seed) throws ModelError {
    Random rnd = new Random(seed);
    long[] s = walk(rnd, rnd.nextInt(9));
    int n = SYM.groupSizes()[0];
    boolean[][] pinned = {new boolean[n]};
    List<Integer> free = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pinned[0][i] = rnd.nextInt(3) == 0;
      if (!pinned[0][i]) {
        free.add(i);
      }
    }
    // a permutation that fixes the pinned values
    List<Integer> image = new ArrayList<>(free);
    Collections.shuffle(image, rnd);
    int[][] k = {new int[n]};
    for (int i = 0; i < n; i++) {
      k[0][i] = i;
    }
    for (int j = 0; j < free.size(); j++) {
      k[0][free.get(j)] = image.get(j);
    }
    Canonicalizer c = SYM.renamingCanonicalizer(720);
    long[] rep = s.clone();
    int[][] applied = {new int[n]};
    c.canonicalize(rep, pinned, applied);
    long[] moved = new long[s.length];
    SYM.rename(k, s, moved);
    c.canonicalize(moved, pinned, null);
    assertArrayEquals(rep, moved, "one representative per orbit");
    long[] renamed = new long[s.length];
    SYM.rename(applied, s, renamed);
    assertArrayEquals(rep, renamed, "the reported permutation takes the state to its representative");
    for (int i = 0; i < n; i++) {
      if (pinned[0][i]) {
        assertEquals(i, applied[0][i], "a pinned value stays where it is");
      }
    }
  }

  private static long[] walk(Random rnd, int steps) throws ModelError {
    long[] s = new long[TS.layout().words()];
    TS.runStart(0, s, Effects.NONE);
    for (int k = 0; k < steps; k++) {
      List<Integer> enabled = new ArrayList<>();
      for (int i = 0; i < TS.ruleCount(); i++) {
        if (TS.guard(i, s)) {
          enabled.add(i);
        }
      }
      if (enabled.isEmpty()) {
        break;
      }
      long[] after = s.clone();
      TS.fire(enabled.get(rnd.nextInt(enabled.size())), s, after, Effects.NONE);
      s = after;
    }
    return s;
  }
}
