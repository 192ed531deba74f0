package io.ballot.cli.gate;

import io.ballot.checker.result.Result;
import io.ballot.checker.result.Verdict;
import io.ballot.checker.result.Violation;
import java.util.Locale;

/**
 * What a gated model is expected to do: {@code holds} (every property holds, the search complete), or
 * {@code violates PROPERTY} (the search reports a violation of that property: an invariant, cover or liveness
 * property by name, an {@code assert}/{@code error} by its text, or {@code deadlock}). {@code property} is null
 * for {@code holds}.
 */
public record Expectation(String property) {

  /** The expectation of a model named without one (on the command line): every property holds. */
  public static final Expectation HOLDS = new Expectation(null);

  /** Parses {@code holds} or {@code violates NAME} (the name may be quoted); throws IllegalArgumentException. */
  public static Expectation parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.equalsIgnoreCase("holds")) {
      return HOLDS;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("violates ") || lower.startsWith("violates\t")) {
      String name = t.substring("violates".length()).strip();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1);
      }
      if (!name.isEmpty()) {
        return new Expectation(name);
      }
    }
    throw new IllegalArgumentException(
        "expected 'holds' or 'violates PROPERTY' (e.g. violates \"mutual exclusion\"), not '" + t + "'");
  }

  public boolean holds() {
    return property == null;
  }

  /** Whether {@code result} meets this expectation. */
  public boolean metBy(Result result) {
    if (holds()) {
      return result.verdict() == Verdict.HOLDS;
    }
    return result.violations().stream().anyMatch(this::names);
  }

  /**
   * Whether {@code v} is a violation of the expected property: its name (a quantified instance such as
   * {@code inv, p: 1} counts for {@code inv}), or its kind's name ({@code deadlock}, or e.g. {@code invariant}).
   */
  public boolean names(Violation v) {
    if (property == null) {
      return false;
    }
    String p = v.property();
    return p.equals(property)
        || p.startsWith(property + ", ")
        || v.kind().name().equalsIgnoreCase(property)
        || v.message().equals(property);
  }

  /** {@code holds} or {@code violates NAME}, as a project file writes it. */
  @Override
  public String toString() {
    return holds() ? "holds" : "violates " + property;
  }
}
