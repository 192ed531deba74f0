package io.ballot.cli.daemon;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts a daemon for a key when none runs, and waits for it to listen. Clients start one at a time (a lock file per
 * key), and a daemon that already runs or is starting (it holds its {@code KEY.pid} lock) is waited for, not
 * started again. The daemon runs in its own session (setsid), with the client's JVM options, directory and
 * environment, its output in {@code KEY.log} next to its socket.
 */
class DaemonStarter {
  private final String java;
  private final List<String> jvmOptions;
  private final Path jar;
  private final Map<String, String> env;

  DaemonStarter(String java, List<String> jvmOptions, Path jar, Map<String, String> env) {
    this.java = java;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.jar = jar;
    this.env = env;
  }

  /** Starts (or waits for) the daemon of {@code key}; a connection to it, or null if it is not up in time. */
  SocketChannel startAndConnect(Path socket, String key, Function<Path, SocketChannel> connector) throws IOException {
    Path dir = socket.getParent();
    long waitNanos = seconds("BALLOT_DAEMON_START_SECONDS", 30) * 1_000_000_000L;
    try (FileChannel spawn = FileChannel.open(dir.resolve(key + ".spawn"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = spawn.lock()) {
      SocketChannel ch = connector.apply(socket);
      if (ch != null) {
        return ch;
      }
      Process process = alive(dir.resolve(key + ".pid")) ? null : start(socket, key);
      long deadline = System.nanoTime() + waitNanos;
      while (System.nanoTime() < deadline) {
        ch = connector.apply(socket);
        if (ch != null) {
          return ch;
        }
        if (process != null && !process.isAlive()) {
          return null;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return null;
    }
  }

  /** Starts the daemon process; protected so that tests can start it differently. */
  protected Process start(Path socket, String key) throws IOException {
    List<String> command = new ArrayList<>();
    for (String setsid : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar.toString(), DaemonServer.class.getName(), socket.toString(), key,
        jar.toString(), Long.toString(seconds("BALLOT_DAEMON_IDLE_SECONDS", 1800))));
    File log = socket.resolveSibling(key + ".log").toFile();
    return new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(log)
        .redirectErrorStream(true)
        .start();
  }

  /** True when a daemon process holds the lock of {@code pidFile} (it runs, or is starting). */
  static boolean alive(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(pidFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    }
  }

  private long seconds(String variable, long otherwise) {
    try {
      return Long.parseLong(env.getOrDefault(variable, Long.toString(otherwise)).trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
