package io.ballot.checker.checkpoint;

import java.nio.file.Path;

/**
 * How a run checkpoints: into {@code dir}, at the first level boundary after every {@code everySeconds} (0: at every
 * level boundary), and at the end of the run; {@code resume} when the run continues the checkpoint already in {@code
 * dir} (and goes on writing there) rather than starting a new one.
 */
public record CheckpointPlan(Path dir, double everySeconds, boolean resume) {
  /** The default interval between checkpoints: five minutes. */
  public static final double DEFAULT_EVERY_SECONDS = 300;
}
