package io.ballot.checker.compile;

/** A construct the generator does not handle; {@link ModelCompiler} falls back to the interpreter. */
final class Unsupported extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Unsupported(String message) {
    super(message);
  }
}
