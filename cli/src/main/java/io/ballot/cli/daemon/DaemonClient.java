package io.ballot.cli.daemon;

import io.ballot.cli.Main;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code ballot} launcher runs first: hands the command line to the user's warm daemon (starting one if
 * none runs for this jar, JVM and directory, see {@link DaemonKey}) and relays its output and exit code. Exits with
 * {@link #FALLBACK} before printing anything whenever the daemon cannot serve the run (disabled, absent and not
 * startable in time, busy, stale, another protocol): the launcher then runs the command plainly. Commands that
 * read stdin or serve until stopped ({@code lsp}, {@code replay}, {@code view}) always run plainly.
 *
 * <p>{@code DaemonClient JAR JAVA N JVM_OPTION... -- BALLOT_ARGUMENT...}, or {@code ... -- daemon stop|status}.
 */
public final class DaemonClient {
  /** The exit code that tells the launcher to run the command itself; no ballot run exits with it. */
  public static final int FALLBACK = 199;
  /** Commands always run plainly; the launcher skips the client for them too (LauncherTest checks the list). */
  static final Set<String> PLAIN_ONLY = Set.of("lsp", "replay", "view");

  private final Path jar;
  private final String java;
  private final List<String> jvmOptions;
  private final Map<String, String> env;
  private final DaemonStarter starter;

  DaemonClient(Path jar, String java, List<String> jvmOptions, Map<String, String> env, DaemonStarter starter) {
    this.jar = jar;
    this.java = java;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.env = env;
    this.starter = starter;
  }

  public static void main(String[] argv) {
    int code;
    try {
      int n = Integer.parseInt(argv[2]);
      List<String> options = Arrays.asList(argv).subList(3, 3 + n);
      List<String> args = Arrays.asList(argv).subList(4 + n, argv.length);
      DaemonClient client = new DaemonClient(Path.of(argv[0]), argv[1], options, System.getenv(),
          new DaemonStarter(argv[1], options, Path.of(argv[0]), System.getenv()));
      PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
      PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
      if (!args.isEmpty() && args.get(0).equals("daemon")) {
        code = DaemonControl.run(args.subList(1, args.size()), client.directory(), out, err);
      } else {
        code = client.run(args, out, err, Main.stderrIsTerminal(), Main.ansiEnabled(), true);
      }
    } catch (IOException | RuntimeException e) {
      code = FALLBACK;
    }
    System.exit(code);
  }

  /** The user's private socket directory (see {@link DaemonKey#privateDirectory(Map)}). */
  Path directory() throws IOException {
    return DaemonKey.privateDirectory(env);
  }

  /**
   * Runs {@code args} on the daemon, writing its stdout and stderr bytes to {@code out} and {@code err}; returns the
   * run's exit code, or {@link #FALLBACK} (nothing written) when the daemon cannot serve it. {@code errIsTerminal}
   * and {@code ansi} are this process's (see {@link Main#runServed}). {@code forwardSigint}:
   * the client's Ctrl-C is passed on (a second one ends the client at once with 130, as it ends a plain run).
   */
  int run(List<String> args, OutputStream out, OutputStream err, boolean errIsTerminal, boolean ansi,
      boolean forwardSigint) throws IOException {
    if (args.isEmpty() || PLAIN_ONLY.contains(args.get(0)) || "off".equals(env.get("BALLOT_DAEMON"))) {
      return FALLBACK;
    }
    Path cwd = Path.of("").toAbsolutePath();
    String key = DaemonKey.of(jar, java, jvmOptions, cwd, env);
    Path socket = directory().resolve(key + ".sock");
    SocketChannel connected = connect(socket);
    if (connected == null) {
      connected = starter.startAndConnect(socket, key, this::connect);
      if (connected == null) {
        return FALLBACK;
      }
    }
    try (SocketChannel channel = connected) {
      DataOutputStream request = new DataOutputStream(new BufferedOutputStream(SocketStreams.out(channel)));
      new DaemonProtocol.Request(key, cwd.toRealPath().toString(), errIsTerminal, ansi, args).write(request);
      DataInputStream in = new DataInputStream(new BufferedInputStream(SocketStreams.in(channel)));
      int answer = in.read();
      if (answer != DaemonProtocol.ACCEPTED) {
        return FALLBACK;
      }
      if (forwardSigint) {
        ClientSigint.forward(request);
      }
      return relay(in, out, err);
    }
  }

  /** Copies the run's frames to {@code out} and {@code err} until its exit code. */
  private static int relay(DataInputStream in, OutputStream out, OutputStream err) throws IOException {
    byte[] buffer = new byte[8192];
    while (true) {
      int type;
      try {
        type = in.readByte();
      } catch (EOFException e) {
        err.write(("ballot: internal error: the daemon ended during the run; run again with BALLOT_DAEMON=off to"
            + " run without it\n").getBytes(StandardCharsets.UTF_8));
        err.flush();
        return 1;
      }
      if (type == DaemonProtocol.EXIT) {
        out.flush();
        err.flush();
        return in.readInt();
      }
      int len = in.readInt();
      OutputStream target = type == DaemonProtocol.OUT ? out : err;
      while (len > 0) {
        int n = in.read(buffer, 0, Math.min(len, buffer.length));
        if (n < 0) {
          throw new EOFException();
        }
        target.write(buffer, 0, n);
        len -= n;
      }
      target.flush();
    }
  }

  /** A connection to the daemon listening on {@code socket}, or null when none listens there. */
  SocketChannel connect(Path socket) {
    SocketChannel ch = null;
    try {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      return ch;
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // not connected
        }
      }
      return null;
    }
  }
}
