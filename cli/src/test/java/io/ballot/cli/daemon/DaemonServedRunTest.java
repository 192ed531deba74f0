package io.ballot.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.cli.Main;
import io.ballot.cli.ModelLoader;
import io.ballot.dsl.api.FormatResult;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run served by the daemon is the plain run: the same stdout, stderr, exit code and report files, for accepted,
 * violated and rejected models and usage errors; and a daemon that must not serve (another key or directory, a
 * changed jar, busy) refuses before running anything, so the client falls back to a plain run.
 */
class DaemonServedRunTest {
  @TempDir Path tmp;
  private final List<DaemonServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(DaemonServer::stop);
  }

  /** A served run of each command line prints and writes byte for byte what a plain in-process run does. */
  @Test
  void servedRunsEqualPlainRuns() throws Exception {
    Path corpus = CorpusModel.requireCorpus("daemon identity");
    Fixture f = start(ModelLoader::frontEnd);
    List<List<String>> commands = new ArrayList<>();
    for (String model : List.of("193.m", "alias-and-field.m", "bad-enum-print.m", "bfs-vs-dfs.m",
        "cex-boolean-startstate.m", "cover-basic.m", "and-mixed.m", "bad-alias.m")) {
      Path m = corpus.resolve(model);
      if (Files.exists(m)) {
        commands.add(List.of("check", "--threads", "1", m.toString()));
        commands.add(List.of("validate", m.toString()));
      }
    }
    Path model = tmp.resolve("two.m");
    Files.writeString(model, "var x: boolean;\nstartstate begin x := false; end;\nrule begin x := !x; end;\n"
        + "invariant \"never true\" !x;\n");
    Path broken = tmp.resolve("broken.m");
    Files.writeString(broken, "var x: boolean;\nstartstate begin x := 3 end;\n");
    commands.add(List.of("check", "--json", tmp.resolve("REPORT.json").toString(), "--junit",
        tmp.resolve("REPORT.xml").toString(), model.toString()));
    commands.add(List.of("check", broken.toString()));
    commands.add(List.of("check", "--no-such-option", model.toString()));
    commands.add(List.of("format", model.toString()));
    commands.add(List.of("--version"));
    commands.add(List.of("--help"));
    commands.add(List.of("check", "--threads", "many", model.toString()));
    assertTrue(commands.size() >= 9, "the corpus models were not found in " + corpus);
    for (List<String> args : commands) {
      Run plain = plain(args);
      byte[] plainJson = readIfExists(tmp.resolve("REPORT.json"));
      byte[] plainXml = readIfExists(tmp.resolve("REPORT.xml"));
      Run served = f.served(args);
      assertEquals(plain.normalized(), served.normalized(), "ballot " + String.join(" ", args));
      assertEquals(normalized(plainJson), normalized(readIfExists(tmp.resolve("REPORT.json"))), "json " + args);
      assertEquals(normalized(plainXml), normalized(readIfExists(tmp.resolve("REPORT.xml"))), "junit " + args);
    }
  }

  /** Help is coloured as picocli would colour it in the client's process (its terminal), not the daemon's. */
  @Test
  void helpIsColouredAsInTheClientsProcess() throws Exception {
    Fixture f = start(ModelLoader::frontEnd);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, f.client.run(List.of("--help"), out, new ByteArrayOutputStream(), true, true, false));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\u001B["), "no colour in " + out);
    out.reset();
    assertEquals(0, f.client.run(List.of("--help"), out, new ByteArrayOutputStream(), true, false, false));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("\u001B["), "colour in " + out);
  }

  /** Once the jar the daemon runs from changes, it refuses every client (which then runs plainly) and stops. */
  @Test
  void aChangedJarIsRefusedAndStopsTheDaemon() throws Exception {
    Fixture f = start(ModelLoader::frontEnd);
    assertEquals(0, f.served(List.of("--version")).code);
    Files.writeString(f.jar, "rebuilt: another size");
    assertEquals("the jar changed since the daemon started", f.raw(f.key, Path.of("").toAbsolutePath()));
    f.thread.join(10_000);
    assertFalse(f.thread.isAlive(), "a daemon of a changed jar must stop");
  }

  /** A request of another key or another working directory is refused, whatever it asks. */
  @Test
  void anotherKeyOrDirectoryIsRefused() throws Exception {
    Fixture f = start(ModelLoader::frontEnd);
    assertEquals("another key", f.raw("0123456789abcdef01234567", Path.of("").toAbsolutePath()));
    assertEquals("another directory", f.raw(f.key, tmp));
  }

  /**
   * The client's Ctrl-C (an INTERRUPT frame) stops a served check as it stops a plain one: partial counts, the
   * "interrupted" result, exit code 4; and the daemon serves the next client afterwards.
   */
  @Test
  void anInterruptStopsTheRunAsCtrlCDoes() throws Exception {
    Fixture f = start(ModelLoader::frontEnd);
    Path big = tmp.resolve("big.m");
    Files.writeString(big, "var a: 0..1000; b: 0..1000; c: 0..1000;\n"
        + "startstate begin a := 0; b := 0; c := 0; end;\n"
        + "rule a < 1000 ==> begin a := a + 1; end;\n"
        + "rule b < 1000 ==> begin b := b + 1; end;\n"
        + "rule c < 1000 ==> begin c := c + 1; end;\n");
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(f.socket));
      DataOutputStream out = new DataOutputStream(SocketStreams.out(ch));
      new DaemonProtocol.Request(f.key, Path.of("").toAbsolutePath().toRealPath().toString(), false, false,
          List.of("check", "--threads", "1", "--deadlock-detection", "off", big.toString())).write(out);
      DataInputStream in = new DataInputStream(SocketStreams.in(ch));
      assertEquals(DaemonProtocol.ACCEPTED, in.read());
      Thread.sleep(1500);
      out.writeByte(DaemonProtocol.INTERRUPT);
      out.flush();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      int code;
      while (true) {
        byte type = in.readByte();
        if (type == DaemonProtocol.EXIT) {
          code = in.readInt();
          break;
        }
        byte[] b = in.readNBytes(in.readInt());
        if (type == DaemonProtocol.OUT) {
          stdout.write(b);
        }
      }
      String text = stdout.toString(StandardCharsets.UTF_8);
      assertEquals(4, code, text);
      assertTrue(text.contains("Result: incomplete (stopped: interrupted)."), text);
    }
    assertEquals(0, f.served(List.of("--version")).code, "the daemon serves on after an interrupted run");
  }

  /** A second client while a run is under way is refused at once (it runs plainly) instead of sharing the JVM. */
  @Test
  void aBusyDaemonRefusesASecondClient() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Fixture f = start(() -> blockingLoader(loading, release));
    Path model = tmp.resolve("m.m");
    Files.writeString(model, "var x: boolean;\n");
    Thread first = new Thread(() -> {
      try {
        f.served(List.of("validate", model.toString()));
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    first.start();
    assertTrue(loading.await(30, TimeUnit.SECONDS), "the first run did not start");
    assertEquals(DaemonClient.FALLBACK, f.served(List.of("validate", model.toString())).code);
    release.countDown();
    first.join(30_000);
  }

  /** The key changes with everything that can change a run's output: jar, options, directory, locale. */
  @Test
  void theKeyCoversJarOptionsDirectoryAndLocale() throws Exception {
    Path jar = tmp.resolve("ballot.jar");
    Files.writeString(jar, "jar");
    Path here = Path.of("").toAbsolutePath();
    String base = DaemonKey.of(jar, "java", List.of("-Xss16m"), here, Map.of());
    assertEquals(base, DaemonKey.of(jar, "java", List.of("-Xss16m"), here, Map.of("HOME", "/elsewhere")));
    assertFalse(base.equals(DaemonKey.of(jar, "java", List.of("-Xss32m"), here, Map.of())));
    assertFalse(base.equals(DaemonKey.of(jar, "java", List.of("-Xss16m"), tmp, Map.of())));
    assertFalse(base.equals(DaemonKey.of(jar, "java", List.of("-Xss16m"), here, Map.of("LC_ALL", "de_DE.UTF-8"))));
    Files.writeString(jar, "jar, rebuilt");
    assertFalse(base.equals(DaemonKey.of(jar, "java", List.of("-Xss16m"), here, Map.of())));
  }

  /** A socket directory that others may enter is never used: the run is plain. */
  @Test
  void anOpenSocketDirectoryIsRefused() throws Exception {
    Path open = Files.createDirectory(tmp.resolve("open"));
    Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> DaemonKey.privateDirectory(open));
    Path fresh = DaemonKey.privateDirectory(tmp.resolve("fresh"));
    assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(fresh)));
  }

  // ---- fixture -----------------------------------------------------------------------------------------------

  private record Run(int code, String out, String err) {
    String normalized() {
      return code + "\n--- stdout\n" + normalize(out) + "\n--- stderr\n" + normalize(err);
    }
  }

  /**
   * Run times differ from run to run (and so do the figures derived from them), and so does the default memory
   * limit (a share of the heap free when the run starts, less in a daemon that has served runs) and the peak;
   * nothing else may.
   */
  static String normalize(String s) {
    return s.replaceAll("Time: [\\d.]+ s  \\(\\d+ states/s\\)", "Time: T")
        .replaceAll("memory [\\d.]+ [KMGT]iB \\(70% of the free JVM heap", "memory M (70% of the free JVM heap")
        .replaceAll("\"(limitBytes|peakBytes)\"\\s*:\\s*\\d+", "\"$1\": M")
        .replaceAll("time=\"[\\d.]+\"", "time=\"T\"")
        .replaceAll("\"(seconds|elapsed\\w*|statesPerSecond|time\\w*)\"\\s*:\\s*[\\d.eE+-]+", "\"$1\": T")
        .replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z?", "DATE");
  }

  private static String normalized(byte[] b) {
    return b == null ? null : normalize(new String(b, StandardCharsets.UTF_8));
  }

  private static byte[] readIfExists(Path p) throws IOException {
    if (!Files.exists(p)) {
      return null;
    }
    byte[] b = Files.readAllBytes(p);
    Files.delete(p);
    return b;
  }

  private static Run plain(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private final class Fixture {
    final Path jar;
    final String key;
    final Thread thread;
    final DaemonClient client;
    final Path socket;

    Fixture(Supplier<ModelLoader> loaders) throws Exception {
      jar = Files.writeString(tmp.resolve("ballot-" + servers.size() + ".jar"), "a jar");
      Map<String, String> env = Map.of("XDG_RUNTIME_DIR", tmp.toString());
      key = DaemonKey.of(jar, "java", List.of(), Path.of("").toAbsolutePath(), env);
      socket = DaemonKey.privateDirectory(env).resolve(key + ".sock");
      DaemonServer server = new DaemonServer(socket, key, jar, Path.of(""), 600, loaders);
      servers.add(server);
      thread = new Thread(() -> {
        try {
          server.serve();
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      thread.start();
      DaemonStarter never = new DaemonStarter("java", List.of(), jar, env) {
        @Override
        SocketChannel startAndConnect(Path s, String k, Function<Path, SocketChannel> connector) {
          return null; // the test's daemon runs already; a client must never start another
        }
      };
      client = new DaemonClient(jar, "java", List.of(), env, never);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      SocketChannel probe;
      while ((probe = client.connect(socket)) == null && System.nanoTime() < deadline) {
        Thread.sleep(10); // the socket's file appears when it is bound, a moment before it listens
      }
      if (probe != null) {
        probe.close();
      }
    }

    Run served(List<String> args) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = client.run(args, out, err, false, Main.ansiEnabled(), false);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Sends a request of {@code key} and {@code cwd} by hand; returns the refusal's reason, or "accepted". */
    String raw(String key, Path cwd) throws IOException {
      try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        ch.connect(UnixDomainSocketAddress.of(socket));
        DataOutputStream out = new DataOutputStream(SocketStreams.out(ch));
        new DaemonProtocol.Request(key, cwd.toString(), false, false, List.of("--version")).write(out);
        DataInputStream in = new DataInputStream(SocketStreams.in(ch));
        int answer = in.read();
        return answer == DaemonProtocol.REFUSED ? DaemonProtocol.readString(in) : "accepted";
      }
    }
  }

  private Fixture start(Supplier<ModelLoader> loaders) throws Exception {
    return new Fixture(loaders);
  }

  private static ModelLoader blockingLoader(CountDownLatch loading, CountDownLatch release) {
    ModelLoader real = ModelLoader.frontEnd();
    return new ModelLoader() {
      @Override
      public LoadResult load(Path file) {
        loading.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return real.load(file);
      }

      @Override
      public FormatResult format(Path file, int width) {
        return real.format(file, width);
      }
    };
  }
}
