package io.ballot.dsl.msgpass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Injector;
import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.ir.Binder;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Quantifier;
import io.ballot.checker.ir.Rule;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.result.Result;
import io.ballot.dsl.MurphiStandaloneSetup;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.ast.NetworkQuery;
import io.ballot.dsl.corpus.CorpusModel;
import io.ballot.dsl.services.MurphiGrammarAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No word of Ballot's extensions breaks a plain Murphi model: a model whose declared names (a variable, a type, a
 * constant, a ruleset quantifier, a record field, an enum value, a function) are renamed to an extension word, in
 * any casing, parses, validates and lowers to the same IR shape, and explores the same states. The words are every
 * contextual keyword of the grammar's {@code Ident} rule plus the query names ({@link NetworkQuery}), so a new
 * extension word is tested as soon as it is added.
 */
class ExtensionWordsTest {
  private static FrontEnd frontEnd;
  private static List<String> words;

  @BeforeAll
  static void setUp() {
    frontEnd = new FrontEnd();
    Injector injector = new MurphiStandaloneSetup().createInjectorAndDoEMFRegistration();
    MurphiGrammarAccess grammar = injector.getInstance(MurphiGrammarAccess.class);
    TreeSet<String> all = new TreeSet<>();
    for (Keyword k : GrammarUtil.containedKeywords(grammar.getIdentRule())) {
      all.add(k.getValue().toLowerCase(Locale.ROOT));
    }
    for (NetworkQuery.Kind k : NetworkQuery.Kind.values()) {
      all.add(k.spelling());
    }
    words = List.copyOf(all);
  }

  /** The casings tried: lower case, one inner capital (inFlight-like), upper case. */
  private static String casing(String word, int which) {
    return switch (which % 3) {
      case 0 -> word;
      case 1 -> word.length() < 3 ? word.toUpperCase(Locale.ROOT)
          : word.substring(0, 2) + Character.toUpperCase(word.charAt(2)) + word.substring(3);
      default -> word.toUpperCase(Locale.ROOT);
    };
  }

  /** Declared names of a lowered model, by kind (the first of each kind that the model has). */
  static Map<String, String> declaredNames(Model m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.variables().stream().findFirst().ifPresent(v -> out.put("variable", v.name()));
    m.types().stream().findFirst().ifPresent(t -> out.put("type", t.name()));
    m.constants().stream().findFirst().ifPresent(c -> out.put("constant", c.name()));
    m.functions().stream().findFirst().ifPresent(f -> out.put("function", f.name()));
    for (Rule r : m.rules()) {
      for (Binder b : r.binders()) {
        if (b instanceof Quantifier q && !out.containsKey("quantifier")) {
          out.put("quantifier", q.variable().name());
        }
      }
    }
    for (Variable v : m.variables()) {
      fieldsAndEnums(v.type(), out);
    }
    return out;
  }

  private static void fieldsAndEnums(Type t, Map<String, String> out) {
    if (t instanceof Type.RecordType r) {
      if (!r.fields().isEmpty()) {
        out.putIfAbsent("record field", r.fields().get(0).name());
      }
      r.fields().forEach(f -> fieldsAndEnums(f.type(), out));
    } else if (t instanceof Type.ArrayType a) {
      fieldsAndEnums(a.element(), out);
    } else if (t instanceof Type.EnumType e && !e.members().isEmpty()) {
      out.putIfAbsent("enum value", e.members().get(0));
    }
  }

  private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*");

  private static final Pattern COMMENT_OR_STRING = Pattern.compile("--[^\\n]*|/\\*(?s:.*?)\\*/|\"[^\"]*\"");

