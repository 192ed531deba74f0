package io.ballot.examples.twophase;

/**
 * The timestamps of a run's log lines: microseconds since the run started, from one monotonic source shared by
 * every node, so a message is always received at a later time than the line logged before sending it. (Nodes on
 * different machines would log Lamport clocks instead.)
 */
final class Clock {
  private final long start = System.nanoTime();

  long now() {
    return (System.nanoTime() - start) / 1000;
  }
}
