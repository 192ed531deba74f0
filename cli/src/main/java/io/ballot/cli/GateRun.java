package io.ballot.cli;

import io.ballot.checker.CheckOptions;
import io.ballot.checker.Checker;
import io.ballot.checker.StoreChoice;
import io.ballot.checker.explore.MemoryBudget;
import io.ballot.checker.SoundnessFailure;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Manifest;
import io.ballot.checker.ir.Model;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.RuleCount;
import io.ballot.checker.result.Violation;
import io.ballot.cli.gate.Expectation;
import io.ballot.cli.gate.ModelOutcome;
import io.ballot.cli.gate.ModelOutcome.Status;
import io.ballot.cli.gate.ModelRun;
import io.ballot.cli.report.DiagnosticPrinter;
import io.ballot.cli.report.TextReporter;
import io.ballot.cli.report.TraceMode;
import io.ballot.dsl.api.LoadResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gated run: checks models one after another (each with all its threads; see docs/design.md), prints each one's
 * report and whether it met its expectation, then a summary. A model that is rejected, stopped by a limit or that
 * makes ballot fail is recorded and the run goes on with the next one.
 */
final class GateRun {

  private final CliContext context;
  private final PrintWriter out; // null: no text report (the JSON goes to stdout)
  private final PrintWriter err;
  private final TraceMode traceMode;
  private final boolean reportFiles; // whether the run writes report files (that hold expected counterexamples)

  GateRun(CliContext context, PrintWriter out, PrintWriter err, TraceMode traceMode, boolean reportFiles) {
    this.context = context;
    this.out = out;
    this.err = err;
    this.traceMode = traceMode;
    this.reportFiles = reportFiles;
  }

  /**
   * Reads every model before any is checked (its header, its constant overrides, its expected violation); when any
   * has a usage error, prints them all on stderr and returns null (the run exits 2).
   */
  List<PreparedModel> prepare(List<ModelRun> runs) {
    List<PreparedModel> prepared = new ArrayList<>();
    boolean bad = false;
    for (ModelRun r : runs) {
      PreparedModel p = PreparedModel.prepare(context.loader(), r);
      p.usageErrors().forEach(err::println);
      bad |= !p.usageErrors().isEmpty();
      prepared.add(p);
    }
    err.flush();
    return bad ? null : prepared;
  }

