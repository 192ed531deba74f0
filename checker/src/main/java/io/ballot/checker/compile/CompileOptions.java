package io.ballot.checker.compile;

import java.nio.file.Path;

/**
 * Tuning and debugging knobs of {@link ModelCompiler}, explicit per compilation (nothing is read from system
 * properties). {@code blockLimit}: a block whose code exceeds this many characters has its large statements split
 * off into helper methods (0: every statement is split off, which tests use to exercise that path);
 * {@code specialiseBudget}: how many IR nodes, in total, rules and properties with few instances may be copied into
 * one method per instance (0: none); {@code dumpDirectory}: where to write the generated source (null: nowhere).
 */
public record CompileOptions(int blockLimit, long specialiseBudget, Path dumpDirectory) {

  /** The options {@code ballot check} uses. */
  public static final CompileOptions DEFAULTS = new CompileOptions(8000, 4_000, null);

  public CompileOptions {
    if (blockLimit < 0 || specialiseBudget < 0) {
      throw new IllegalArgumentException("blockLimit and specialiseBudget must be at least 0");
    }
  }

  /** These options with {@code blockLimit} = {@code characters}. */
  public CompileOptions withBlockLimit(int characters) {
    return new CompileOptions(characters, specialiseBudget, dumpDirectory);
  }

  /** These options with {@code specialiseBudget} = {@code nodes}. */
  public CompileOptions withSpecialiseBudget(long nodes) {
    return new CompileOptions(blockLimit, nodes, dumpDirectory);
  }

  /** These options writing the generated source into {@code directory}. */
  public CompileOptions withDumpDirectory(Path directory) {
    return new CompileOptions(blockLimit, specialiseBudget, directory);
  }
}
