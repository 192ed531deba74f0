package io.ballot.dsl.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.CheckOptions.Engine;
import io.ballot.checker.CheckOptions.Symmetry;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.SoundnessFailure;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ForwardingTransitionSystem;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import org.junit.jupiter.api.Test;

/**
 * A violation is printed only when the model's concrete semantics confirm it: every step of its trace replayed from
 * the start state, and the property false (or the rule erring) in the trace's last concrete state. Here the search
 * is given a transition system that misbehaves during the search and not afterwards (as a wrong reduction would):
 * the run ends in a {@link SoundnessFailure} naming the step and the options, never in a counterexample.
 */
class ViolationConfirmationTest {
  private static final String MODEL = """
      var x: 0 .. 5;
      startstate begin x := 0; end;
      rule "inc" x < 5 ==> begin x := x + 1; end;
      invariant "small" x < 5;
      """;

  private static TransitionSystem load() {
    LoadResult load = new FrontEnd().load("m.m", MODEL);
    assertTrue(!load.hasErrors(), load.diagnostics().toString());
    return new Interpreter(load.model());
  }

  private static Result run(TransitionSystem ts) {
    CheckOptions o = new CheckOptions(1, 0, DeadlockMode.OFF, 0, 1, 30).withEngine(Engine.INTERPRETED)
        .withSymmetry(Symmetry.OFF);
    return new BfsExplorer(ts, o, ProgressListener.NONE).run();
  }

  @Test
  void aRealViolationIsConfirmedAndPrinted() {
    Result r = run(load());
    assertEquals(Verdict.VIOLATED, r.verdict());
    assertEquals(6, r.violations().get(0).trace().size());
  }

  @Test
  void anInvariantThatHoldsInTheConcreteLastStateIsASoundnessFailure() {
    TransitionSystem real = load();
    // the search sees "small" fail at x = 2; the concrete state x = 2 satisfies it
    TransitionSystem ts = new Wrapped(real) {
      @Override
      public boolean holds(int i, long[] state) throws ModelError {
        if (searching && real.render(state).get(0).value().equals("2")) {
          searching = false;
          return false;
        }
        return real.holds(i, state);
      }
    };
    SoundnessFailure f = assertThrows(SoundnessFailure.class, () -> run(ts));
    assertTrue(f.getMessage().contains("invariant \"small\" failed"), f.getMessage());
    assertTrue(f.getMessage().contains("--symmetry-reduction off"), f.getMessage());
  }

  @Test
  void aTraceThatDoesNotReplayIsASoundnessFailure() {
    TransitionSystem real = load();
    // after the search, "inc" adds 2: the stored x = 1 is not the concrete successor of x = 0 any more
    TransitionSystem ts = new Wrapped(real) {
      @Override
      public boolean holds(int i, long[] state) throws ModelError {
        boolean h = real.holds(i, state);
        searching &= h;
        return h;
      }

      @Override
      public boolean fire(int i, long[] state, long[] next, Effects fx) throws ModelError {
        boolean fired = real.fire(i, state, next, fx);
        if (!searching && fired) {
          long[] again = next.clone();
          real.fire(i, again, next, fx);
        }
        return fired;
      }
    };
    SoundnessFailure f = assertThrows(SoundnessFailure.class, () -> run(ts));
    assertTrue(f.getMessage().contains("step 1: inc"), f.getMessage());
  }

  /** Forwards to a real transition system; {@code searching} until a subclass decides the search is over. */
  private abstract static class Wrapped extends ForwardingTransitionSystem {
    boolean searching = true;

    Wrapped(TransitionSystem real) {
      super(real);
    }
  }
}
