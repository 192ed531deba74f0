package io.ballot.dsl.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The front end's conformance over Rumur's test models: every model whose header says Rumur rejects it is rejected
 * with a located diagnostic; every other model that is not skipped validates and lowers. Known exceptions are listed
 * (with reasons) in {@code conformance-exceptions.txt} and in docs/conformance.md.
 */
class CorpusConformanceTest {

  @Test
  void frontEndAgreesWithRumurOnEveryCorpusModel() throws IOException {
    CorpusModel.requireCorpus("conformance test");
    Map<String, String> exceptions = exceptions();
    FrontEnd frontEnd = new FrontEnd();
    int accepted = 0;
    int rejected = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    List<String> excused = new ArrayList<>();
    for (CorpusModel m : CorpusModel.all()) {
      if (m.skipReason() != null) {
        skipped++;
        continue;
      }
      LoadResult r = frontEnd.load(m.path());
      String problem = null;
      if (m.mustBeRejected()) {
        if (!r.hasErrors()) {
          problem = "accepted, but Rumur rejects it";
        } else if (r.diagnostics().stream().noneMatch(Diagnostic::hasPosition)) {
          problem = "rejected without a located diagnostic";
        } else {
          rejected++;
        }
      } else if (r.hasErrors()) {
        problem = "rejected: " + r.diagnostics().get(0).headline();
      } else {
        accepted++;
      }
      if (problem != null) {
        if (exceptions.containsKey(m.name())) {
          excused.add(m.name());
        } else {
          failures.add(m.name() + ": " + problem);
        }
      }
    }
    System.out.printf(
        "corpus conformance (front end): %d accepted, %d rejected as expected, %d known exceptions, %d failures,"
            + " %d skipped%n",
        accepted, rejected, excused.size(), failures.size(), skipped);
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(failures.isEmpty(), failures.size() + " corpus models disagree with Rumur:\n" + String.join("\n", failures));
    List<String> stale = new ArrayList<>(exceptions.keySet());
    stale.removeAll(excused);
    assertEquals(List.of(), stale, "listed as exceptions but now conform: remove them from conformance-exceptions.txt");
  }

  /** The known exceptions, from {@code conformance-exceptions.txt}. */
  static Map<String, String> exceptions() throws IOException {
    return CorpusModel.exceptions(CorpusConformanceTest.class, "/conformance-exceptions.txt");
  }
}
