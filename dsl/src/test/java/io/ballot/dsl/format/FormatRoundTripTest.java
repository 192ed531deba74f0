package io.ballot.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.ir.IrPrinter;
import io.ballot.dsl.api.FormatResult;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The formatter preserves meaning and text and is stable: for every model the front end accepts (the Rumur corpus,
 * the protocol library, the positive validation models), the formatted text is accepted too, lowers to the same IR
 * (compared through {@link IrPrinter}, which leaves locations out), has the same comments (as a multiset, compared
 * without trailing blanks) and formats to itself.
 */
class FormatRoundTripTest {

  private static FrontEnd frontEnd;

  @BeforeAll
  static void frontEnd() {
    frontEnd = new FrontEnd();
  }

  @Test
  void corpusModelsRoundTrip() throws IOException {
    CorpusModel.requireCorpus("format round trip over the corpus");
    List<Path> files = new ArrayList<>();
    for (CorpusModel m : CorpusModel.all()) {
      files.add(m.path());
    }
    roundTrip("corpus", files);
  }

  @Test
  void protocolLibraryRoundTrips() throws IOException {
    Path dir = Path.of("../protocols/models");
    assertTrue(Files.isDirectory(dir), dir.toAbsolutePath() + " is missing");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no models in " + dir);
    int n = roundTrip("protocols/models", files);
    assertEquals(files.size(), n, "every protocol model must be accepted");
  }

  @Test
  void positiveValidationModelsRoundTrip() throws IOException {
    Path dir = Path.of("src/test/resources/validation/positive");
    assertTrue(Files.isDirectory(dir), dir.toAbsolutePath() + " is missing");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no positive validation models in " + dir);
    int n = roundTrip("validation/positive", files);
    assertEquals(files.size(), n, "every positive validation model must be accepted");
  }

  @Test
  void tricky() {
    String text =
        """
        -- a comment that is kept
        const K: 0x1F; O: 010;
        type T: 0 .. K; E: enum {a, b}; R: record x: T; y: array [E] of boolean; end;
        var v: T; w: T; r: R; flag: boolean;
        function f(var p: T; q, q2: T): T; var l: T; begin l := - -p; return l - -1 endfunction;
        startstate "s" begin v := 0; w := - (- 3) + 4; r.x := 1; clear r.y; flag := !true = false endstartstate;
        ruleset i: E; j := 1 to 3 by 2 do
          rule "r" v < K ∧ j ≤ 3 ⇒ begin v ≔ (v + 1) × 2 − 1 % 3; flag := ¬flag → flag endrule;
          invariant v ≠ 100 "named after"
        endruleset;
        rule “curly” var t: 0 .. 1; begin
          if v = 0 then w := 1 elsif v == 1 then w := 2 else endif;
          switch v case 0, 1: w := 0; case 2: else w := 1 endswitch;
          for k: T do put k; put "x\\"y" endfor; while false do endwhile;
          alias a2: r.x do a2 := f(v, w, 0) endalias;
          assert forall z: T do z >= 0 end;
          v := flag ? exists z: T do z = v endexists ? 2 : 3 : 1
        endrule;
        """;
    LoadResult original = frontEnd.load("tricky.m", text);
    assertFalse(original.hasErrors(), () -> original.diagnostics().toString());
    String formatted = frontEnd.formatText("tricky.m", text);
    assertNotNull(formatted);
    assertTrue(formatted.startsWith("-- a comment that is kept\n"), formatted);
    assertTrue(formatted.contains("0x1F") && formatted.contains("010"), formatted);
    assertTrue(formatted.contains("- -p") && formatted.contains("l - -1"), formatted);
    assertTrue(formatted.contains("\"x\\\"y\"") && formatted.contains("rule \"curly\""), formatted);
    assertTrue(formatted.contains("rule \"r\" v < K && j <= 3 ==> begin"), formatted);
    assertTrue(formatted.contains("v := (v + 1) * 2 - 1 % 3;"), formatted);
    assertTrue(formatted.contains("flag := !flag -> flag;"), formatted);
    assertTrue(formatted.contains("invariant \"named after\" v != 100;"), formatted);
    LoadResult reloaded = frontEnd.load("tricky.m", formatted);
    assertFalse(reloaded.hasErrors(), () -> formatted + "\n" + reloaded.diagnostics());
    assertEquals(IrPrinter.print(original.model()), IrPrinter.print(reloaded.model()), formatted);
    assertEquals(formatted, frontEnd.formatText("tricky.m", formatted));
  }

