package io.ballot.dsl.format;

import io.ballot.checker.ir.IrPrinter;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Comments anywhere: a protocol-library, validation or corpus model (when the corpus is present) with line and block
 * comments inserted at random places between tokens still formats to a model that lowers to the same IR, holds the
 * same comments and formats to itself. Corpus models the front end rejects are skipped.
 */
class FormatCommentPlacementPropertyTest {

  private final FrontEnd frontEnd = new FrontEnd();

  /** A model's text with comments inserted at random token boundaries (chosen by {@code seed}). */
  record Commented(String name, String text) {
    @Override
    public String toString() {
      return name + ":\n" + text;
    }
  }

  @Provide
  Arbitrary<Commented> commentedModels() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("../protocols/models", "src/test/resources/validation/positive")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".m")).sorted().forEach(files::add);
      }
    }
    Path corpus = io.ballot.dsl.corpus.CorpusModel.corpusDir();
    if (corpus != null) {
      try (Stream<Path> s = Files.list(corpus)) {
        s.filter(p -> p.toString().endsWith(".m")).sorted().forEach(files::add);
      }
    }
    return Combinators.combine(Arbitraries.of(files), Arbitraries.longs(), Arbitraries.integers().between(1, 12))
        .as((file, seed, count) -> {
          try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1); // the corpus has Latin-1 files
            return new Commented(file.getFileName().toString(), insertComments(text, new Random(seed), count));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Property(tries = 100, maxDiscardRatio = 10)
  void commentsAnywhereSurviveFormatting(@ForAll("commentedModels") Commented model) {
    LoadResult original = frontEnd.load(model.name(), model.text());
    Assume.that(!original.hasErrors()); // a corpus model that is rejected anyway
    String formatted = frontEnd.formatText(model.name(), model.text());
    LoadResult reloaded = frontEnd.load(model.name(), formatted);
    if (reloaded.hasErrors()) {
      throw new AssertionError("formatted text rejected: " + reloaded.diagnostics() + "\n" + formatted);
    }
    if (!IrPrinter.print(original.model()).equals(IrPrinter.print(reloaded.model()))) {
      throw new AssertionError("IR differs after formatting:\n" + formatted);
    }
    List<String> before = CommentScanner.comments(model.text()).stream().sorted().toList();
    List<String> after = CommentScanner.comments(formatted).stream().sorted().toList();
    if (!before.equals(after)) {
      throw new AssertionError("comments differ: " + before + "\nvs " + after + "\n" + formatted);
    }
    String again = frontEnd.formatText(model.name(), formatted);
    if (!formatted.equals(again)) {
      throw new AssertionError("not idempotent:\n" + formatted + "\n---- again:\n" + again);
    }
  }

  /** Inserts {@code count} comments, each at a blank outside strings and comments, i.e. between two tokens. */
  static String insertComments(String text, Random random, int count) {
    List<Integer> blanks = codeBlanks(text);
    if (blanks.isEmpty()) {
      return text;
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chosen.add(blanks.get(random.nextInt(blanks.size())));
    }
    chosen.sort(null);
    StringBuilder out = new StringBuilder(text);
    for (int i = chosen.size() - 1; i >= 0; i--) {
      int at = chosen.get(i);
      String comment = random.nextBoolean() ? " -- c" + i + "\n" : " /* c" + i + " */ ";
      out.insert(at, comment);
    }
    return out.toString();
  }

  /** Offsets of the blanks of {@code text} that are not inside a string or a comment. */
  private static List<Integer> codeBlanks(String text) {
    List<Integer> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' || c == '“') {
        i++;
        while (i < n && text.charAt(i) != '"' && text.charAt(i) != '”') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (text.startsWith("--", i)) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else {
        if (c == ' ' || c == '\n') {
          out.add(i);
        }
        i++;
      }
    }
    return out;
  }
}
