package io.ballot.cli.gate;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.StoreChoice;
import io.ballot.dsl.settings.CheckSettings;
import io.ballot.dsl.settings.ConstOverride;
import io.ballot.dsl.settings.ModelHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a run: the file, the checker options it runs with, what it is expected to do, whether a rule that
 * never fires fails it ({@code failOnDeadRules}) or only warns, and what the project file and the command line set
 * for it ({@code given}; null when {@code options} are fixed and the model's header does not apply). Until the model
 * is read, {@code options} are ballot's defaults under {@code given}; {@link #withHeader} puts the model's own
 * settings in between (docs/ci.md, "Where a model's options come from").
 */
public record ModelRun(Path file, CheckOptions options, Expectation expect, boolean failOnDeadRules, Given given) {

  /**
   * What the project file and the command line set for a model, over its header: option values by key (of
   * {@link CheckSettings#KEYS}), constant overrides (lowest precedence first), where the expectation was written
   * ({@code file:line:col}; null when it was not), and the project file's {@code store} (null: not set).
   */
  public record Given(Map<String, String> settings, List<ConstOverride> consts, String expectAt, StoreChoice store) {
    public Given {
      settings = Map.copyOf(settings);
      consts = List.copyOf(consts);
    }

    /** Without a store of its own. */
    public Given(Map<String, String> settings, List<ConstOverride> consts, String expectAt) {
      this(settings, consts, expectAt, null);
    }

    /** Nothing given: the header and the defaults decide. */
    public static Given none() {
      return new Given(Map.of(), List.of(), null);
    }
  }

  /** Where the project file keeps this model's states ({@code store}); null: as the command line says. */
  public StoreChoice store() {
    return given == null ? null : given.store();
  }

  public ModelRun {
    Objects.requireNonNull(file);
    Objects.requireNonNull(options);
    Objects.requireNonNull(expect);
  }

  /** A run with fixed options: the model's header is not read. */
  public ModelRun(Path file, CheckOptions options, Expectation expect, boolean failOnDeadRules) {
    this(file, options, expect, failOnDeadRules, null);
  }

  /** A run whose options are ballot's defaults, then the model's header (once read), then {@code given}. */
  public static ModelRun of(Path file, Expectation expect, boolean failOnDeadRules, Given given) {
    return new ModelRun(file, resolve(ModelHeader.empty(), given), expect, failOnDeadRules, given);
  }

  /** This run with the model's header applied below what was given; itself when its options are fixed. */
  public ModelRun withHeader(ModelHeader header) {
    return given == null ? this : new ModelRun(file, resolve(header, given), expect, failOnDeadRules, given);
  }

  /** The constant overrides of this run: the header's, then the given ones (later ones win). */
  public List<ConstOverride> consts(ModelHeader header) {
    List<ConstOverride> all = new ArrayList<>(header.consts());
    if (given != null) {
      all.addAll(given.consts());
    }
    return all;
  }

  private static CheckOptions resolve(ModelHeader header, Given given) {
    // every value was validated where it was written
    return CheckSettings.defaults().withAll(header.settings()).withAll(given.settings()).toOptions();
  }
}
