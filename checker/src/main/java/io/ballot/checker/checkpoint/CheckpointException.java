package io.ballot.checker.checkpoint;

/**
 * A checkpoint that cannot be used or written: its {@link Kind} says why, the message says what to do. Never a
 * wrong result: a resumed run that meets one stops before it explores anything.
 */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a checkpoint was refused. */
  public enum Kind {
    /** It was written for another model or with other options that change the state space. */
    MISMATCH,
    /** A file is missing, truncated or altered (a checksum does not match), or is not a checkpoint at all. */
    CORRUPT,
    /** The run cannot be checkpointed (liveness properties), or the directory is not usable as asked. */
    UNSUPPORTED,
    /** Reading or writing failed (disk full, permissions). */
    IO
  }

  private final Kind kind;

  public CheckpointException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CheckpointException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
