package io.ballot.dsl.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One model of the conformance corpus ({@code ../shared/corpus/rumur}) with the expectations in its leading
 * {@code -- key: value} comment lines, evaluated as the corpus README prescribes ({@code xml = False},
 * {@code debug = False}, {@code smt_args()} and {@code smt_bv_args()} return None; anything else that cannot be
 * evaluated counts as None).
 */
public record CorpusModel(Path path, Map<String, String> header) {

  private static final Pattern HEADER = Pattern.compile("\\s*--\\s*([a-zA-Z_]\\w*)\\s*:(.*)$");
  private static final Pattern CONDITIONAL = Pattern.compile("(.+?)\\s+if\\s+(.+?)\\s+else\\s+(.+)");

  /** Where the corpus is, relative to a module directory or the repository root; null when absent. */
  public static Path corpusDir() {
    for (String candidate : new String[] {"../../shared/corpus/rumur", "../shared/corpus/rumur"}) {
      Path p = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The corpus directory, for a test that needs it: where it is absent the test is skipped with a message naming
   * {@code what}, except where the environment variable {@code CI} is set (CI always has the corpus), where the
   * test fails instead, so that a missing corpus can never turn the conformance suite silently green.
   */
  public static Path requireCorpus(String what) {
    Path dir = corpusDir();
    if (dir == null) {
      String message = "../shared/corpus/rumur is absent: " + what;
      String ci = System.getenv("CI");
      if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
        org.junit.jupiter.api.Assertions.fail(message + " (CI is set, so this is a failure, not a skip)");
      }
      org.junit.jupiter.api.Assumptions.abort(message + " skipped");
    }
    return dir;
  }

  public static List<CorpusModel> all() throws IOException {
    Path dir = corpusDir();
    List<CorpusModel> models = new ArrayList<>();
    if (dir == null) {
      return models;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".m")).sorted().toList()) {
        models.add(read(p));
      }
    }
    return models;
  }

  static CorpusModel read(Path p) throws IOException {
    Map<String, String> header = new LinkedHashMap<>();
    for (String line : Files.readAllLines(p, StandardCharsets.ISO_8859_1)) {
      Matcher m = HEADER.matcher(line);
      if (!m.matches()) {
        break;
      }
      header.put(m.group(1), m.group(2).trim());
    }
    return new CorpusModel(p, header);
  }

  /**
   * Reads a known-exceptions resource ({@code model.m: reason} per line, '#' starts a comment) from the classpath
   * of {@code owner}; empty when the resource is absent.
   */
  public static Map<String, String> exceptions(Class<?> owner, String resource) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (java.io.InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        return out;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int colon = l.indexOf(':');
        out.put(colon < 0 ? l : l.substring(0, colon).strip(), colon < 0 ? "" : l.substring(colon + 1).strip());
      }
    }
    return out;
  }

  public String name() {
    return path.getFileName().toString();
  }

  /** The skip reason, or null when the model is to be run. */
  public String skipReason() {
    Object v = eval(header.get("skip_reason"));
    return v instanceof String s && !s.isEmpty() ? s : null;
  }

  /** True when a correct tool rejects the model at compile time. */
  public boolean mustBeRejected() {
    return truthy(eval(header.get("rumur_exit_code")));
  }

  /** True when a property of the model fails. */
  public boolean mustBeViolated() {
    return truthy(eval(header.get("checker_exit_code")));
  }

  /** The Rumur flags the outcome depends on (a Python list of strings), empty when none. */
  public List<String> rumurFlags() {
    Object v = eval(header.get("rumur_flags"));
    return v instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
  }

  private static boolean truthy(Object v) {
    return v instanceof Long n ? n != 0 : v instanceof Boolean b ? b : v != null;
  }

  /** A tiny evaluator for the Python expressions the corpus uses. Unknown forms evaluate to null (None). */
  static Object eval(String expr) {
    if (expr == null) {
      return null;
    }
    String e = expr.trim();
    Matcher c = CONDITIONAL.matcher(e);
    if (c.matches() && !e.startsWith("[")) {
      Object cond = condition(c.group(2).trim());
      if (cond == null) {
        return null;
      }
      return (Boolean) cond ? eval(c.group(1)) : eval(c.group(3));
    }
    if (e.equals("None")) {
      return null;
    }
    if (e.equals("True") || e.equals("False")) {
      return e.equals("True");
    }
    if (e.matches("-?\\d+")) {
      return Long.parseLong(e);
    }
    if (e.length() >= 2 && (e.startsWith("'") && e.endsWith("'") || e.startsWith("\"") && e.endsWith("\""))) {
      return e.substring(1, e.length() - 1);
    }
    if (e.startsWith("[") && e.endsWith("]")) {
      List<Object> items = new ArrayList<>();
      Matcher s = Pattern.compile("'([^']*)'|\"([^\"]*)\"").matcher(e);
      while (s.find()) {
        items.add(s.group(1) != null ? s.group(1) : s.group(2));
      }
      return items;
    }
    return null;
  }

  private static Boolean condition(String c) {
    return switch (c) {
      case "smt_args() is None", "smt_bv_args() is None", "not debug", "not xml", "not multithreaded" -> true;
      case "xml", "debug", "multithreaded", "smt_args() is not None", "smt_bv_args() is not None" -> false;
      default -> null;
    };
  }
}
