package io.ballot.examples.twophase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A participant: votes yes (after writing PREPARED to its durable state file) or no (aborting unilaterally, which
 * it may also do before the TM asks), then obeys the TM's decision, asking for it until it hears it. It may crash
 * (losing its connections, queued messages and memory) and restart from its state file: a participant that had not
 * voted aborts on recovery (presumed abort). Log events: {@code prepared}, {@code local.abort}, {@code
 * commit.received}, {@code abort.received}, and a {@code recovered} line with only its state; state: {@code
 * status[rmK]}.
 */
final class ResourceManager implements Runnable {
  /** The participant's status, as it is kept in its state file. */
  enum Status { WORKING, PREPARED, COMMITTED, ABORTED }

  private final int index;
  private final Transport net;
  private final JsonLog log;
  private final Clock clock;
  private final RunSettings settings;
  private final Path stateFile;
  private final Random random;
  private final AtomicLong logged;
  private Status status = Status.WORKING;
  private volatile boolean knowsDecision;
  private volatile boolean stopped;

  ResourceManager(int index, Transport net, JsonLog log, Clock clock, RunSettings settings, Path stateFile,
      long seed, AtomicLong logged) {
    this.index = index;
    this.net = net;
    this.log = log;
    this.clock = clock;
    this.settings = settings;
    this.stateFile = stateFile;
    this.random = new Random(seed);
    this.logged = logged;
  }

  boolean knowsDecision() {
    return knowsDecision;
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    long abortAt = random.nextDouble() < settings.faults().rmAbort()
        ? System.nanoTime() + (long) (random.nextDouble() * TimeUnit.MILLISECONDS.toNanos(settings.voteTimeoutMillis()))
        : Long.MAX_VALUE;
    long nextStatus = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.voteTimeoutMillis());
    try {
      while (!stopped) {
        long now = System.nanoTime();
        if (status == Status.WORKING && now >= abortAt) {
          abort(); // a unilateral abort before voting (its right, TwoPhase.m's RMChooseToAbort)
        }
        if (now >= nextStatus && (!knowsDecision || soaking())) {
          net.send(0, new Message(Message.Kind.STATUS, index));
          nextStatus = now + TimeUnit.MILLISECONDS.toNanos(settings.retryMillis());
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
      System.err.println(name() + ": stopped: " + e.getMessage()); // a node whose disk or network fails dies
    }
  }

  private boolean soaking() {
    return settings.soakEvents() > 0 && logged.get() < settings.soakEvents();
  }

  private void handle(Message m) throws IOException {
    switch (m.kind()) {
      case PREPARE -> {
        if (status == Status.WORKING) {
          if (random.nextDouble() < settings.faults().rmAbort()) {
            abort();
          } else {
            persist(Status.PREPARED); // the vote is durable before it is sent
            log.write("prepared", clock.now(), Map.of("participant", name()), state());
          }
        }
        if (status == Status.PREPARED) {
          net.send(0, new Message(Message.Kind.VOTE_YES, index));
        } else if (status == Status.ABORTED && !knowsDecision) {
          net.send(0, new Message(Message.Kind.VOTE_NO, index));
        }
      }
      case COMMIT -> {
        persist(Status.COMMITTED);
        knowsDecision = true;
        log.write("commit.received", clock.now(), Map.of("participant", name()), state());
        askAgainIfSoaking();
      }
      case ABORT -> {
        persist(Status.ABORTED);
        knowsDecision = true;
        log.write("abort.received", clock.now(), Map.of("participant", name()), state());
        askAgainIfSoaking();
      }
      default -> { }
    }
  }

  private void askAgainIfSoaking() {
    if (soaking()) {
      net.send(0, new Message(Message.Kind.STATUS, index));
    }
  }

  private void abort() throws IOException {
    persist(Status.ABORTED);
    log.write("local.abort", clock.now(), Map.of("participant", name()), state());
  }

  private void crashAndRecover() throws IOException, InterruptedException {
    net.stop();
    status = null; // memory is lost
    knowsDecision = false;
    Thread.sleep(1 + random.nextInt(3));
    status = Files.exists(stateFile) ? Status.valueOf(Files.readString(stateFile, StandardCharsets.US_ASCII).trim())
        : Status.WORKING;
    knowsDecision = status == Status.COMMITTED;
    net.start();
    if (status == Status.WORKING) {
      abort(); // presumed abort: a participant that had not voted forgets the transaction
    } else {
      log.write(null, clock.now(), Map.of("recovered", name()), state());
    }
  }

  private void persist(Status s) throws IOException {
    if (status != s) {
      status = s;
      Files.writeString(stateFile, s.name(), StandardCharsets.US_ASCII);
    }
  }

  private String name() {
    return "rm" + index;
  }

  private Map<String, Object> state() {
    Map<String, Object> s = new LinkedHashMap<>();
    if (!settings.unlogged()) {
      s.put("status[" + name() + "]", status.name());
    }
    return s;
  }
}
