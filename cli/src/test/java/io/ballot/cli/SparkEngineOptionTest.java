package io.ballot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code check --engine spark} where Spark is absent (ballot's own jar, and this module's tests: the cluster module's
 * Spark dependency is provided, not passed on): exit 2 with how to run it, before any model is read; and the
 * cluster-only options refused without it. The search itself is tested in the cluster module.
 */
class SparkEngineOptionTest {

  @Test
  void withoutSparkOnTheClasspathItSaysHowToRunIt() {
    assertFalse(SparkEngine.sparkPresent(), "Spark must not be on the CLI's classpath (it is provided, not shaded)");
    Cli r = Cli.run("check", "--engine", "spark", "../protocols/models/peterson.m");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("spark-submit --class io.ballot.cli.Main"), r.toString());
    assertTrue(r.err().contains("docs/cluster.md"), r.toString());
    assertFalse(r.out().contains("Result:"), r.toString());
  }

  @Test
  void masterAndPartitionsNeedTheSparkEngine() {
    Cli r = Cli.run("check", "--master", "local[2]", "../protocols/models/peterson.m");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--master and --partitions apply only to --engine spark"), r.toString());
  }

  @Test
  void checkpointsWithTheSparkEngineNeedSparkTooAndWriteNothingWithoutIt() {
    Cli r = Cli.run("check", "--engine", "spark", "--checkpoint", "target/spark-cp-nospark",
        "../protocols/models/peterson.m");
    assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("spark-submit --class io.ballot.cli.Main"), r.toString());
    assertFalse(new java.io.File("target/spark-cp-nospark").exists(), "nothing written");
  }
}
