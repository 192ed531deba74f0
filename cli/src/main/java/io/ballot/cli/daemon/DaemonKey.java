package io.ballot.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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

  /** The key: 24 hex digits of two FNV-1a hashes over everything above. {@code jar} must exist. */
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
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    return hex(fnv1a(bytes, 0xcbf29ce484222325L), 16) + hex(fnv1a(bytes, 0x84222325cbf29ce4L) >>> 32, 8);
  }

  private static String hex(long v, int digits) {
    String h = Long.toHexString(v);
    return "0".repeat(digits - h.length()) + h;
  }

  /**
   * FNV-1a, 64 bits, from {@code basis}. Not a cryptographic hash (loading a security provider would cost the client
   * a tenth of its start): the key only tells one user's own daemons apart, and a daemon checks the directory and
   * its jar itself before every run.
   */
  private static long fnv1a(byte[] bytes, long basis) {
    long h = basis;
    for (byte x : bytes) {
      h ^= x & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
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
