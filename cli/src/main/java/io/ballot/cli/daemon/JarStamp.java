package io.ballot.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * What identifies a build of the jar without reading it: its real path, size, modification time (nanoseconds) and
 * file identity (device and inode). A rebuilt jar differs in at least one of them; the daemon compares the jar's
 * stamp before every run with the one it started from and refuses to serve (and stops) when they differ. A plain
 * class, not a record: the client starts faster without the method handles a record's methods bootstrap.
 */
final class JarStamp {
  private final String text;

  private JarStamp(String text) {
    this.text = text;
  }

  static JarStamp of(Path jar) throws IOException {
    Path real = jar.toRealPath();
    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
    Object key = a.fileKey();
    return new JarStamp(real + "\0" + a.size() + "\0" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\0"
        + (key == null ? "" : key.toString()));
  }

  /** True when {@code jar} still has this stamp (false too when it cannot be read). */
  boolean matches(Path jar) {
    try {
      return text.equals(of(jar).text);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
