package io.ballot.checker.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.ir.Expr;
import io.ballot.checker.result.Result;
import io.ballot.checker.ts.ForwardingTransitionSystem;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.TransitionSystem;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Progress within a level comes from the thread that runs the check, while the workers work (so a worker that is
 * busy for long, here one blocked in a guard, does not silence it), and a listener that throws there cancels the
 * run at once rather than at the end of the level.
 */
class ProgressDuringLevelTest {

  /** A counter 0..3 that steps up by one: four states, one per level. */
  private static TransitionSystem counter() {
    Ir ir = new Ir();
    Expr.VarRef x = ir.var("x", Ir.range(0, 3));
    ir.start(ir.assign(ir.ref(x), ir.num(0)));
    ir.rule("up", ir.lt(ir.ref(x), ir.num(3)), ir.assign(ir.ref(x), ir.add(ir.ref(x), ir.num(1))));
    return Checker.transitions(ir.model(), CheckOptions.Engine.COMPILED).system();
  }

  /** How long the blocked guard waits for its release at most. */
  private static final long BLOCK_SECONDS = 10;

  /**
   * {@code ts} whose first guard evaluation waits until {@code release} opens (at most {@link #BLOCK_SECONDS});
   * {@code released[0]} says whether it was released rather than timed out.
   */
  private static TransitionSystem blockingFirstGuard(TransitionSystem ts, CountDownLatch release, boolean[] released) {
    return new ForwardingTransitionSystem(ts) {
      private final CountDownLatch first = new CountDownLatch(1);

      @Override
      public boolean guard(int i, long[] state) throws ModelError {
        if (first.getCount() > 0) {
          first.countDown();
          try {
            released[0] = release.await(BLOCK_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return ts.guard(i, state);
      }
    };
  }

  private static CheckOptions options(int threads) {
    return new CheckOptions(threads, 0, CheckOptions.DeadlockMode.OFF, 0, 1, 0);
  }

  @Test
  void aLevelThatTakesLongIsReportedByTheCheckingThreadWhileItsWorkerIsBusy() {
    for (int threads = 1; threads <= 2; threads++) {
      CountDownLatch release = new CountDownLatch(1);
      boolean[] released = {false};
      Thread checking = Thread.currentThread();
      boolean[] fromChecker = {true};
      ProgressListener listener = (states, fired, depth, queued, seconds, bytes) -> {
        fromChecker[0] &= Thread.currentThread() == checking;
        if (depth < 0) {
          release.countDown(); // the worker is still blocked, so this report came while the level ran
        }
      };
      Result r = new BfsExplorer(blockingFirstGuard(counter(), release, released), options(threads), listener).run();
      assertTrue(released[0], "a report came while the level's only worker was blocked, and released it");
      assertTrue(fromChecker[0], "every report comes from the thread that runs the check");
      assertEquals(4, r.states());
    }
  }

  @Test
  void aListenerThatThrowsWithinALevelCancelsTheRunWithoutWaitingForTheLevel() {
    CountDownLatch release = new CountDownLatch(1);
    boolean[] released = {false};
    ProgressListener cancelling = (states, fired, depth, queued, seconds, bytes) -> {
      if (depth < 0) {
        throw new CancellationException("cancelled");
      }
    };
    try {
      TransitionSystem ts = blockingFirstGuard(counter(), release, released); // javac: seconds under load, untimed
      long start = System.nanoTime();
      assertThrows(CancellationException.class, () -> new BfsExplorer(ts, options(2), cancelling).run());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(seconds < BLOCK_SECONDS / 2.0, "cancelled after " + seconds + " s, while the worker was blocked");
    } finally {
      release.countDown();
    }
  }
}
