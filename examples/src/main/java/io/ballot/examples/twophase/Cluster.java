package io.ballot.examples.twophase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one transaction of the two-phase commit system: a transaction manager and N resource managers, each a
 * thread with its own TCP endpoint on 127.0.0.1, and writes their logs into a directory: {@code tm.jsonl},
 * {@code rm1.jsonl}, ... (or one {@code all.jsonl} with {@link RunSettings#singleLog}). The seed drives every fault
 * decision; thread scheduling still varies from run to run, so one seed gives similar runs, not identical logs.
 */
public final class Cluster {
  private final RunSettings settings;

  public Cluster(RunSettings settings) {
    this.settings = settings;
  }

  /** Runs one transaction with {@code seed}, writing its logs into {@code dir}; returns the log files. */
  public List<Path> run(long seed, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int n = settings.resourceManagers();
    AtomicLong lines = new AtomicLong();
    Clock clock = new Clock();
    List<Path> files = new ArrayList<>();
    List<JsonLog> logs = new ArrayList<>();
    if (settings.singleLog()) {
      files.add(dir.resolve("all.jsonl"));
      logs.add(new JsonLog(files.get(0), lines));
    } else {
      for (int i = 0; i <= n; i++) {
        files.add(dir.resolve(i == 0 ? "tm.jsonl" : "rm" + i + ".jsonl"));
        logs.add(new JsonLog(files.get(i), lines));
      }
    }
    Transport[] nets = new Transport[n + 1];
    AtomicIntegerArray directory = new AtomicIntegerArray(n + 1);
    for (int i = 0; i <= n; i++) {
      nets[i] = new Transport(i == 0 ? "tm" : "rm" + i, i, directory, settings.faults(), seed * 1_000_003L + 2L * i);
      nets[i].start();
    }
    Path tmState = dir.resolve("tm.state");
    Files.deleteIfExists(tmState);
    TransactionManager tm = new TransactionManager(nets[0], logs.get(0), clock, settings, tmState,
        seed * 1_000_003L + 1);
    List<ResourceManager> rms = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    threads.add(new Thread(tm, "tm"));
    for (int i = 1; i <= n; i++) {
      Path stateFile = dir.resolve("rm" + i + ".state");
      Files.deleteIfExists(stateFile);
      ResourceManager rm = new ResourceManager(i, nets[i], logs.get(settings.singleLog() ? 0 : i), clock, settings,
          stateFile, seed * 1_000_003L + 2L * i + 1, lines);
      rms.add(rm);
      threads.add(new Thread(rm, "rm" + i));
    }
    threads.forEach(Thread::start);
    long deadline = System.nanoTime() + settings.deadlineMillis() * 1_000_000L;
    while (System.nanoTime() < deadline && !finished(tm, rms, lines)) {
      Thread.sleep(1);
    }
    tm.stop();
    rms.forEach(ResourceManager::stop);
    for (Thread t : threads) {
      t.join();
    }
    for (Transport t : nets) {
      t.stop();
    }
    for (JsonLog l : logs) {
      l.close();
    }
    for (int i = 1; i <= n; i++) {
      Files.deleteIfExists(dir.resolve("rm" + i + ".state"));
    }
    Files.deleteIfExists(tmState);
    return files;
  }

  private boolean finished(TransactionManager tm, List<ResourceManager> rms, AtomicLong lines) {
    if (settings.soakEvents() > 0) {
      return lines.get() >= settings.soakEvents();
    }
    return tm.decided() && rms.stream().allMatch(ResourceManager::knowsDecision);
  }
}
