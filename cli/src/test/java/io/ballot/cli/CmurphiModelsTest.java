package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Models of CMurphi constructs under {@code src/test/resources/cmurphi}, each checked with {@code ballot check} and
 * compared with what CMurphi 5.4.9 gives (written in the model's header, with how it was obtained). A header has
 * {@code -- ballot_flags: ...}, {@code -- expect: holds N} (N states) or {@code -- expect: violated TEXT} (TEXT in
 * the result line) and optionally {@code -- expect_exhaustive: holds N} (with {@code --symmetry-reduction
 * exhaustive}, against CMurphi's {@code -sym1}); a model with that line also runs with {@code heuristic}, which must
 * give the same verdict, and for a model that holds a count between the exhaustive and the unreduced one. Headers
 * are ASCII; a model may be Latin-1 elsewhere (CMurphi's own are), so it is read byte for byte.
 */
class CmurphiModelsTest {
  private static final Path ROOT = Path.of("src/test/resources/cmurphi");
  private static final Pattern STATES = Pattern.compile("(?m)^States: (\\d+) ");

  @TestFactory
  Stream<DynamicTest> modelsGiveCmurphisResults() throws IOException {
    List<Path> models;
    try (Stream<Path> s = Files.list(ROOT)) {
      models = s.filter(p -> p.toString().endsWith(".m")).sorted().toList();
    }
    assertTrue(!models.isEmpty(), "no models in " + ROOT);
    return models.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> check(m)));
  }

  private static void check(Path model) throws IOException {
    String text = new String(Files.readAllBytes(model), StandardCharsets.ISO_8859_1);
    List<String> flags = new ArrayList<>(Arrays.asList(header(text, "ballot_flags").split("\\s+")));
    String unreduced = header(text, "expect");
    long off = expect(model, flags, unreduced);
    String exhaustive = headerOrNull(text, "expect_exhaustive");
    if (exhaustive != null) {
      long reduced = expect(model, mode(flags, "exhaustive"), exhaustive);
      // heuristic: the verdict of the other two, and a count between theirs
      Cli r = run(model, mode(flags, "heuristic"));
      if (exhaustive.startsWith("holds ")) {
        assertEquals(0, r.exitCode(), () -> "heuristic\n" + r);
        long states = states(r);
        assertTrue(reduced <= states && states <= off, () -> reduced + " <= " + states + " <= " + off + "\n" + r);
      } else {
        expect(model, mode(flags, "heuristic"), exhaustive);
      }
    }
  }

  private static List<String> mode(List<String> flags, String mode) {
    List<String> sym = new ArrayList<>(flags);
    int i = sym.indexOf("--symmetry-reduction");
    assertTrue(i >= 0, "ballot_flags needs --symmetry-reduction");
    sym.set(i + 1, mode);
    return sym;
  }

  private static Cli run(Path model, List<String> flags) {
    List<String> args = new ArrayList<>(List.of("check", "--threads", "1"));
    args.addAll(flags);
    args.add(model.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  private static long states(Cli r) {
    Matcher m = STATES.matcher(r.out());
    assertTrue(m.find(), () -> r.toString());
    return Long.parseLong(m.group(1));
  }

  /** Checks one run against {@code expected}; its state count (-1 for a violation). */
  private static long expect(Path model, List<String> flags, String expected) {
    Cli r = run(model, flags);
    if (expected.startsWith("holds ")) {
      assertEquals(0, r.exitCode(), () -> flags + "\n" + r);
      long states = states(r);
      assertEquals(Long.parseLong(expected.substring(6).trim()), states, () -> flags + "\n" + r);
      return states;
    }
    assertTrue(expected.startsWith("violated "), "bad expectation " + expected);
    assertTrue(r.exitCode() >= 10 && r.exitCode() <= 19, () -> flags + "\n" + r);
    assertTrue(r.out().contains(expected.substring(9).trim()), () -> flags + "\n" + r);
    return -1;
  }

  private static String header(String text, String key) {
    String v = headerOrNull(text, key);
    assertTrue(v != null, "no '-- " + key + ":' line");
    return v;
  }

  private static String headerOrNull(String text, String key) {
    Matcher m = Pattern.compile("(?m)^-- " + key + ": (.+)$").matcher(text);
    return m.find() ? m.group(1).trim() : null;
  }
}
