package io.ballot.cli.view;

import java.nio.file.Path;

/** Where {@code ballot view} writes a page when no {@code -o} is given: next to the report, {@code .html}. */
public final class ViewerOutput {

  private ViewerOutput() {}

  /** {@code dir/result.json} gives {@code dir/result.html}; a name without {@code .json} gets {@code .html} added. */
  public static Path besideReport(Path report) {
    String name = report.getFileName().toString();
    String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
        ? name.substring(0, name.length() - ".json".length()) : name;
    return report.resolveSibling(base + ".html");
  }
}