  /**
   * {@code text} with every token {@code from} renamed {@code to} (in comments and strings too); null when
   * {@code to} is already a word of the code (in any case) or {@code from} is not.
   */
  static String rename(String text, String from, String to) {
    Matcher code = NAME.matcher(COMMENT_OR_STRING.matcher(text).replaceAll(" "));
    boolean found = false;
    while (code.find()) {
      if (code.group().equalsIgnoreCase(to)) {
        return null;
      }
      found |= code.group().equals(from);
    }
    if (!found) {
      return null;
    }
    Matcher m = NAME.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String token = m.group();
      if (token.equals(from)) {
        found = true;
        m.appendReplacement(out, Matcher.quoteReplacement(to));
      }
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The shape of a lowered model: what renaming a name must not change. */
  static String shape(Model m) {
    StringBuilder s = new StringBuilder();
    s.append("variables ").append(m.variables().size()).append(", state bits ").append(m.stateBits())
        .append(", types ").append(m.types().size()).append(", constants ").append(m.constants().size())
        .append(", functions ").append(m.functions().size()).append(", start states ").append(m.startStates().size())
        .append(", rules ").append(m.rules().size()).append(", properties ").append(m.properties().size());
    for (Rule r : m.rules()) {
      s.append(", ").append(r.binders().size()).append(r.guard() == null ? "" : "g").append(r.body().size());
    }
    return s.toString();
  }

  @Test
  void corpusModelsKeepTheirMeaningWithAnExtensionWordAsAName() throws IOException {
    if (CorpusModel.corpusDir() == null) {
      if (System.getenv("CI") != null) {
        fail("the corpus (../shared/corpus/rumur) is absent on CI: it must be present for this test");
      }
      assumeTrue(false, "../shared/corpus/rumur is absent: extension words over the corpus skipped");
    }
    List<String> failures = new ArrayList<>();
    Map<String, Integer> tried = new LinkedHashMap<>();
    int next = 0;
    for (CorpusModel c : CorpusModel.all()) {
      if (c.header().containsKey("rumur_exit_code") || c.header().containsKey("skip_reason")) {
        continue;
      }
      String text = Files.readString(c.path(), StandardCharsets.ISO_8859_1);
      LoadResult original = frontEnd.load(c.path().getFileName().toString(), text);
      if (original.hasErrors()) {
        continue;
      }
      Map<String, String> names = declaredNames(original.model());
      if (names.isEmpty()) {
        continue;
      }
      List<String> kinds = List.copyOf(names.keySet());
      // every model: two words, rotating over words, casings and kinds of declaration
      for (int k = 0; k < 2; k++, next++) {
        String word = casing(words.get(next % words.size()), next / words.size());
        String kind = kinds.get(next % kinds.size());
        String renamed = rename(text, names.get(kind), word);
        if (renamed == null) {
          continue;
        }
        tried.merge(word, 1, Integer::sum);
        String what = c.path().getFileName() + " with " + kind + " '" + names.get(kind) + "' renamed '" + word + "'";
        LoadResult r = frontEnd.load(c.path().getFileName().toString(), renamed);
        if (r.hasErrors()) {
          failures.add(what + ": " + r.diagnostics().get(0));
        } else if (!shape(r.model()).equals(shape(original.model()))) {
          failures.add(what + ": the lowered model changed shape");
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " renamed models break:\n" + String.join("\n", failures));
    for (String w : words) {
      for (int casing = 0; casing < 3; casing++) {
        assertTrue(tried.containsKey(casing(w, casing)), "never tried '" + casing(w, casing) + "': " + tried.keySet());
      }
    }
  }

  private static Result check(Model m) {
    CheckOptions options = new CheckOptions(1, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0)
        .withSymmetry(CheckOptions.Symmetry.OFF);
    return Checker.check(m, options, ProgressListener.NONE, w -> {});
  }

  @Test
  void libraryModelsExploreTheSameStatesWithEveryExtensionWordAsAName() throws IOException {
    Path root = Path.of("../protocols/models");
    for (String file : List.of("two-phase/TwoPhase.m", "tcommit/TCommit.m")) {
      String text = Files.readString(root.resolve(file));
      LoadResult original = frontEnd.load(file, text);
      assertFalse(original.hasErrors(), () -> file + ": " + original.diagnostics());
      Result expected = check(original.model());
      assertTrue(expected.states() > 10, file + ": a trivial state space");
      Map<String, String> names = declaredNames(original.model());
      List<String> kinds = List.copyOf(names.keySet());
      int n = 0;
      for (String w : words) {
        for (int casing = 0; casing < 3; casing++, n++) {
          String word = casing(w, casing);
          String kind = kinds.get(n % kinds.size());
          String renamed = rename(text, names.get(kind), word);
          assertTrue(renamed != null, () -> file + ": cannot rename " + kind + " to " + word);
          LoadResult r = frontEnd.load(file, renamed);
          String what = file + " with " + kind + " '" + names.get(kind) + "' renamed '" + word + "'";
          assertFalse(r.hasErrors(), () -> what + ": " + r.diagnostics());
          assertEquals(shape(original.model()), shape(r.model()), what);
          Result got = check(r.model());
          assertEquals(expected.states(), got.states(), what + ": states");
          assertEquals(expected.rulesFired(), got.rulesFired(), what + ": rules fired");
        }
      }
    }
  }
}
