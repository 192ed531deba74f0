package io.ballot.examples.twophase;

/**
 * How one run goes: {@code resourceManagers} RMs, the TM's vote timeout and the retry period of every resend (in
 * ms), the faults, {@code unlogged} (each node leaves one of its variables out of its log: the TM its decision, an
 * RM its status), {@code singleLog} (every node writes to one shared log instead of one log per node), {@code
 * soakEvents} (0: stop once every RM knows the decision; otherwise keep the RMs asking for the decision, each
 * answer logged, until the logs hold that many lines: long logs for benchmarks) and {@code deadlineMillis} (a run
 * stops then whatever happened).
 */
public record RunSettings(int resourceManagers, int voteTimeoutMillis, int retryMillis, Faults faults,
    boolean unlogged, boolean singleLog, long soakEvents, int deadlineMillis) {

  public RunSettings {
    if (resourceManagers < 1 || voteTimeoutMillis < 1 || retryMillis < 1 || soakEvents < 0 || deadlineMillis < 1) {
      throw new IllegalArgumentException("at least one RM, positive times, soakEvents >= 0");
    }
  }

  /** Three RMs (as TwoPhase.m), a 30 ms vote timeout, resends every 3 ms, the default faults, per-node logs. */
  public static RunSettings defaults() {
    return new RunSettings(3, 30, 3, Faults.DEFAULT, false, false, 0, 5000);
  }

  public RunSettings withFaults(Faults f) {
    return new RunSettings(resourceManagers, voteTimeoutMillis, retryMillis, f, unlogged, singleLog, soakEvents,
        deadlineMillis);
  }

  public RunSettings withLogs(boolean single, boolean unloggedVariable) {
    return new RunSettings(resourceManagers, voteTimeoutMillis, retryMillis, faults, unloggedVariable, single,
        soakEvents, deadlineMillis);
  }

  public RunSettings withVoteTimeout(int millis) {
    return new RunSettings(resourceManagers, millis, retryMillis, faults, unlogged, singleLog, soakEvents,
        deadlineMillis);
  }

  public RunSettings withSoak(long events, int deadline) {
    return new RunSettings(resourceManagers, voteTimeoutMillis, retryMillis, faults, unlogged, singleLog, events,
        deadline);
  }
}
