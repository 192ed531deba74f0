package io.ballot.cli.report;

import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ir.Property;
import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.ir.SourceLocation;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.Violation;
import io.ballot.checker.result.ViolationKind;
import io.ballot.cli.gate.Expectation;
import io.ballot.cli.gate.ModelOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One property of a checked model as a test case: an invariant, a liveness property, a cover, deadlock freedom, or
 * the model's {@code assert}/{@code error} statements (with the run-time errors), and what the check said of it.
 * {@code violation} is the first violation of it (or null); {@code expected} says the model's expectation names it.
 */
public record PropertyCase(
    ViolationKind kind, String name, SourceLocation location, Violation violation, boolean expected) {

  /** How the case came out: its test status in a report. */
  public enum Verdict {
    /** Checked and as expected (held, or violated on purpose). */
    PASSED,
    /** Violated though it should hold, or held though it should have been violated. */
    FAILED,
    /** Not checked to the end (the search stopped first): no verdict. */
    NOT_CHECKED
  }

  /** The case's verdict given the search's completeness. */
  public Verdict verdict(Result result) {
    if (violation != null) {
      return expected ? Verdict.PASSED : Verdict.FAILED;
    }
    if (!result.complete()) {
      return Verdict.NOT_CHECKED;
    }
    return expected ? Verdict.FAILED : Verdict.PASSED;
  }

  /** The test name, e.g. {@code invariant "mutual exclusion"}, {@code deadlock freedom}. */
  public String title() {
    return switch (kind) {
      case INVARIANT -> "invariant \"" + name + "\"";
      case LIVENESS -> "liveness \"" + name + "\"";
      case COVER -> "cover \"" + name + "\"";
      case DEADLOCK -> "deadlock freedom";
      case ASSERTION -> "assert and error statements";
    };
  }

  /** The cases of a checked model ({@code outcome.result()} not null), in report order. */
  public static List<PropertyCase> of(ModelOutcome outcome) {
    Result result = Objects.requireNonNull(outcome.result());
    Expectation expect = outcome.run().expect();
    List<PropertyCase> out = new ArrayList<>();
    for (Property p : outcome.model().properties()) {
      ViolationKind kind = p.kind() == PropertyKind.ASSERTION ? ViolationKind.INVARIANT
          : p.kind() == PropertyKind.LIVENESS ? ViolationKind.LIVENESS : null;
      if (kind != null) {
        String name = p.name() != null ? p.name() : p.keyword() + " at " + p.location();
        out.add(make(kind, name, p.location(), result, expect));
      }
    }
    for (CoverCount c : result.covers()) {
      out.add(make(ViolationKind.COVER, c.property(), c.location(), result, expect));
    }
    if (outcome.run().options().deadlock() != DeadlockMode.OFF) {
      out.add(make(ViolationKind.DEADLOCK, "deadlock", null, result, expect));
    }
    out.add(make(ViolationKind.ASSERTION, "assertions", null, result, expect));
    return out;
  }

  private static PropertyCase make(
      ViolationKind kind, String name, SourceLocation at, Result result, Expectation expect) {
    Violation found = null;
    for (Violation v : result.violations()) {
      if (matches(v, kind, name, at)) {
        found = v;
        break;
      }
    }
    boolean expected = found != null ? expect.names(found) : names(expect, kind, name);
    return new PropertyCase(kind, name, at, found, expected);
  }

  /** Whether {@code v} is a violation of this case: same kind, and same property (by location, else by name). */
  private static boolean matches(Violation v, ViolationKind kind, String name, SourceLocation at) {
    if (v.kind() != kind) {
      return false;
    }
    if (kind == ViolationKind.DEADLOCK || kind == ViolationKind.ASSERTION) {
      return true;
    }
    if (at != null && v.location() != null) {
      return at.equals(v.location()) && (kind != ViolationKind.COVER || v.property().equals(name));
    }
    return v.property().equals(name) || v.property().startsWith(name + ", ");
  }

  /** Whether a property with no violation is the one the expectation says is violated. */
  private static boolean names(Expectation expect, ViolationKind kind, String name) {
    if (expect.holds()) {
      return false;
    }
    return kind == ViolationKind.DEADLOCK ? expect.property().equalsIgnoreCase("deadlock")
        : kind != ViolationKind.ASSERTION && expect.property().equals(name);
  }
}
