package io.ballot.examples.twophase;

/**
 * The faults a run injects, all drawn from random generators seeded by the run's seed: message loss (each message
 * independently), delay (each message waits up to {@code maxDelayMicros}, so messages overtake each other), crash
 * and restart of any node, transaction manager or resource manager (after a handled message, with {@code crash}), a resource manager's unilateral
 * abort before it votes ({@code rmAbort}, including a "no" vote), and the transaction manager's spontaneous abort
 * ({@code tmAbort}). {@code bug} plants the bug of TwoPhase-bug-commit-on-timeout.m: the TM commits on a timeout.
 */
public record Faults(double loss, int maxDelayMicros, double crash, double rmAbort, double tmAbort, boolean bug) {

  public Faults {
    if (loss < 0 || loss >= 1 || crash < 0 || crash > 1 || rmAbort < 0 || rmAbort > 1 || tmAbort < 0 || tmAbort > 1
        || maxDelayMicros < 0) {
      throw new IllegalArgumentException("probabilities from 0 to 1 (loss below 1) and a delay of 0 or more");
    }
  }

  /** The faults of the tests and the tutorial: 10% loss, up to 2 ms delay, 5% crashes, occasional aborts. */
  public static final Faults DEFAULT = new Faults(0.1, 2000, 0.05, 0.1, 0.05, false);

  /** No faults at all. */
  public static final Faults NONE = new Faults(0, 0, 0, 0, 0, false);

  /** These faults with the bug planted (or not). */
  public Faults withBug(boolean b) {
    return new Faults(loss, maxDelayMicros, crash, rmAbort, tmAbort, b);
  }
}
