package io.ballot.examples.twophase;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.ir.Model;
import io.ballot.checker.replay.ReplayOptions;
import io.ballot.checker.replay.ReplayResult;
import io.ballot.checker.replay.Replayer;
import io.ballot.checker.ts.TransitionSystem;
import io.ballot.cli.replay.LogError;
import io.ballot.cli.replay.ReplayLogs;
import io.ballot.cli.replay.ReplayMapping;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays logs in-process against one model with the example's mapping file, as {@code ballot replay MODEL LOG...
 * --mapping twophase.yaml} does, loading and compiling the model once for many replays.
 */
final class ReplayHarness {
  static final Path TWO_PHASE = Path.of("..", "protocols", "models", "two-phase", "TwoPhase.m");
  static final Path MAPPING = Path.of("src", "main", "resources", "twophase", "twophase.yaml");

  private final TransitionSystem ts;
  private final Model model;
  private final ReplayMapping mapping;

  ReplayHarness(Path modelFile) throws LogError {
    LoadResult load = new FrontEnd().load(modelFile);
    if (load.hasErrors() || load.model() == null) {
      throw new IllegalStateException("the model does not load: " + modelFile);
    }
    this.model = load.model();
    this.ts = Checker.transitions(model, CheckOptions.Engine.COMPILED).system();
    this.mapping = ReplayMapping.read(MAPPING);
  }

  ReplayResult replay(List<Path> logs) throws LogError {
    List<String> names = logs.stream().map(Path::toString).toList();
    var events = new ReplayLogs(mapping, ts, model).read(names, InputStream.nullInputStream());
    return new Replayer(ts, model, ReplayOptions.DEFAULTS).replay(events, () -> false);
  }
}
