package io.ballot.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fuzz test's mutations do what they say, the same way for the same seed, and every one of them is used. */
class MutatorTest {

  private static final String MODEL = """
      -- a model
      const N: 3;
      type pid: 0 .. N;
      var x: array [pid] of 0 .. 7;
      startstate begin for i: pid do x[i] := 0; end; end;
      ruleset p: pid do
        rule "inc" x[p] < 7 ==> begin x[p] := (x[p] + 1) % 8; end;
      end;
      invariant "bounded" x[0] <= 7;
      """;

  private static String apply(Mutation m, long seed) {
    return Mutator.apply(m, MODEL, new Random(seed));
  }

  @Test
  void theSameSeedGivesTheSameMutant() {
    Mutator mutator = new Mutator(List.of(new Mutator.Source("a.m", MODEL.getBytes(StandardCharsets.UTF_8)),
        new Mutator.Source("b.m", "var y: boolean;\n".getBytes(StandardCharsets.UTF_8))));
    for (long seed = 0; seed < 200; seed++) {
      Mutant a = mutator.mutant(seed);
      Mutant b = mutator.mutant(seed);
      assertArrayEquals(a.bytes(), b.bytes());
      assertEquals(a.describe(), b.describe());
    }
  }

  @Test
  void everyMutationChangesTheModel() {
    for (Mutation m : Mutation.values()) {
      for (long seed = 0; seed < 20; seed++) {
        assertNotEquals(MODEL, apply(m, seed), m + " with seed " + seed);
      }
    }
  }

  @Test
  void deepNestingIsHundredsToThousandsDeep() {
    int deepest = 0;
    for (long seed = 0; seed < 50; seed++) {
      String parens = apply(Mutation.DEEP_PARENTHESES, seed);
      assertTrue(parens.contains("(".repeat(150) + "1" + ")".repeat(150)), parens);
      String ifs = apply(Mutation.DEEP_IFS, seed);
      assertTrue(ifs.contains("if true then ".repeat(150)), ifs);
      deepest = Math.max(deepest, ifs.split("if true then", -1).length - 1);
    }
    assertTrue(deepest >= 2500, "some nesting is thousands deep: " + deepest);
  }

  @Test
  void hugeLiteralsAndArraysAreBeyond32Bits() {
    for (long seed = 0; seed < 50; seed++) {
      String literal = apply(Mutation.HUGE_LITERAL, seed);
      assertTrue(literal.matches("(?s).*\\b\\d{10,}\\b.*"), literal);
      String array = apply(Mutation.HUGE_ARRAY, seed);
      assertTrue(array.matches("(?s).*\\.\\.\\s*\\d{5,}.*"), array);
    }
  }

  @Test
  void invalidUtf8IsNotUtf8() {
    for (long seed = 0; seed < 50; seed++) {
      byte[] bytes = apply(Mutation.INVALID_UTF8, seed).getBytes(StandardCharsets.ISO_8859_1);
      Mutant m = new Mutant(seed, "a.m", Mutation.INVALID_UTF8, bytes);
      assertFalse(new String(bytes, StandardCharsets.UTF_8).equals(m.text()), "read as Latin-1: " + m.text());
    }
  }

  @Test
  void everyMutationIsUsedInACampaign() {
    Mutator mutator = new Mutator(List.of(new Mutator.Source("a.m", MODEL.getBytes(StandardCharsets.UTF_8))));
    Map<Mutation, Integer> used = new EnumMap<>(Mutation.class);
    for (int i = 0; i < 1000; i++) {
      used.merge(mutator.mutant(MutantFuzzTest.seed(21_11L, 1, i)).mutation(), 1, Integer::sum);
    }
    for (Mutation m : Mutation.values()) {
      assertTrue(used.getOrDefault(m, 0) >= 20, m + " is used: " + used);
    }
  }
}
