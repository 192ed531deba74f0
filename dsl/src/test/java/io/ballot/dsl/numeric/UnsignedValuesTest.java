package io.ballot.dsl.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.FrontEnd;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Models whose numbers need unsigned 64-bit values (Rumur's {@code uint64_t} value type, chosen when a literal
 * exceeds Long.MAX_VALUE). Each runs on both engines, which must agree; the expected counts and verdicts are
 * Rumur 2022.08.20's ({@code rumur-run model.m}) on the same models.
 */
class UnsignedValuesTest {
  private static final FrontEnd FRONT_END = new FrontEnd();

  /** The result on both engines (asserted equal: verdict, counts, violations with their traces). */
  private static Result check(String text) {
    LoadResult load = FRONT_END.load("u.m", text);
    assertFalse(load.hasErrors(), () -> "rejected: " + load.diagnostics());
    assertTrue(load.model().unsignedValues(), "the model's values should be unsigned");
    return BothEngines.check(load.model(), DeadlockMode.STUTTERING);
  }

  @Test
  void valuesAboveLongMaxValueAreComparedAndPrintedUnsigned() {
    // rumur-run: invariant "not max" failed, x:18446744073709551614 in the trace
    Result r = check("""
        var x: 0..0xfffffffffffffffe; y: 0..3;
        startstate begin x := 0xfffffffffffffff0; y := 0 end;
        rule x < 0xfffffffffffffffe ==> begin x := x + 1 end;
        rule y < 3 ==> begin y := y + 1 end;
        invariant "big" x >= 0x8000000000000000 & x / 2 > 0x7ffffffffffffff0 & x % 16 <= 15;
        invariant "not max" x != 0xfffffffffffffffe | y != 3;
        """);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals("not max", r.violations().get(0).property());
    assertEquals("18446744073709551614", BothEngines.lastValue(r.violations().get(0), "x"));
  }

  @Test
  void stateCountMatchesRumur() {
    // rumur-run: 60 states, 101 rules fired (then a deadlock, as here)
    Result r = check("""
        var x: 0..0xfffffffffffffffe; y: 0..3;
        startstate begin x := 0xfffffffffffffff0; y := 0 end;
        rule x < 0xfffffffffffffffe ==> begin x := x + 1 end;
        rule y < 3 ==> begin y := y + 1 end;
        invariant "big" x >= 0x8000000000000000 & x * 1 = x & (x >> 63) = 1 & (1 << 63) < x;
        """);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(ViolationKind.DEADLOCK, r.violations().get(0).kind());
    assertEquals(60, r.states());
    assertEquals(101, r.rulesFired());
  }

  @Test
  void subtractionBelowZeroIsAnOverflow() {
    // rumur-run: "integer overflow in subtraction in expression (x - 1)"
    Result r = check("""
        var x: 0..0xfffffffffffffffe;
        startstate begin x := 0 end;
        rule begin x := x - 1 end;
        """);
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertTrue(r.violations().get(0).message().contains("integer overflow in -"), r.violations().get(0).message());
  }

  @Test
  void additionAbove2To64IsAnOverflow() {
    Result r = check("""
        var x: 0..0xfffffffffffffffe;
        startstate begin x := 0xfffffffffffffffe end;
        rule begin x := x + x end;
        """);
    assertTrue(r.violations().get(0).message().contains("integer overflow in +"), r.violations().get(0).message());
  }

  private static List<Diagnostic> errors(String text) {
    return FRONT_END.load("u.m", text).diagnostics();
  }

  @Test
  void aNegativeConstantInAnUnsignedModelIsRejected() {
    // Rumur: "model's numerical bounds are [-1, 18446744073709551614] which no supported type contains"
    List<Diagnostic> d = errors("""
        var x: 0..0xfffffffffffffffe; y: -1..1;
        startstate begin x := 0; y := 0 end;
        """);
    assertEquals(1, d.size(), d::toString);
    assertEquals(1, d.get(0).line());
    assertEquals(34, d.get(0).column());
    assertTrue(d.get(0).message().contains("negative"), d.get(0).message());
  }

  @Test
  void twoToThe64MinusOneIsTooLarge() {
    // Rumur: "no supported unsigned type is wide enough" (undefined needs one of the 2^64 codes)
    List<Diagnostic> d = errors("""
        var x: 0..1;
        startstate begin x := (0xffffffffffffffff > 1) ? 1 : 0 end;
        """);
    assertEquals(1, d.size(), d::toString);
    assertEquals(2, d.get(0).line());
    assertTrue(d.get(0).message().contains("too large"), d.get(0).message());
  }

  @Test
  void ordinaryModelsStaySigned() {
    LoadResult load = FRONT_END.load("s.m", "var x: -3..3; startstate begin x := -3 end;");
    assertFalse(load.hasErrors(), () -> load.diagnostics().toString());
    assertFalse(load.model().unsignedValues());
  }
}