  @Test
  void multisetsUnionsAndTheRest() {
    String text =
        """
        type P: scalarset(2); H: enum {Home}; N: union {P, H}; V: 0 .. 3; B: multiset [3] of V;
        var owner: N; bag: B; n: V;
        procedure reset(var x: V); begin x := 0; return end;
        function pick(): V begin return 1 end;
        startstate begin undefine bag; owner := Home; reset(n) end;
        rule multisetcount(i: bag; true) < 3 ==> begin multisetadd(n, bag); n := (n + pick()) % 4 end;
        choose i: bag do rule bag[i] = 0 ==> begin MultisetRemove(i, bag) end endchoose;
        rule MultiSetCount(i: bag, bag[i] > 1) > 0 ==> begin MultiSetRemovePred(i: bag; bag[i] > 1) end;
        ruleset p: P do alias o: owner do
          rule "take" ismember(owner, H) & !isundefined(n) ==> begin o := p; assume "a" n >= 0; cover n = 1 end
        end end;
        rule begin while n > 0 do n := n - 1 end end;
        cover "n is 3" n = 3;
        liveness "live" n = 0;
        """;
    LoadResult original = frontEnd.load("ms.m", text);
    assertFalse(original.hasErrors(), () -> original.diagnostics().toString());
    String formatted = frontEnd.formatText("ms.m", text);
    assertNotNull(formatted);
    assertTrue(formatted.contains("MultisetRemovePred(i: bag, bag[i] > 1)"), formatted);
    LoadResult reloaded = frontEnd.load("ms.m", formatted);
    assertFalse(reloaded.hasErrors(), () -> formatted + "\n" + reloaded.diagnostics());
    assertEquals(IrPrinter.print(original.model()), IrPrinter.print(reloaded.model()), formatted);
    assertEquals(formatted, frontEnd.formatText("ms.m", formatted));
  }

  /** Round-trips every accepted file; returns how many were accepted. Fails listing every model that differs. */
  private static int roundTrip(String what, List<Path> files) {
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      LoadResult original = frontEnd.load(file);
      if (original.hasErrors() || original.model() == null) {
        continue;
      }
      checked++;
      String name = file.getFileName().toString();
      String problem = check(file, original);
      if (problem != null) {
        failures.add(name + ": " + problem);
      }
    }
    if (failures.isEmpty()) {
      System.out.printf("format round trip: %d models, all equal (%s)%n", checked, what);
    } else {
      System.out.printf("format round trip: %d models, %d differ (%s)%n", checked, failures.size(), what);
      failures.forEach(f -> System.out.println("  FAIL " + f));
    }
    assertTrue(failures.isEmpty(), failures.size() + " models do not round-trip:\n" + String.join("\n", failures));
    return checked;
  }

  private static String check(Path file, LoadResult original) {
    FormatResult result;
    try {
      result = frontEnd.format(file);
    } catch (RuntimeException e) {
      return "format threw " + e;
    }
    String formatted = result.formatted();
    if (formatted == null) {
      return "accepted, but not formatted";
    }
    // Same file name as the original load, so that source locations name the same file.
    LoadResult reloaded = frontEnd.load(original.file(), formatted);
    if (reloaded.hasErrors() || reloaded.model() == null) {
      return "formatted text is rejected: " + reloaded.diagnostics();
    }
    String irBefore = IrPrinter.print(original.model());
    String irAfter = IrPrinter.print(reloaded.model());
    if (!irBefore.equals(irAfter)) {
      return "IR differs after formatting:\n" + firstDifference(irBefore, irAfter);
    }
    List<String> before = sorted(CommentScanner.comments(original.source()));
    List<String> after = sorted(CommentScanner.comments(formatted));
    if (!before.equals(after)) {
      List<String> lost = new ArrayList<>(before);
      after.forEach(lost::remove);
      List<String> added = new ArrayList<>(after);
      before.forEach(added::remove);
      return "comments differ after formatting: lost " + lost + ", added " + added;
    }
    String again = frontEnd.formatText(original.file(), formatted);
    if (!formatted.equals(again)) {
      return "formatting is not idempotent:\n" + firstDifference(formatted, again);
    }
    return null;
  }

  private static List<String> sorted(List<String> comments) {
    return comments.stream().sorted().toList();
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String l = i < x.length ? x[i] : "<end>";
      String r = i < y.length ? y[i] : "<end>";
      if (!l.equals(r)) {
        return "  line " + (i + 1) + ":\n    - " + l + "\n    + " + r;
      }
    }
    return "  (no line differs)";
  }
}
