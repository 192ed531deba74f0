package io.ballot.cli.gate;

import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.Verdict;
import io.ballot.cli.report.TextReporter;
import io.ballot.dsl.api.Diagnostic;
import io.ballot.dsl.api.LoadResult;
import io.ballot.dsl.api.Severity;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happened to one model of a run: how it was asked to run ({@code run}), the name it is reported under, what
 * the front end said ({@code load}), the model and the checker's result (both null when it was rejected or the
 * check failed), the symmetry reduction that applied ({@code symmetryMode}, {@code reducedOver}), an error that
 * stopped the check ({@code error}: null unless the JVM ran out of a resource or ballot failed), and the wall time
 * spent on the model, loading included.
 */
public record ModelOutcome(
    ModelRun run,
    String name,
    LoadResult load,
    Model model,
    Result result,
    String symmetryMode,
    List<String> reducedOver,
    Status errorStatus,
    String error,
    double seconds) {

  /** How an outcome compares with its expectation. */
  public enum Status {
    /** The expectation was met. */
    MET,
    /** The check finished and did something else than expected (or a dead rule failed it). */
    NOT_MET,
    /** The front end rejected the model. */
    REJECTED,
    /** A limit (time, memory, the JVM's heap or stack) stopped the check before it could tell. */
    INCOMPLETE,
    /** Ballot failed (a bug). */
    ERROR,
    /** The search reported a violation its concrete trace does not confirm (a bug in ballot; nothing printed). */
    UNSOUND
  }

  /** The outcome's status; see {@link Status}. */
  public Status status() {
    if (errorStatus != null) {
      return errorStatus;
    }
    if (load != null && load.hasErrors()) {
      return Status.REJECTED;
    }
    if (run.expect().metBy(result)) {
      return run.failOnDeadRules() && !deadRules().isEmpty() ? Status.NOT_MET : Status.MET;
    }
    return result.verdict() == Verdict.INCOMPLETE ? Status.INCOMPLETE : Status.NOT_MET;
  }

  /** Whether the expectation was met and only {@code --fail-on-dead-rules} failed the model (exit 16, not 15). */
  public boolean failedOnlyOnDeadRules() {
    return status() == Status.NOT_MET && run.expect().metBy(result);
  }

  public boolean met() {
    return status() == Status.MET;
  }

  /** The rules that never fired in a complete search; empty when there was no complete search. */
  public List<RuleCount> deadRules() {
    return result == null ? List.of() : result.deadRules();
  }

  /** The errors the front end reported, in order. */
  public List<Diagnostic> loadErrors() {
    return load == null ? List.of()
        : load.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /**
   * What happened, in a few words: {@code holds}, {@code invariant "x" violated at m.m:3:1}, {@code rejected: ...},
   * {@code incomplete (stopped: ...)}, {@code holds, but rule "r" (m.m:4:1) never fired}.
   */
  public String outcomeText() {
    if (error != null) {
      return (switch (errorStatus) {
        case INCOMPLETE -> "stopped: ";
        case UNSOUND -> "soundness failure: ";
        default -> "internal error: ";
      }) + error;
    }
    if (load != null && load.hasErrors()) {
      List<Diagnostic> errors = loadErrors();
      return "rejected: " + (errors.isEmpty() ? "errors" : errors.get(0).headline())
          + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
    String text = TextReporter.verdictText(result);
    if (result.verdict() == Verdict.VIOLATED) {
      String where = TextReporter.location(result.violations().get(0).location());
      text += where == null ? "" : " at " + where;
    }
    List<RuleCount> dead = deadRules();
    if (!dead.isEmpty()) {
      text += ", but " + deadRulesText(dead) + " never fired";
    }
    return text;
  }

  /** {@code rule "a" (m.m:3:1)} or {@code rules "a" (m.m:3:1) and "b" (m.m:9:1)}. */
  public static String deadRulesText(List<RuleCount> dead) {
    String each = dead.stream()
        .map(r -> "\"" + r.rule() + "\" (" + TextReporter.location(r.location()) + ")")
        .collect(Collectors.joining(", "));
    return (dead.size() == 1 ? "rule " : "rules ") + each;
  }

  /** One line for the run's summary: {@code ok   m.m: expected holds, got holds (0.12 s)}. */
  public String summaryLine() {
    String tag = switch (status()) {
      case MET -> "ok";
      case NOT_MET -> "FAIL";
      case REJECTED -> "REJECTED";
      case INCOMPLETE -> "STOPPED";
      case ERROR -> "ERROR";
      case UNSOUND -> "UNSOUND";
    };
    return String.format(Locale.ROOT, "%-8s %s: expected %s, got %s (%.2f s)", tag, name, run.expect(),
        outcomeText(), seconds);
  }
}
