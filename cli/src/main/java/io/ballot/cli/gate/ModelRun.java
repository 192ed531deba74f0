package io.ballot.cli.gate;

import io.ballot.checker.CheckOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One model of a gated run: the file, the checker options it runs with, what it is expected to do, and whether a
 * rule that never fires fails it ({@code failOnDeadRules}) or only warns.
 */
public record ModelRun(Path file, CheckOptions options, Expectation expect, boolean failOnDeadRules) {
  public ModelRun {
    Objects.requireNonNull(file);
    Objects.requireNonNull(options);
    Objects.requireNonNull(expect);
  }
}
