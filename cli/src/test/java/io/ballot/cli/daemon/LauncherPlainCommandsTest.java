package io.ballot.cli.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code ballot} launcher skips the daemon's client for the commands the client always hands back to a plain
 * run ({@link DaemonClient#PLAIN_ONLY}); the two lists must be the same, or a command would either start a client
 * JVM for nothing (slower, as {@code ballot lsp} was) or skip a daemon that would have served it.
 */
class LauncherPlainCommandsTest {
  @Test
  void theLauncherSkipsTheClientForExactlyThePlainOnlyCommands() throws Exception {
    String launcher = Files.readString(Path.of("../ballot"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^\\s*([a-z]+(?:\\s*\\|\\s*[a-z]+)*)\\)\\s*daemon=off\\s*;;").matcher(launcher);
    assertTrue(m.find(), "the launcher's case that turns the client off for some commands");
    Set<String> skipped = new TreeSet<>(Arrays.asList(m.group(1).split("\\s*\\|\\s*")));
    assertEquals(new TreeSet<>(DaemonClient.PLAIN_ONLY), skipped);
  }
}
