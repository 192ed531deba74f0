package io.ballot.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The live progress line: when it draws, what, and that it erases itself. */
class ProgressLineTest {

  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);

  @Test
  void neverDrawsWhenDisabled() {
    ProgressLine p = new ProgressLine(err, false);
    p.progress(10, 10, 1, 5, 3.0, 1 << 20);
    p.progress(20, 20, 2, 5, 9.0, 1 << 20);
    p.finish();
    assertEquals("", text.toString());
  }

  @Test
  void nothingDuringTheFirstSecond() {
    ProgressLine p = new ProgressLine(err, true);
    p.progress(10, 10, 1, 5, 0.5, 0);
    p.progress(10, 10, 1, 5, 1.0, 0);
    p.finish();
    assertEquals("", text.toString());
  }

  @Test
  void drawsAtMostEveryHalfSecondKeepsTheDepthAndErases() {
    ProgressLine p = new ProgressLine(err, true);
    p.progress(1000, 5000, 7, 300, 0.9, 0);
    p.progress(2000, 9000, -1, 400, 2.0, 3L << 20);
    String first = "\r" + ProgressLine.line(2000, 7, 400, 2.0, 3L << 20, 0);
    assertEquals(first, text.toString());
    p.progress(2500, 9900, 8, 400, 2.3, 3L << 20); // too soon: not drawn, but the depth is kept
    assertEquals(first, text.toString());
    p.progress(3000, 9999, -1, 10, 2.6, 4L << 20);
    String line1 = ProgressLine.line(2000, 7, 400, 2.0, 3L << 20, 0);
    String line2 = ProgressLine.line(3000, 8, 10, 2.6, 4L << 20, 0);
    String pad = " ".repeat(Math.max(0, line1.length() - line2.length())); // covers a longer previous line
    String second = first + "\r" + line2 + pad;
    assertEquals(second, text.toString());
    p.finish();
    assertEquals(second + "\r" + " ".repeat(line2.length()) + "\r", text.toString());
    p.finish(); // erasing twice prints nothing more
    assertEquals(second + "\r" + " ".repeat(line2.length()) + "\r", text.toString());
  }

  @Test
  void lineText() {
    assertEquals("1,234,567 states  (617,284/s)  queue 89  depth 12  mem 45 MiB  [2.0 s]",
        ProgressLine.line(1_234_567, 12, 89, 2.0, 45L << 20, 0));
  }

  @Test
  void memoryAgainstTheLimit() {
    assertEquals("1,234,567 states  (617,284/s)  queue 89  depth 12  mem 1.2/17.6 GiB  [2.0 s]",
        ProgressLine.line(1_234_567, 12, 89, 2.0, (long) (1.2 * (1L << 30)), (long) (17.6 * (1L << 30))));
    assertEquals("mem 45/512 MiB", "mem " + ProgressLine.memory(45L << 20, 512L << 20));
  }

  @Test
  void aClusterRunShowsTheBytesShuffledSoFar() {
    ProgressLine p = new ProgressLine(err, true);
    p.progress(2000, 9000, 3, 400, 2.0, 30L << 20);
    assertTrue(!text.toString().contains("shuffle"), "a local run shuffles nothing: " + text);
    p.shuffleBytes(7L << 20);
    p.progress(4000, 19000, 4, 800, 3.0, 60L << 20);
    assertTrue(text.toString().endsWith(ProgressLine.line(4000, 4, 800, 3.0, 60L << 20, 0) + "  shuffle 7 MiB"),
        text.toString());
  }

  @Test
  void drawsTheLimitTheSearchAnnounced() {
    ProgressLine p = new ProgressLine(err, true);
    p.memoryLimit(100L << 20, "--memory");
    p.progress(2000, 9000, 3, 400, 2.0, 30L << 20);
    assertEquals("\r" + ProgressLine.line(2000, 3, 400, 2.0, 30L << 20, 100L << 20), text.toString());
    assertTrue(text.toString().contains("mem 30/100 MiB"), text.toString());
  }

  @Test
  void safeFromSeveralThreads() throws Exception {
    ProgressLine p = new ProgressLine(err, true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 1000; i++) {
          p.progress(i, i, -1, i, 1.0 + i * 0.01, 0);
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    p.finish();
    String out = text.toString();
    // every drawn line starts with \r and the last thing printed erases the line
    assertEquals('\r', out.charAt(0));
    assertEquals('\r', out.charAt(out.length() - 1));
  }
}
