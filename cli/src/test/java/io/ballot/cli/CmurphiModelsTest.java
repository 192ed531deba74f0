package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * exhaustive}, against CMurphi's {@code -sym1}).
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
    String text = Files.readString(model);
    List<String> flags = new ArrayList<>(Arrays.asList(header(text, "ballot_flags").split("\\s+")));
    expect(model, flags, header(text, "expect"));
    String exhaustive = headerOrNull(text, "expect_exhaustive");
    if (exhaustive != null) {
      List<String> sym = new ArrayList<>(flags);
      int i = sym.indexOf("--symmetry-reduction");
      sym.set(i + 1, "exhaustive");
      expect(model, sym, exhaustive);
    }
  }

  private static void expect(Path model, List<String> flags, String expected) {
    List<String> args = new ArrayList<>(List.of("check", "--threads", "1"));
    args.addAll(flags);
    args.add(model.toString());
    Cli r = Cli.run(args.toArray(String[]::new));
    if (expected.startsWith("holds ")) {
      assertEquals(0, r.exitCode(), () -> flags + "\n" + r);
      Matcher m = STATES.matcher(r.out());
      assertTrue(m.find(), () -> r.toString());
      assertEquals(Long.parseLong(expected.substring(6).trim()), Long.parseLong(m.group(1)), () -> flags + "\n" + r);
    } else {
      assertTrue(expected.startsWith("violated "), "bad expectation " + expected);
      assertTrue(r.exitCode() >= 10 && r.exitCode() <= 19, () -> r.toString());
      assertTrue(r.out().contains(expected.substring(9).trim()), () -> r.toString());
    }
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
