package io.ballot.dsl.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.CheckOptions.Engine;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.compile.InterpretFirst;
import io.ballot.checker.compile.ModelCompiler;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiled engine against the interpreter on every corpus model the front end accepts: one thread, a few
 * seconds each (models that do not finish in time on either engine are skipped), and the results must be the same:
 * verdict, states, rules fired, depth, every violation (kind, property, location, message and trace) and cover
 * counts and rule counts. A model the compiler cannot compile (a fallback to the interpreter) is a failure too.
 * The compiled engine runs compiled from the start ({@code compileAfter} 0), and then as interpret-first does, with
 * the switch from the interpreter to the compiled code forced after 1, 10 and 100 states (mid-level, mid-batch):
 * the results must not change either.
 */
class CompiledVsInterpretedTest {
  private static final double TIME_LIMIT = 5;
  private static final int[] SWITCH_AT = {1, 10, 100};

  @Test
  void compiledCodeAgreesWithTheInterpreterOnTheCorpus() throws IOException {
    CorpusModel.requireCorpus("compiled vs interpreted over the corpus");
    FrontEnd frontEnd = new FrontEnd();
    CheckOptions options = new CheckOptions(1, 0, DeadlockMode.STUTTERING, 0, 1, TIME_LIMIT);
    int compared = 0;
    int skipped = 0;
    int switched = 0;
    long states = 0;
    double interpreted = 0;
    double compiled = 0;
    List<String> failures = new ArrayList<>();
    for (CorpusModel m : CorpusModel.all()) {
      LoadResult load = frontEnd.load(m.path());
      if (load.hasErrors()) {
        continue;
      }
      Result a = Checker.check(load.model(), options.withEngine(Engine.INTERPRETED), ProgressListener.NONE);
      List<String> warnings = new ArrayList<>();
      Result b = Checker.check(load.model(), options.withEngine(Engine.COMPILED).withCompileAfter(0),
          ProgressListener.NONE, warnings::add);
      if (!warnings.isEmpty()) {
        failures.add(m.name() + ": not compiled: " + warnings);
        continue;
      }
      if (a.verdict() == Verdict.INCOMPLETE || b.verdict() == Verdict.INCOMPLETE) {
        skipped++;
        continue;
      }
      String sa = ResultSummary.of(a);
      String sb = ResultSummary.of(b);
      if (!sa.equals(sb)) {
        failures.add(m.name() + ":\n  interpreted: " + sa + "\n  compiled:    " + sb);
      }
      ModelCompiler.Outcome code = ModelCompiler.compile(load.model());
      for (int at : SWITCH_AT) {
        InterpretFirst engines = InterpretFirst.switchingAt(load.model(), code, at);
        Result c = MessageTraces.annotate(
            new BfsExplorer(engines, options, ProgressListener.NONE).run(), load.model().networks());
        String sc = ResultSummary.of(c);
        if (c.verdict() != Verdict.INCOMPLETE && !sa.equals(sc)) {
          failures.add(m.name() + ":\n  interpreted:          " + sa + "\n  switched at " + at + ": " + sc);
        }
        if (a.states() > at + 1 && c.verdict() != Verdict.INCOMPLETE && !engines.switched()) {
          failures.add(m.name() + ": " + a.states() + " states, but no switch at state " + at);
        }
        switched += engines.switched() ? 1 : 0;
      }
      compared++;
      states += a.states();
      interpreted += a.seconds();
      compiled += b.seconds();
    }
    System.out.printf(
        "compiled vs interpreted: %d corpus models compared (%d states), %d skipped (over %.0f s), %d failures;"
            + " exploration %.2f s interpreted, %.2f s compiled; %d searches switched engines mid-search%n",
        compared, states, skipped, TIME_LIMIT, failures.size(), interpreted, compiled, switched);
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(failures.isEmpty(), failures.size() + " models differ:\n" + String.join("\n", failures));
    assertTrue(compared > 0, "no corpus model compared");
  }
}
