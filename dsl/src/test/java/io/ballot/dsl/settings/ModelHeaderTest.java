package io.ballot.dsl.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.ir.Type;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code -- ballot:} header: what it sets, where its errors are, and how constant overrides lower. */
class ModelHeaderTest {

  private static final String BODY = "const N: 3; B: true;\ntype E: enum {a, b};\nconst C: a;\nvar x: 0 .. N;\n"
      + "startstate begin x := 0; end;\nrule \"inc\" x < N ==> begin x := x + 1; end;\n";

  @Test
  void settingsAndConstantsOfTheHeader() {
    ModelHeader h = ModelHeader.parse("m.m", "-- A model.\n--\n-- ballot: deadlock-detection off\n"
        + "  --   ballot:   symmetry-reduction:   exhaustive  \n-- ballot: const N=5\n-- ballot: const B = false\n\n"
        + BODY);
    assertEquals(List.of(), h.errors());
    assertEquals(Map.of("deadlock-detection", "off", "symmetry-reduction", "exhaustive"), h.settings());
    assertEquals(List.of("N=5", "B=false"), h.consts().stream().map(ConstOverride::toString).toList());
    assertEquals("m.m:5:18", h.consts().get(0).at());
    CheckOptions o = CheckSettings.defaults().withAll(h.settings()).toOptions();
    assertEquals(CheckOptions.DeadlockMode.OFF, o.deadlock());
    assertEquals(CheckOptions.Symmetry.EXHAUSTIVE, o.symmetry());
  }

  @Test
  void noHeaderNoSettings() {
    ModelHeader h = ModelHeader.parse("m.m", BODY);
    assertTrue(h.settings().isEmpty() && h.consts().isEmpty() && !h.hasErrors());
  }

  @Test
  void errorsAreLocatedWithASuggestion() {
    ModelHeader h = ModelHeader.parse("m.m", "-- ballot: deadlock-detecton off\n-- ballot: symmetry-reduction heuristc\n"
        + "-- ballot: const N\n-- ballot: threads two\n-- ballot: bound 3\n-- ballot: bound 4\n-- ballot:\n" + BODY
        + "-- ballot: bound 2\n");
    List<String> lines = h.errors().stream().map(Diagnostic::headline).toList();
    assertEquals(List.of(
        "m.m:1:12: error: unknown setting 'deadlock-detecton' (did you mean 'deadlock-detection'?)",
        "m.m:2:31: error: invalid value for symmetry-reduction: 'heuristc' (expected one of off, heuristic or"
            + " exhaustive) (did you mean 'heuristic'?)",
        "m.m:3:18: error: expected NAME=VALUE (e.g. N=3), not 'N'",
        "m.m:4:20: error: invalid value for threads: 'two' (expected an integer from 0 to 256)",
        "m.m:6:12: error: 'bound' is set twice (first on line 5)",
        "m.m:7:11: error: expected a setting after '-- ballot:', e.g. '-- ballot: deadlock-detection off' or"
            + " '-- ballot: const N=3'",
        "m.m:14:1: error: a '-- ballot:' setting must be in the header, the comment lines before the model's first"
            + " declaration"), lines);
  }

  @Test
  void aConstantOverrideChangesTypesAndRanges() {
    FrontEnd fe = new FrontEnd();
    ConstOverrides consts = new ConstOverrides(List.of(new ConstOverride("N", "2", "--const"),
        new ConstOverride("N", "7", "--const"), new ConstOverride("C", "b", "--const")));
    LoadResult r = fe.load("m.m", BODY, consts);
    assertFalse(r.hasErrors(), r.diagnostics()::toString);
    assertEquals(List.of(), consts.problems());
    assertEquals(new Type.RangeType(0, 7), r.model().variables().get(0).type(), "the later override wins");
    assertEquals(7, r.model().constants().get(0).value());
    assertEquals(1, r.model().constants().get(2).value(), "C is b, the enum's second member");
    assertEquals(new Type.RangeType(0, 3), fe.load("m.m", BODY).model().variables().get(0).type());
  }

  @Test
  void badOverridesAreProblemsWithASuggestion() {
    ConstOverrides consts = new ConstOverrides(List.of(new ConstOverride("B", "3", "a"),
        new ConstOverride("n", "2", "b"), new ConstOverride("C", "c", "c"), new ConstOverride("Zzz", "1", "d")));
    LoadResult r = new FrontEnd().load("m.m", BODY, consts);
    assertFalse(r.hasErrors());
    assertEquals(List.of(
        "a: constant B is a boolean: its value is true or false, not '3'",
        "c: constant C is one of a, b, not 'c'",
        "b: the model has no global constant 'n' (did you mean 'N'?)",
        "d: the model has no global constant 'Zzz' (its global constants: N, B, C)"),
        consts.problems().stream().map(ConstOverrides.Problem::toString).toList());
    assertEquals(1, r.model().constants().get(1).value(), "a bad value leaves the declared one");
  }

  @Test
  void suggestionsAreCloseOrNothing() {
    assertEquals("heuristic", Suggestions.closest("heuristc", List.of("off", "heuristic", "exhaustive")));
    assertNull(Suggestions.closest("banana", List.of("off", "heuristic", "exhaustive")));
  }
}
