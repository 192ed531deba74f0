package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.Symmetry;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.state.StateLayout;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Symmetry reduction on the conformance corpus. On every model the front end accepts whose states a reduction can
 * change (a named scalarset or a multiset), with the model's own Rumur flags: the verdict is the same under
 * {@code off}, {@code heuristic} and {@code exhaustive}, and when all properties hold the counts satisfy
 * exhaustive ≤ heuristic ≤ off. Where Rumur's {@code --symmetry-reduction exhaustive} finished with all properties
 * holding (golden file from {@code scripts/rumur-golden.py}), Ballot's exhaustive count is Rumur's.
 */
class SymmetryCorpusTest {

  /** Rumur's exhaustive counts of models on which every property holds. */
  private static Map<String, Long> rumurExhaustive() throws IOException {
    Map<String, Long> out = new HashMap<>();
    try (InputStream in = SymmetryCorpusTest.class.getResourceAsStream("/golden/rumur-counts.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length >= 8 && f[1].equals("exhaustive") && f[2].equals("holds")
            && f[5].equals("ok")) {
          out.put(f[0], Long.parseLong(f[3]));
        }
      }
    }
    return out;
  }

  @Test
  void reductionKeepsVerdictsOrdersCountsAndMatchesRumurExhaustive() throws IOException {
    CorpusModel.requireCorpus("symmetry corpus test");
    Map<String, Long> golden = rumurExhaustive();
    FrontEnd frontEnd = new FrontEnd();
    List<String> failures = new ArrayList<>();
    int reducible = 0;
    int matchedRumur = 0;
    for (CorpusModel m : CorpusModel.all()) {
      if (m.skipReason() != null || m.mustBeRejected()) {
        continue;
      }
      LoadResult load = frontEnd.load(m.path());
      if (load.hasErrors()
          || !io.ballot.checker.symmetry.SymmetryReduction.of(new StateLayout(load.model()), Symmetry.EXHAUSTIVE).reduces()) {
        continue;
      }
      reducible++;
      CheckOptions base = RumurStateCountTest.options(m.rumurFlags(), 1);
      Result off = Checker.check(load.model(), base.withSymmetry(Symmetry.OFF), ProgressListener.NONE, w -> {});
      Result heuristic =
          Checker.check(load.model(), base.withSymmetry(Symmetry.HEURISTIC), ProgressListener.NONE, w -> {});
      Result exhaustive =
          Checker.check(load.model(), base.withSymmetry(Symmetry.EXHAUSTIVE), ProgressListener.NONE, w -> {});
      String counts = m.name() + ": off " + off.states() + " " + off.verdict() + ", heuristic " + heuristic.states()
          + " " + heuristic.verdict() + ", exhaustive " + exhaustive.states() + " " + exhaustive.verdict();
      System.out.println("  " + counts);
      if (off.verdict() == Verdict.INCOMPLETE || heuristic.verdict() == Verdict.INCOMPLETE
          || exhaustive.verdict() == Verdict.INCOMPLETE) {
        failures.add(counts + ": did not finish");
        continue;
      }
      if (off.verdict() != heuristic.verdict() || off.verdict() != exhaustive.verdict()) {
        failures.add(counts + ": verdicts differ");
      } else if (off.verdict() == Verdict.HOLDS
          && !(exhaustive.states() <= heuristic.states() && heuristic.states() <= off.states())) {
        failures.add(counts + ": counts out of order");
      }
      Long rumur = golden.get(m.name());
      if (rumur != null) {
        matchedRumur++;
        if (exhaustive.states() != rumur) {
          failures.add(counts + ": Rumur's exhaustive count is " + rumur);
        }
      }
    }
    System.out.printf("symmetry on the corpus: %d reducible models, %d exhaustive counts compared with Rumur%n",
        reducible, matchedRumur);
    assertTrue(reducible >= 5, "expected several corpus models with scalarsets, found " + reducible);
    assertTrue(matchedRumur >= 2, "expected Rumur exhaustive counts to compare with, found " + matchedRumur);
    assertEquals(List.of(), failures);
  }
}
