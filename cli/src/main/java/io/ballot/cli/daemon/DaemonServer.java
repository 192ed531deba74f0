package io.ballot.cli.daemon;

import io.ballot.cli.Main;
import io.ballot.cli.ModelLoader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The daemon's server: accepts clients on a Unix socket and runs each accepted command line in-process through
 * {@link Main#runServed}, exactly as a plain {@code ballot} run would, streaming its output back. It serves one run
 * at a time and refuses (so the client runs plainly) a second client meanwhile, a client of another key or
 * directory, a peer of another user, and any client once its jar has changed; it stops when idle for its idle time
 * or when its jar changed. One instance per daemon process; {@link #serve} returns when it stops.
 */
public final class DaemonServer {
  private final Path socket;
  private final String key;
  private final Path jar;
  private final JarStamp stamp;
  private final String cwd;
  private final long idleNanos;
  private final Supplier<ModelLoader> loaders;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile ServerSocketChannel server;

  /**
   * {@code jar}: the jar this process runs from (watched for changes); {@code cwd}: the only directory served
   * (this process's own); {@code idleSeconds}: how long without a client before it stops.
   */
  public DaemonServer(Path socket, String key, Path jar, Path cwd, long idleSeconds, Supplier<ModelLoader> loaders)
      throws IOException {
    this.socket = socket;
    this.key = Objects.requireNonNull(key);
    this.jar = jar;
    this.stamp = JarStamp.of(jar);
    this.cwd = cwd.toRealPath().toString();
    this.idleNanos = idleSeconds * 1_000_000_000L;
    this.loaders = loaders;
  }

  /** {@code DaemonServer SOCKET KEY JAR IDLE_SECONDS}: started by {@link DaemonClient}, never by hand. */
  public static void main(String[] args) throws Exception {
    Signals.ignoreInterruptAndHangup();
    Path socket = Path.of(args[0]);
    Path pidFile = socket.resolveSibling(args[1] + ".pid");
    try (FileChannel pid = FileChannel.open(pidFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock life = pid.tryLock()) {
      if (life == null) {
        System.exit(0); // another daemon of this key runs or is starting
      }
      pid.truncate(0);
      pid.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n" + Path.of("").toAbsolutePath() + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      DaemonServer s = new DaemonServer(socket, args[1], Path.of(args[2]), Path.of(""), Long.parseLong(args[3]),
          ModelLoader::frontEnd);
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
      Warmup.run(socket.getParent());
      Warmup.startBackground(socket.getParent(),
          () -> s.busy.get() || System.nanoTime() - s.lastUsed.get() < 1_000_000_000L, s.stopped::get);
      s.serve();
    }
    System.exit(0);
  }

  /** Binds the socket and serves until stopped (idle, jar changed, {@link #stop}). */
  public void serve() throws IOException {
    Files.deleteIfExists(socket); // a dead daemon's socket: the client made sure no live one holds this key
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    ch.bind(UnixDomainSocketAddress.of(socket));
    server = ch;
    Thread watchdog = new Thread(this::watch, "ballot-daemon-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      while (!stopped.get()) {
        SocketChannel client;
        try {
          client = ch.accept();
        } catch (IOException e) {
          break; // closed by stop()
        }
        Thread t = new Thread(() -> handle(client), "ballot-daemon-run");
        t.start();
      }
    } finally {
      stop();
    }
  }

  /** Stops accepting clients and removes the socket; a run under way finishes. */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      try {
        ServerSocketChannel ch = server;
        if (ch != null) {
          ch.close();
        }
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // nothing more to do: the process ends
      }
    }
  }

  private void watch() {
    while (!stopped.get()) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        return;
      }
      boolean idle = !busy.get() && System.nanoTime() - lastUsed.get() > idleNanos;
      if (idle || (!busy.get() && !stamp.matches(jar))) {
        stop();
      }
    }
  }

  private void handle(SocketChannel client) {
    try (client) {
      if (!PeerCheck.sameUser(client)) {
        return;
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.in(client)));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SocketStreams.out(client)));
      DaemonProtocol.Request request = DaemonProtocol.Request.read(in);
      String refusal = refusal(request);
      if (refusal != null) {
        out.writeByte(DaemonProtocol.REFUSED);
        DaemonProtocol.writeString(out, refusal);
        out.flush();
        return;
      }
      long start = System.nanoTime();
      AtomicBoolean released = new AtomicBoolean();
      try {
        out.writeByte(DaemonProtocol.ACCEPTED);
        out.flush();
        run(request, in, out, released);
      } finally {
        release(released);
      }
      if (System.nanoTime() - start > 2_000_000_000L) {
        System.gc(); // a big run's heap goes back to the system while the daemon waits
      }
    } catch (IOException | RuntimeException e) {
      // a client that went away or spoke another protocol: nothing was run for it
    }
  }

  /**
   * The run is over: the next client may be served. Called before the exit code is sent, so that a client started
   * right after this one ends is not refused as busy; once per run ({@code released}).
   */
  private void release(AtomicBoolean released) {
    if (released.compareAndSet(false, true)) {
      lastUsed.set(System.nanoTime());
      busy.set(false);
    }
  }

  /** Why this daemon may not serve {@code r} (null: it may, and it is now busy with it). */
  private String refusal(DaemonProtocol.Request r) {
    if (!r.key().equals(key)) {
      return "another key";
    }
    if (!r.cwd().equals(cwd)) {
      return "another directory";
    }
    if (stopped.get()) {
      return "stopping";
    }
    if (!busy.compareAndSet(false, true)) {
      return "busy";
    }
    if (!stamp.matches(jar)) {
      busy.set(false);
      stop();
      return "the jar changed since the daemon started";
    }
    return null;
  }

  private void run(DaemonProtocol.Request request, DataInputStream in, DataOutputStream out, AtomicBoolean released)
      throws IOException {
    Runnable[] interrupter = {() -> {}};
    Object lock = new Object();
    boolean[] broken = {false};
    Runnable stopRun = () -> interrupter[0].run();
    PrintStream stdout = new PrintStream(new FrameOutput(out, DaemonProtocol.OUT, lock, broken, stopRun), false);
    PrintStream stderr = new PrintStream(new FrameOutput(out, DaemonProtocol.ERR, lock, broken, stopRun), false);
    Thread reader = new Thread(() -> forwardInterrupts(in, stopRun), "ballot-daemon-interrupts");
    reader.setDaemon(true);
    int code = Main.runServed(request.args().toArray(String[]::new), stdout, stderr, loaders,
        request.errIsTerminal(), request.ansi(), i -> {
          interrupter[0] = i;
          reader.start();
        });
    stdout.flush();
    stderr.flush();
    release(released);
    synchronized (lock) {
      if (!broken[0]) {
        out.writeByte(DaemonProtocol.EXIT);
        out.writeInt(code);
        out.flush();
      }
    }
  }

  /** Each INTERRUPT byte from the client, and the client going away, asks the run to stop. */
  private static void forwardInterrupts(DataInputStream in, Runnable stopRun) {
    try {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == DaemonProtocol.INTERRUPT) {
          stopRun.run();
        }
      }
    } catch (IOException e) {
      // closed
    }
    stopRun.run();
  }
}
