package io.ballot.cluster;

import io.ballot.checker.CheckOptions;
import java.io.Serializable;
import java.util.List;

/**
 * Everything an executor needs to build the model it explores, sent with every task: the model's source text and
 * file name (as diagnostics and reports name it), the global constants the run overrides ({@code NAME=VALUE}), and
 * the options that decide how states are produced and compared. Its equality is the key of the per-JVM cache of
 * compiled models ({@link LoadedModels}). Small: nothing but text and enum names.
 */
public record ModelSpec(
    String fileName,
    String source,
    List<String> consts,
    CheckOptions.Engine engine,
    CheckOptions.Symmetry symmetry,
    CheckOptions.DeadlockMode deadlock) implements Serializable {

  public ModelSpec {
    consts = List.copyOf(consts);
  }

  /** The spec of model {@code source} (read from {@code fileName}) checked with {@code options}. */
  public static ModelSpec of(String fileName, String source, List<String> consts, CheckOptions options) {
    return new ModelSpec(fileName, source, consts, options.engine(), options.symmetry(), options.deadlock());
  }
}
