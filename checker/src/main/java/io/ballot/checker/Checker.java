package io.ballot.checker;

import io.ballot.checker.checkpoint.CheckpointException;
import io.ballot.checker.checkpoint.CheckpointPlan;
import io.ballot.checker.checkpoint.Checkpointer;
import io.ballot.checker.checkpoint.Fingerprint;
import io.ballot.checker.compile.InterpretFirst;
import io.ballot.checker.compile.ModelCompiler;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.explore.MemoryBudget;
import io.ballot.checker.explore.LevelSpill;
import io.ballot.checker.explore.disk.DiskExplorer;
import io.ballot.checker.explore.disk.DiskSpill;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Property;
import io.ballot.checker.result.Result;
import io.ballot.checker.result.messages.MessageTraces;
import io.ballot.checker.symmetry.SymmetryReduction;
import io.ballot.checker.ts.PrioritizedRules;
import io.ballot.checker.ts.TransitionSystem;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The one entry point of the checker: a validated IR model and options in, a {@link Result} out. Holds no state
 * between calls; several checks may run in one JVM at once.
 */
public final class Checker {
  private Checker() {}

  /** Checks {@code model}; a warning (the compiler unavailable, so the interpreter runs) goes to stderr. */
  public static Result check(Model model, CheckOptions options, ProgressListener progress) {
    return check(model, options, progress, w -> System.err.println("ballot: warning: " + w));
  }

  /** Checks {@code model}, passing any warning about how it runs (e.g. the interpreter as a fallback) to warnings. */
  public static Result check(
      Model model, CheckOptions options, ProgressListener progress, Consumer<String> warnings) {
    return check(model, options, progress, warnings, null);
  }

  /**
   * Checks {@code model}, writing checkpoints as {@code plan} says (null: none) and, when it says to resume,
   * continuing the checkpoint in its directory. A checkpoint that cannot be resumed (another model or options,
   * damaged) or a model with liveness properties (whose check needs the whole graph, which a checkpoint does not
   * keep) is a {@link CheckpointException} before the search starts.
   */
  public static Result check(Model model, CheckOptions options, ProgressListener progress,
      Consumer<String> warnings, CheckpointPlan plan) {
    return check(model, options, progress, warnings, plan, StoreChoice.AUTO);
  }

  /**
   * As above, keeping the states where {@code store} says: {@code disk} searches with {@link DiskExplorer};
   * {@code auto} searches in memory (a wide model's states moving to the tree-compressed store first, said through
   * {@code warnings}) and hands the states over to a disk search at a level boundary when the memory limit nears (or, if the limit comes within a level, searches again on disk; said through {@code
   * warnings}), unless hash compaction or liveness properties need the memory search. With checkpoints, either
   * store writes the same checkpoint and resumes either's; {@code auto} hands over by committing a checkpoint and
   * resuming it on disk ({@link #checkWithCheckpoints}). {@link #diskRefusal} says when {@code disk} cannot be used.
   */
  public static Result check(Model model, CheckOptions options, ProgressListener progress,
      Consumer<String> warnings, CheckpointPlan plan, StoreChoice store) {
    if (plan != null) {
      refuseLiveness(model);
    }
    InterpretFirst adaptive = null;
    TransitionSystem system;
    if (options.engine() == CheckOptions.Engine.COMPILED && options.compileAfter() > 0) {
      system = adaptive = InterpretFirst.of(model, options.compileAfter());
    } else {
      ModelCompiler.Outcome ts = transitions(model, options.engine());
      if (ts.warning() != null) {
        warnings.accept(ts.warning());
      }
      system = ts.system();
    }
    if (options.symmetry() != CheckOptions.Symmetry.OFF) {
      Property live = SymmetryReduction.unsoundLiveness(model);
      if (live != null) {
        warnings.accept("symmetry reduction is off for this run: liveness property \"" + live.name() + "\" ("
            + live.location() + ") is quantified over a scalarset or a multiset, and such a property can hold in a"
            + " state and fail in a permuted copy of it, which a reduced state graph does not tell apart");
        options = options.withSymmetry(CheckOptions.Symmetry.OFF);
      }
    }
    Result result;
    boolean diskAllowed = diskRefusal(model, options) == null;
    if (store.kind() == StoreChoice.Kind.DISK && !diskAllowed) {
      throw new IllegalArgumentException(diskRefusal(model, options));
    }
    if (plan != null) {
      result = checkWithCheckpoints(model, system, options, progress, warnings, plan, store, diskAllowed);
    } else if (store.kind() == StoreChoice.Kind.DISK) {
      result = new DiskExplorer(system, options, progress, store.dir()).run();
    } else {
      BfsExplorer memory = new BfsExplorer(system, options, progress);
      if (store.kind() == StoreChoice.Kind.AUTO && diskAllowed) {
        memory.spillTo(new DiskSpill(system, options, progress, store.dir(), warnings));
      }
      result = memory.run();
      LevelSpill.Continuation onDisk = memory.continuation();
      memory = null; // its states are on disk now: the heap they held is free for the disk search
      if (onDisk != null) {
        result = onDisk.run();
      } else if (store.kind() == StoreChoice.Kind.AUTO && diskAllowed && result.stopReason() != null
          && result.stopReason().startsWith(MemoryBudget.STOP_PREFIX)
          && DiskExplorer.minimumBytes(system.layout().words(), options.threads(), system.ruleCount())
              <= MemoryBudget.of(options.memoryBytes()).limit()) {
        warnings.accept("the in-memory search reached its memory limit at " + result.states() + " states (depth "
            + result.depth() + "); searching again with the states on disk (--store disk; --store memory stops"
            + " at the limit instead; the limit came within a level, before a hand-over at a level boundary, or the"
            + " states were kept as values, bare or tree-compressed, which cannot be handed over)");
        result = new DiskExplorer(system, options, progress, store.dir()).run();
      }
    }
    if (adaptive != null && adaptive.warning() != null) {
      warnings.accept(adaptive.warning()); // the compiler was needed and failed: the interpreter ran throughout
    }
    return MessageTraces.annotate(result, model.networks());
  }

