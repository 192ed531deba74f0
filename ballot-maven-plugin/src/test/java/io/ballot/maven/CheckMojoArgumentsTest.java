package io.ballot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arguments the plugin gives ballot: its parameters become ballot check's options. */
class CheckMojoArgumentsTest {

  @TempDir Path dir;

  private static void set(CheckMojo mojo, String field, Object value) throws Exception {
    Field f = CheckMojo.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(mojo, value);
  }

  private CheckMojo mojo() throws Exception {
    CheckMojo mojo = new CheckMojo();
    set(mojo, "basedir", dir.toFile());
    set(mojo, "projectFile", dir.resolve("ballot.yaml").toFile());
    return mojo;
  }

  @Test
  void rootBecomesRootOption() throws Exception {
    Path reports = dir.resolve("target/ballot");
    Path json = reports.resolve("ballot.json");
    List<String> plain = List.of("check", "ballot.yaml", "--junit", reports.resolve("TEST-ballot.xml").toString(),
        "--sarif", reports.resolve("ballot.sarif").toString(), "--json", json.toString(),
        "--counterexample-trace", "diff");
    assertEquals(plain, mojo().arguments(reports, json), "no root: the project file's directory tree");
    CheckMojo widened = mojo();
    set(widened, "root", new File(dir.toFile(), ".."));
    List<String> expected = new java.util.ArrayList<>(plain);
    expected.addAll(List.of("--root", new File(dir.toFile(), "..").getAbsolutePath()));
    assertEquals(expected, widened.arguments(reports, json));
  }
}
