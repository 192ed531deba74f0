package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Robustness of {@code ballot validate} against broken input: models from the corpus (and the project's own
 * validation files) are mutated at the token level (a token deleted, duplicated, swapped with its neighbour, or the
 * text truncated). Whatever comes out, validate must not crash: it exits 0 or 3, and every diagnostic it prints
 * points inside the file.
 */
class ValidateMutationPropertyTest {
  private static final Pattern TOKEN =
      Pattern.compile("--[^\\n]*|/\\*(?s:.*?)\\*/|\"[^\"\\n]*\"|\\w+|:=|\\.\\.|==>|==|<=|>=|!=|->|<<|>>|&&|\\|\\||\\S");
  private static final Pattern HEADLINE = Pattern.compile("^(.*?):(\\d+):(\\d+): (error|warning): .*$");

  private static List<String> sources;
  private static ModelLoader loader;
  private static Path dir;

  @BeforeContainer
  static void loadModels() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String d : new String[] {"../../shared/corpus/rumur", "../dsl/src/test/resources/validation/positive",
        "../dsl/src/test/resources/validation/negative"}) {
      Path p = Path.of(d);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> f.toString().endsWith(".m")).sorted().forEach(files::add);
        }
      }
    }
    sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    }
    loader = ModelLoader.frontEnd();
    dir = Files.createTempDirectory("ballot-mutants");
  }

  /** One mutation: which model, what to do, where. */
  record Mutation(int model, int kind, double where) {}

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            Arbitraries.integers().between(0, 3),
            Arbitraries.doubles().between(0, 1))
        .as(Mutation::new);
  }

  @Property(tries = 400)
  void validateNeverCrashesAndLocatesEveryDiagnostic(@ForAll("mutations") Mutation m) throws IOException {
    String source = sources.get(m.model() % sources.size());
    String mutant = mutate(source, m);
    Path file = dir.resolve("mutant.m");
    Files.writeString(file, mutant, StandardCharsets.UTF_8);
    Cli r = Cli.run(() -> loader, "validate", file.toString());
    assertTrue(r.exitCode() == 0 || r.exitCode() == 3, () -> "exit " + r.exitCode() + "\n" + r.err() + "\n---\n" + mutant);
    String[] lines = mutant.split("\n", -1);
    for (String line : r.err().split("\n")) {
      Matcher h = HEADLINE.matcher(line);
      if (!h.matches() || !h.group(1).equals(file.toString())) {
        continue;
      }
      int l = Integer.parseInt(h.group(2));
      int c = Integer.parseInt(h.group(3));
      assertTrue(l >= 1 && l <= lines.length, () -> "line out of the file: " + line + "\n---\n" + mutant);
      assertTrue(
          c >= 1 && c <= lines[l - 1].length() + 1, () -> "column out of the line: " + line + "\n---\n" + mutant);
    }
    if (r.exitCode() == 3 && !mutant.isBlank()) {
      assertTrue(HEADLINE.matcher(r.err().lines().findFirst().orElse("")).matches(),
          () -> "a rejection without file:line:col: " + r.err());
    }
  }

  static String mutate(String source, Mutation m) {
    List<int[]> tokens = new ArrayList<>();
    Matcher t = TOKEN.matcher(source);
    while (t.find()) {
      tokens.add(new int[] {t.start(), t.end()});
    }
    if (tokens.isEmpty()) {
      return source;
    }
    int i = Math.min(tokens.size() - 1, (int) (m.where() * tokens.size()));
    int[] tok = tokens.get(i);
    String text = source.substring(tok[0], tok[1]);
    return switch (m.kind()) {
      case 0 -> source.substring(0, tok[0]) + source.substring(tok[1]); // delete
      case 1 -> source.substring(0, tok[1]) + " " + text + source.substring(tok[1]); // duplicate
      case 2 -> {
        if (i + 1 >= tokens.size()) {
          yield source;
        }
        int[] next = tokens.get(i + 1);
        yield source.substring(0, tok[0]) + source.substring(next[0], next[1]) + source.substring(tok[1], next[0])
            + text + source.substring(next[1]); // swap with the next token
      }
      default -> source.substring(0, tok[0]); // truncate
    };
  }
}
