package io.ballot.cli.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ballot daemon status} lists the user's running daemons (process id and directory served);
 * {@code ballot daemon stop} stops them all (a run under way finishes first). Exit code 0, or 2 for a bad command.
 */
final class DaemonControl {
  private DaemonControl() {}

  static int run(List<String> args, Path dir, PrintStream out, PrintStream err) throws IOException {
    if (args.size() != 1 || !(args.get(0).equals("stop") || args.get(0).equals("status"))) {
      err.println("Usage: ballot daemon stop|status");
      return 2;
    }
    boolean stop = args.get(0).equals("stop");
    int count = 0;
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(dir, "*.pid")) {
      for (Path pidFile : pids) {
        if (!DaemonStarter.alive(pidFile)) {
          continue;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
          continue;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        boolean daemon = p.flatMap(h -> h.info().commandLine())
            .map(c -> c.contains(DaemonServer.class.getName())).orElse(false);
        if (!daemon) {
          continue;
        }
        count++;
        String where = lines.size() > 1 ? lines.get(1) : "?";
        if (stop) {
          p.get().destroy();
          out.println("stopped the daemon " + lines.get(0).trim() + " (" + where + ")");
        } else {
          out.println("daemon " + lines.get(0).trim() + " serving " + where);
        }
      }
    }
    if (count == 0) {
      out.println("no ballot daemon runs");
    }
    return 0;
  }
}