  /** Checks every model in order and returns what happened to each; a model read with a usage error is rejected. */
  List<ModelOutcome> run(List<PreparedModel> models) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (PreparedModel p : models) {
      ModelOutcome o = context.interrupted()
          ? new ModelOutcome(p.run(), p.name(), p.load(), null, null, "off", List.of(), Status.INCOMPLETE,
              "interrupted before it was checked", 0)
          : check(p);
      outcomes.add(o);
      if (out != null) {
        out.println("Expected: " + p.run().expect() + (o.met() ? " (met)" : " (NOT met)"));
        out.println();
        out.flush();
      }
    }
    if (out != null) {
      long met = outcomes.stream().filter(ModelOutcome::met).count();
      double seconds = outcomes.stream().mapToDouble(ModelOutcome::seconds).sum();
      out.printf(Locale.ROOT, "Gate: %d %s, %d as expected, %d not (%.2f s)%n", outcomes.size(),
          outcomes.size() == 1 ? "model" : "models", met, outcomes.size() - met, seconds);
      for (ModelOutcome o : outcomes) {
        out.println("  " + o.summaryLine());
      }
      out.flush();
    }
    return outcomes;
  }

  /** Checks one model read by {@link #prepare}; never throws for a problem confined to that model. */
  ModelOutcome check(PreparedModel p) {
    long start = System.nanoTime() - (long) (p.seconds() * 1e9);
    ModelRun r = p.run();
    String name = p.name();
    LoadResult load = p.load();
    Model model = null;
    try {
      if (p.failure() instanceof RuntimeException e) {
        throw e;
      } else if (p.failure() instanceof Error e) {
        throw e;
      }
      new DiagnosticPrinter(err).print(load, true);
      if (load.hasErrors()) {
        if (out != null) {
          out.println("Model " + name + " rejected (errors on stderr).");
        }
        return new ModelOutcome(r, name, load, null, null, "off", List.of(), null, null, since(start));
      }
      model = load.model();
      return checkLoaded(r, name, load, model, start);
    } catch (StackOverflowError | OutOfMemoryError e) {
      String what = "the JVM ran out of " + (e instanceof StackOverflowError ? "stack space" : "memory");
      err.println("ballot: " + name + ": resource limit: " + what);
      return new ModelOutcome(r, name, load, model, null, "off", List.of(), Status.INCOMPLETE, what, since(start));
    } catch (io.ballot.checker.ModelTooLarge e) {
      err.println(e.getMessage()); // located; the front end rejects such a model first (exit 3)
      return new ModelOutcome(r, name, load, model, null, "off", List.of(), Status.REJECTED, e.getMessage(),
          since(start));
    } catch (SoundnessFailure e) {
      err.println("ballot: " + name + ": soundness failure: " + e.getMessage());
      return new ModelOutcome(r, name, load, model, null, "off", List.of(), Status.UNSOUND, e.getMessage(),
          since(start));
    } catch (RuntimeException e) {
      String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      err.println("ballot: " + name + ": internal error: " + what);
      return new ModelOutcome(r, name, load, model, null, "off", List.of(), Status.ERROR, what, since(start));
    }
  }

  /**
   * Checks a model the front end accepted: the start line, the check (with its progress line), the text report and
   * the dead-rule warning; the outcome's time counts from {@code start} (a {@link System#nanoTime()}). Errors of the
   * JVM and of ballot propagate (a gated run records them, a single check exits on them).
   */
  ModelOutcome checkLoaded(ModelRun r, String name, LoadResult load, Model model, long start) {
    return checkLoaded(r, name, load, model, start, null, null);
  }

  /**
   * As above, writing checkpoints as {@code plan} says (null: none); {@code resumed} is the checkpoint the run
   * continues (null: none), named under the start line.
   */
  ModelOutcome checkLoaded(ModelRun r, String name, LoadResult load, Model model, long start,
      CheckpointPlan plan, Manifest resumed) {
    CheckOptions options = r.options();
    StoreChoice store = context.storeFor(r);
    String liveness = HashCompactionRefusal.of(model, options);
    if (liveness == null && context.cluster() == null && store.kind() == StoreChoice.Kind.DISK) {
      liveness = options.hashCompactionBits() > 0
          ? "store disk keeps every state exactly; it cannot be used with hash-compaction"
          : Checker.diskRefusal(model, options);
    }
    if (liveness != null) {
      err.println("ballot: " + name + ": " + liveness);
      return new ModelOutcome(r, name, load, model, null, "off", List.of(), Status.REJECTED, liveness, since(start));
    }
    List<String> over = CheckCommand.reducedOver(model, options);
    String mode = over.isEmpty() ? "off" : options.symmetry().name().toLowerCase(Locale.ROOT);
    if (out != null) {
      out.println(TextReporter.startLine(name, options.threads(), CheckCommand.symmetryNote(mode, over),
          MemoryBudget.describe(options.memoryBytes())
              + (options.hashCompactionBits() > 0 ? ", hash compaction " + options.hashCompactionBits() + " bits" : "")));
      if (plan != null) {
        out.println(context.cluster() != null ? context.cluster().checkpointLine(plan)
            : CheckpointOptions.startLine(plan, resumed));
      }
      out.flush();
    }
    Result result = context.cluster() != null
        ? context.cluster().check(r, name, load, options, err, context.errIsTerminal(), context::interrupted)
        : ModelCheck.check(model, options, err, context.errIsTerminal(), context::interrupted, plan, store);
    if (out != null) {
      if (!r.expect().holds() && r.expect().metBy(result)) {
        printExpected(result, r.expect(), name);
      } else {
        new TextReporter(out, traceMode).print(result);
      }
    }
    warnDeadRules(err, name, result.deadRules());
    return new ModelOutcome(r, name, load, model, result, mode, over, null, null, since(start));
  }

  /**
   * An expected violation in a gated run: one line instead of its counterexample (which the report files hold, when
   * the run writes any), then the counts and covers as usual.
   */
  private void printExpected(Result result, Expectation expect, String name) {
    Violation v = result.violations().stream().filter(expect::names).findFirst().orElseThrow();
    out.println();
    String check = "'ballot check " + name + "'";
    out.println("Result: " + TextReporter.summary(v) + ", as expected (" + (reportFiles
        ? "its counterexample of " + v.trace().size() + " steps is in the report files; " + check + " prints it)."
        : check + " prints its counterexample of " + v.trace().size() + " steps)."));
    out.println(TextReporter.countsLine(result));
    for (CoverCount c : result.covers()) {
      out.println(TextReporter.coverLine(c, !result.complete()));
    }
    out.flush();
  }

  /** {@code ballot: warning: NAME: rule "r" (m.m:4:1) never fired}, when the search was complete. */
  static void warnDeadRules(PrintWriter err, String name, List<RuleCount> dead) {
    if (!dead.isEmpty()) {
      ModelCheck.warn(err, name + ": " + ModelOutcome.deadRulesText(dead) + " never fired in any reachable state");
    }
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The exit code of a gated run: 0 when every model met its expectation; else the most serious of 1 (ballot
   * failed), 3 (a model rejected), 4 (a limit stopped a model), 15 (an outcome differed from its expectation), 16
   * (only dead rules, with --fail-on-dead-rules).
   */
  static int exitCode(List<ModelOutcome> outcomes) {
    int code = ExitCodes.OK;
    for (ModelOutcome o : outcomes) {
      code = worse(code, switch (o.status()) {
        case MET -> ExitCodes.OK;
        case ERROR -> ExitCodes.INTERNAL_ERROR;
        case UNSOUND -> ExitCodes.SOUNDNESS_FAILURE;
        case REJECTED -> ExitCodes.MODEL_REJECTED;
        case INCOMPLETE -> ExitCodes.RESOURCE_LIMIT;
        case NOT_MET -> o.failedOnlyOnDeadRules() ? ExitCodes.DEAD_RULES : ExitCodes.EXPECTATION_NOT_MET;
      });
    }
    return code;
  }

  private static final List<Integer> SEVERITY = List.of(ExitCodes.SOUNDNESS_FAILURE, ExitCodes.INTERNAL_ERROR, ExitCodes.MODEL_REJECTED,
      ExitCodes.RESOURCE_LIMIT, ExitCodes.EXPECTATION_NOT_MET, ExitCodes.DEAD_RULES, ExitCodes.OK);

  private static int worse(int a, int b) {
    return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
  }
}