  /**
   * A search that writes checkpoints as {@code plan} says, and continues the one in its directory when it says to
   * resume (written by either store). {@code disk}: the disk search. {@code memory}: the in-memory search, which stops
   * at its memory limit. {@code auto} (when {@code diskAllowed}): the in-memory search, which, where it would hand its
   * states over to a disk search (a level boundary where the next level is not expected to fit) or when it stops at
   * its memory limit (within a level, or reading back a checkpoint too big for memory), commits its last level
   * boundary and lets a disk search resume that checkpoint, said through {@code warnings}.
   */
  private static Result checkWithCheckpoints(Model model, TransitionSystem system, CheckOptions options,
      ProgressListener progress, Consumer<String> warnings, CheckpointPlan plan, StoreChoice store,
      boolean diskAllowed) {
    Fingerprint fingerprint = Fingerprint.of(model, options);
    int bits = system.layout().bits();
    int ruleLimit = Math.max(system.ruleCount(), system.startCount());
    boolean auto = store.kind() == StoreChoice.Kind.AUTO && diskAllowed
        && DiskExplorer.minimumBytes(system.layout().words(), options.threads(), system.ruleCount())
            <= MemoryBudget.of(options.memoryBytes()).limit();
    Result result;
    boolean handOver;
    try (Checkpointer checkpoints = Checkpointer.open(plan, fingerprint, bits, ruleLimit)) {
      if (store.kind() == StoreChoice.Kind.DISK) {
        return new DiskExplorer(system, options, progress, store.dir(), checkpoints).run();
      }
      BfsExplorer memory = new BfsExplorer(system, options, progress, checkpoints);
      if (auto) {
        memory.spillTo(new LevelSpill() { // a marker: the disk search below resumes the checkpoint
          @Override
          public Continuation spill(Levels levels, Carried carried) {
            return () -> null;
          }

          @Override
          public void compacted(long states, int depth, long bytesBefore, long bytesAfter) {
            warnings.accept(DiskSpill.compactedNotice(states, depth, bytesBefore, bytesAfter));
          }
        });
      }
      result = memory.run();
      handOver = memory.continuation() != null || (auto && result.stopReason() != null
          && result.stopReason().startsWith(MemoryBudget.STOP_PREFIX));
    } catch (IOException e) {
      throw new CheckpointException(CheckpointException.Kind.IO, plan.dir() + ": " + e.getMessage(), e);
    }
    if (!handOver) {
      return result;
    }
    boolean written = Checkpointer.exists(plan.dir());
    warnings.accept("the in-memory search " + (result.stopReason().equals(BfsExplorer.SPILLED)
        ? "nears its memory limit at a level boundary" : "reached its memory limit") + "; continuing "
        + (written ? "from its checkpoint in " + plan.dir() : "from the start") + " with the states on disk"
        + " (--store disk; --store memory stops at the limit instead)");
    try (Checkpointer checkpoints = Checkpointer.open(
        new CheckpointPlan(plan.dir(), plan.everySeconds(), written), fingerprint, bits, ruleLimit)) {
      return new DiskExplorer(system, options, progress, store.dir(), checkpoints).run();
    } catch (IOException e) {
      throw new CheckpointException(CheckpointException.Kind.IO, plan.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why {@code --store disk} cannot check {@code model} with {@code options}, or null: liveness properties need the
   * whole state graph in memory, and hash compaction is the other way to save memory.
   */
  public static String diskRefusal(Model model, CheckOptions options) {
    if (options.hashCompactionBits() > 0) {
      return "--store disk keeps every state exactly; it cannot be used with --hash-compaction";
    }
    Property p = model.firstLiveness();
    return p == null ? null
        : "--store disk cannot check liveness properties: their check needs the whole state graph in memory"
            + " (liveness property \"" + p.name() + "\" at " + p.location() + ")";
  }

  /** Refuses checkpoints for a model with liveness properties (the check needs the whole state graph). */
  public static void refuseLiveness(Model model) {
    Property p = model.firstLiveness();
    if (p != null) {
      throw new CheckpointException(CheckpointException.Kind.UNSUPPORTED, "--checkpoint and --resume cannot be"
          + " used with liveness properties: their check needs the whole state graph, which a checkpoint does not"
          + " keep (liveness property \"" + p.name() + "\" at " + p.location() + ")");
    }
  }

  /**
   * The model's transition system for {@code engine}: compiled (or, failing that, interpreted with a warning), with
   * CMurphi's rule priorities applied when the model has any ({@link PrioritizedRules}).
   */
  public static ModelCompiler.Outcome transitions(Model model, CheckOptions.Engine engine) {
    ModelCompiler.Outcome o = engine == CheckOptions.Engine.INTERPRETED
        ? new ModelCompiler.Outcome(new Interpreter(model), false, null, 0, 0)
        : ModelCompiler.compile(model);
    TransitionSystem ts = PrioritizedRules.wrap(model, o.system());
    return ts == o.system()
        ? o
        : new ModelCompiler.Outcome(ts, o.compiled(), o.warning(), o.generateSeconds(), o.compileSeconds());
  }
}
