package io.ballot.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which daemon may serve a run: one per jar (path, size, modification time, file identity), Java binary, JVM
 * options, working directory and the environment the JVM reads (locale, time zone, JVM option variables). Anything
 * that could make a run's output differ is in the key, so a daemon started for other circumstances, or from an
 * older jar, is simply never asked. The sockets live in a directory private to the user (mode 0700, owned by them).
 */
final class DaemonKey {
  /** Environment variables whose value can change what a JVM prints (number formats, time, its options). */
  static final List<String> ENVIRONMENT = List.of(
      "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_MESSAGES", "LC_TIME", "TZ",
      "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

  private DaemonKey() {}

  /** The key: 24 hex digits of a SHA-256 over everything above. {@code jar} must exist. */
  static String of(Path jar, String java, List<String> jvmOptions, Path cwd, Map<String, String> env)
      throws IOException {
    StringBuilder b = new StringBuilder("ballot-daemon\0").append(DaemonProtocol.VERSION).append('\0');
    b.append(JarStamp.of(jar)).append('\0').append(java).append('\0');
    for (String o : jvmOptions) {
      b.append(o).append('\0');
    }
    b.append('\0').append(cwd.toRealPath()).append('\0');
    for (String name : ENVIRONMENT) {
      b.append(name).append('=').append(env.getOrDefault(name, "\1")).append('\0');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }

  /**
   * The user's socket directory: {@code $XDG_RUNTIME_DIR/ballot} if that variable names a directory, else
   * {@code <java.io.tmpdir>/ballot-<user>}; created with mode 0700. Fails (and the run is plain) if it exists but
   * belongs to someone else or others may enter it: another user could then plant or read a socket.
   */
  static Path privateDirectory(Map<String, String> env) throws IOException {
    String runtime = env.get("XDG_RUNTIME_DIR");
    Path dir = runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))
        ? Path.of(runtime, "ballot")
        : Path.of(System.getProperty("java.io.tmpdir"), "ballot-" + System.getProperty("user.name"));
    return privateDirectory(dir);
  }

  /** Creates {@code dir} (mode 0700) or checks that it is the user's own and closed to others. */
  static Path privateDirectory(Path dir) throws IOException {
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(owner));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made meanwhile by another client: checked below
      }
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " is not a directory");
    }
    String me = System.getProperty("user.name");
    String ownerName = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
    if (!ownerName.equals(me)) {
      throw new IOException(dir + " belongs to " + ownerName + ", not " + me);
    }
    if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(owner)) {
      throw new IOException(dir + " is open to other users (its mode must be 0700)");
    }
    return dir;
  }
}
