package io.ballot.cli.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory tree the paths in a project file must stay inside: by default the project file's own directory,
 * wider only when the command line says so ({@code ballot check --root DIR}). A path is inside when the file it
 * names, symbolic links resolved, is the root or below it; so {@code /etc/passwd}, {@code ../../x} and a link to a
 * file outside are all outside, whatever the path looks like. A file that does not exist is placed by its deepest
 * existing ancestor's real path, so that "outside" never depends on whether the outside file exists.
 */
public final class ProjectRoot {
  private final Path real;
  private final String shown;

  private ProjectRoot(Path real, String shown) {
    this.real = real;
    this.shown = shown;
  }

  /** The tree under {@code dir}, which must be an existing directory. */
  public static ProjectRoot of(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a directory");
    }
    return new ProjectRoot(dir.toRealPath(), dir.toString());
  }

  /** The directory of {@code projectFile}: the default root of the paths in it. */
  static ProjectRoot ofProjectFile(Path projectFile) throws IOException {
    Path dir = projectFile.toAbsolutePath().getParent();
    return new ProjectRoot(dir.toRealPath(), dir.toString());
  }

  /** Whether {@code file} (absolute, or relative to the working directory) is inside this tree, links resolved. */
  public boolean contains(Path file) {
    return realPath(file.toAbsolutePath()).startsWith(real);
  }

  /** The root as given (for messages). */
  @Override
  public String toString() {
    return shown;
  }

  /** {@code p}'s real path; for a file that does not exist (or a link loop), its parent's real path and its name. */
  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      Path parent = p.getParent();
      Path name = p.getFileName();
      if (parent == null || name == null) {
        return p.normalize();
      }
      return realPath(parent).resolve(name).normalize();
    }
  }
}
