package io.ballot.cluster;

import io.ballot.checker.Checker;
import io.ballot.checker.ir.Model;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.settings.ConstOverride;
import io.ballot.dsl.settings.ConstOverrides;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled models of this JVM (a Spark executor, or the driver), keyed by {@link ModelSpec}: each executor reads,
 * lowers and compiles a model from its source once, however many tasks it runs, and nothing but states crosses the
 * network. This is the module's one piece of JVM-wide mutable state, kept on purpose: a Spark task has no other way
 * to find what an earlier task of the same executor built. It holds at most {@value #CAPACITY} models (the least
 * recently used goes first), so a long-lived executor that runs many checks does not keep them all; entries are
 * immutable and thread-safe (a compiled {@code TransitionSystem}), so concurrent tasks share them.
 */
public final class LoadedModels {
  static final int CAPACITY = 4;

  private static final Map<ModelSpec, LoadedModel> CACHE = new LinkedHashMap<>(8, 0.75f, true);

  private LoadedModels() {}

  /** The model {@code spec} describes, compiled in this JVM (on first use) or taken from the cache. */
  public static LoadedModel get(ModelSpec spec) {
    synchronized (CACHE) {
      LoadedModel m = CACHE.get(spec);
      if (m != null) {
        return m;
      }
    }
    LoadedModel built = build(spec); // outside the lock: compiling takes a second; a race compiles twice, harmlessly
    synchronized (CACHE) {
      LoadedModel m = CACHE.putIfAbsent(spec, built);
      if (CACHE.size() > CAPACITY) {
        CACHE.remove(CACHE.keySet().iterator().next());
      }
      return m != null ? m : built;
    }
  }

  /** Reads, lowers and compiles the model; a model the front end rejects is a bug of the driver that sent it. */
  static LoadedModel build(ModelSpec spec) {
    List<ConstOverride> consts = new ArrayList<>();
    for (String c : spec.consts()) {
      consts.add(ConstOverride.parse(c, "--const " + c));
    }
    LoadResult load = new FrontEnd().load(spec.fileName(), spec.source(), new ConstOverrides(consts));
    Model model = load.model();
    if (load.hasErrors() || model == null) {
      String first = load.diagnostics().stream().map(Diagnostic::toString).findFirst().orElse("no model");
      throw new IllegalStateException("the executor could not read " + spec.fileName() + ": " + first);
    }
    return new LoadedModel(model, Checker.transitions(model, spec.engine()).system(), spec);
  }
}
