package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.dsl.corpus.CorpusModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model with a liveness property is refused by the cluster engine with a reason that says what to do (the CLI
 * prints it and exits 2 before Spark starts), and a model without one is accepted.
 */
class LivenessRefusalTest {
  private static final CheckOptions OPTIONS = new CheckOptions(1, 0, DeadlockMode.STUCK, 0, 1, 0)
      .withSymmetry(CheckOptions.Symmetry.HEURISTIC);

  private static LoadedModel load(Path file) throws IOException {
    return LoadedModels.get(ModelSpec.of(file.toString(), Files.readString(file, StandardCharsets.UTF_8), List.of(),
        OPTIONS));
  }

  @Test
  void livenessIsRefusedSayingWhereToCheckIt() throws IOException {
    Path corpus = CorpusModel.requireCorpus("cluster liveness refusal");
    String why = SparkExplorer.unsupported(load(corpus.resolve("liveness-miss1.m")));
    assertNotNull(why, "a liveness property is not checked on the cluster");
    assertTrue(why.contains("liveness") && why.contains("local engine"), why);
  }

  @Test
  void aModelWithoutLivenessIsAccepted() throws IOException {
    assertNull(SparkExplorer.unsupported(load(Path.of("../protocols/models/two-phase/TwoPhase.m"))));
  }
}
