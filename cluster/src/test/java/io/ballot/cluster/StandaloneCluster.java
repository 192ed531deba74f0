package io.ballot.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine for a test: a master and {@code workers} workers, each a child JVM of
 * Spark's own {@code org.apache.spark.deploy.master.Master} / {@code deploy.worker.Worker} from the test's classpath,
 * bound to 127.0.0.1 ({@code --host}, {@code SPARK_LOCAL_IP}) on free ports. No Spark distribution: the workers'
 * {@code SPARK_HOME} is a temporary directory whose {@code jars/} links the classpath's jars, which is where Spark's
 * launcher looks for the executors' classpath. {@link #close} stops every process and deletes the directory.
 */
final class StandaloneCluster implements AutoCloseable {
  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final int port;

  private StandaloneCluster(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  /** The classpath of the test JVM (surefire's, not its manifest-only booter jar). */
  static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * Starts a master and {@code workers} workers of one core each; throws {@link IllegalStateException} with the
   * logs' last lines when they are not up within {@code timeoutSeconds}.
   */
  static StandaloneCluster start(int workers, int timeoutSeconds) throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("ballot-spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (String e : testClassPath().split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (e.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
      }
    }
    // Spark's daemons say they are up at INFO (the test classpath's log4j2-test.properties keeps warnings only)
    Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
        "rootLogger.level = info", "rootLogger.appenderRef.stdout.ref = console", "appender.console.type = Console",
        "appender.console.name = console", "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n", ""));
    StandaloneCluster c = new StandaloneCluster(home, freePort());
    try {
      c.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
          String.valueOf(c.port), "--webui-port", String.valueOf(freePort())));
      c.await(0, "I have been elected leader", timeoutSeconds);
      for (int i = 1; i <= workers; i++) {
        Path work = Files.createDirectories(home.resolve("work" + i));
        c.launch("worker" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
            "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(),
            c.masterUrl()));
      }
      for (int i = 1; i <= workers; i++) {
        c.await(i, "Successfully registered with master", timeoutSeconds);
      }
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return "spark://127.0.0.1:" + port;
  }

  private void launch(String name, List<String> mainAndArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-Dspark.master.rest.enabled=false");
    cmd.add("-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"));
    cmd.add("-Dspark.ui.showConsoleProgress=false");
    cmd.add("-cp");
    cmd.add(testClassPath());
    cmd.addAll(mainAndArgs);
    Path log = home.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().remove("SPARK_CONF_DIR");
    processes.add(pb.start());
    logs.add(log);
  }

  private void await(int process, String line, int timeoutSeconds) throws IOException, InterruptedException {
    long until = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    while (System.nanoTime() < until) {
      if (Files.readString(logs.get(process), StandardCharsets.UTF_8).contains(line)) {
        return;
      }
      if (!processes.get(process).isAlive()) {
        break;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(logs.get(process).getFileName() + " did not say \"" + line + "\" within "
        + timeoutSeconds + " s; its last lines:\n" + tail(logs.get(process)));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroy); // the workers' executors
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
