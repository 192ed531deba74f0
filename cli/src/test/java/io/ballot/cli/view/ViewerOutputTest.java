package io.ballot.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code ballot view} puts the page by default. */
class ViewerOutputTest {

  @Test
  void replacesAJsonExtensionOrAppendsHtml() {
    assertEquals(Path.of("out/result.html"), ViewerOutput.besideReport(Path.of("out/result.json")));
    assertEquals(Path.of("r.html"), ViewerOutput.besideReport(Path.of("r.JSON")));
    assertEquals(Path.of("/tmp/report.txt.html"), ViewerOutput.besideReport(Path.of("/tmp/report.txt")));
  }
}
