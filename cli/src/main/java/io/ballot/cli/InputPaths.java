package io.ballot.cli;

import java.io.IOException;
import java.nio.file.Path;

/** Comparing the paths a command reads with the paths it writes, so that an output never replaces an input. */
final class InputPaths {
  private InputPaths() {}

  /** The file {@code p} names, symbolic links resolved when it exists (else its absolute, normalised path). */
  static Path identity(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
