package io.ballot.examples.twophase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator: asks every resource manager to vote (and asks again while votes are missing), commits when all
 * voted yes, aborts on a "no", on a timeout, or spontaneously (a client's abort). After deciding it answers every
 * vote and status query with its decision. Log events: {@code vote.yes.received} (participant), {@code
 * tx.committed}, {@code tx.aborted}; state: {@code decision} and {@code votes[rmK]}. The votes and the decision are
 * written to its state file before they are acted on, so that it may crash after a handled message (losing its
 * connections, its queued messages and its memory) and restart from the file, logging a {@code recovered} line.
 */
final class TransactionManager implements Runnable {
  /** The TM's decision. */
  enum Decision { UNDECIDED, COMMIT, ABORT }

  private final Transport net;
  private final JsonLog log;
  private final Clock clock;
  private final RunSettings settings;
  private final Random random;
  private final Path stateFile;
  private final boolean[] votes;
  private Decision decision = Decision.UNDECIDED;
  private volatile boolean stopped;

  TransactionManager(Transport net, JsonLog log, Clock clock, RunSettings settings, Path stateFile, long seed) {
    this.net = net;
    this.stateFile = stateFile;
    this.log = log;
    this.clock = clock;
    this.settings = settings;
    this.random = new Random(seed);
    this.votes = new boolean[settings.resourceManagers() + 1];
  }

  boolean decided() {
    synchronized (this) {
      return decision != Decision.UNDECIDED;
    }
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    long started = System.nanoTime();
    long timeout = started + TimeUnit.MILLISECONDS.toNanos(settings.voteTimeoutMillis());
    long spontaneous = random.nextDouble() < settings.faults().tmAbort()
        ? started + (long) (random.nextDouble() * (timeout - started)) : Long.MAX_VALUE;
    long nextPrepare = 0;
    try {
      while (!stopped) {
        long now = System.nanoTime();
        if (undecided()) {
          if (now >= nextPrepare) {
            for (int rm = 1; rm < votes.length; rm++) {
              if (!votes[rm]) {
                net.send(rm, new Message(Message.Kind.PREPARE, 0));
              }
            }
            nextPrepare = now + TimeUnit.MILLISECONDS.toNanos(settings.retryMillis());
          }
          if (now >= spontaneous) {
            decide(Decision.ABORT);
          } else if (now >= timeout) {
            decide(settings.faults().bug() ? Decision.COMMIT : Decision.ABORT); // the bug: commit on a timeout
          }
        }
        Message m = net.inbox.poll(settings.retryMillis(), TimeUnit.MILLISECONDS);
        if (m != null) {
          handle(m);
          if (random.nextDouble() < settings.faults().crash()) {
            crashAndRecover();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.err.println("tm: stopped: " + e.getMessage()); // a node whose disk or network fails dies
    }
  }

  private void crashAndRecover() throws IOException, InterruptedException {
    net.stop();
    synchronized (this) {
      decision = Decision.UNDECIDED; // memory is lost
    }
    Arrays.fill(votes, false);
    Thread.sleep(1 + random.nextInt(3));
    if (Files.exists(stateFile)) {
      String[] saved = Files.readString(stateFile, StandardCharsets.US_ASCII).trim().split(" ");
      synchronized (this) {
        decision = Decision.valueOf(saved[0]);
      }
      for (int rm = 1; rm < votes.length; rm++) {
        votes[rm] = saved[rm].equals("1");
      }
    }
    net.start();
    log.write(null, clock.now(), Map.of("recovered", "tm"), state());
  }

  /** Writes the votes and the decision to the state file (durable before the TM acts on them). */
  private void persist() throws IOException {
    StringBuilder b = new StringBuilder();
    synchronized (this) {
      b.append(decision.name());
    }
    for (int rm = 1; rm < votes.length; rm++) {
      b.append(votes[rm] ? " 1" : " 0");
    }
    Files.writeString(stateFile, b.toString(), StandardCharsets.US_ASCII);
  }

  private synchronized boolean undecided() {
    return decision == Decision.UNDECIDED;
  }

  private void handle(Message m) throws IOException {
    if (m.from() < 1 || m.from() >= votes.length) {
      return;
    }
    switch (m.kind()) {
      case VOTE_YES -> {
        if (undecided() && !votes[m.from()]) {
          votes[m.from()] = true;
          persist();
          log.write("vote.yes.received", clock.now(), Map.of("participant", "rm" + m.from()), state());
          boolean all = true;
          for (int rm = 1; rm < votes.length; rm++) {
            all &= votes[rm];
          }
          if (all) {
            decide(Decision.COMMIT);
          }
        } else if (!undecided()) {
          tell(m.from());
        }
      }
      case VOTE_NO -> {
        if (undecided()) {
          decide(Decision.ABORT);
        } else {
          tell(m.from());
        }
      }
      case STATUS -> {
        if (!undecided()) {
          tell(m.from());
        }
      }
      default -> { }
    }
  }

  private void decide(Decision d) throws IOException {
    synchronized (this) {
      decision = d;
    }
    persist();
    log.write(d == Decision.COMMIT ? "tx.committed" : "tx.aborted", clock.now(), Map.of(), state());
    for (int rm = 1; rm < votes.length; rm++) {
      tell(rm);
    }
  }

  private void tell(int rm) {
    net.send(rm, new Message(decision == Decision.COMMIT ? Message.Kind.COMMIT : Message.Kind.ABORT, 0));
  }

  private Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    if (!settings.unlogged()) {
      s.put("decision", decision.name());
    }
    for (int rm = 1; rm < votes.length; rm++) {
      s.put("votes[rm" + rm + "]", votes[rm]);
    }
    return s;
  }
}
