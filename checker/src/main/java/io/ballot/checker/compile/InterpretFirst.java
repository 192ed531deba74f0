package io.ballot.checker.compile;

import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ts.Effects;
import io.ballot.checker.ts.ForwardingTransitionSystem;
import io.ballot.checker.ts.ModelError;
import io.ballot.checker.ts.PrioritizedRules;
import io.ballot.checker.ts.TransitionSystem;
import java.util.function.Function;

/**
 * The compiled engine without waiting for javac: a search starts on the interpreter, and once it grows (it has
 * expanded {@code compileAfterStates} states or run {@code compileAfterMillis}) the model is compiled on a
 * background thread while the interpreter goes on; the explorer switches to the compiled code, at a batch boundary,
 * when it is ready. Both engines give the same observations (guards, successors, property values, covers, errors,
 * in the same order: the differential tests pin it), so the switch changes no count, trace, message or exit code,
 * only the speed. A small model is thus checked without javac at all; a model the compiler cannot handle stays on
 * the interpreter, with the compiler's warning ({@link #warning()}) once it was tried.
 *
 * <p>Calls made through this object go to the engine current at the time ({@link #current()}); an explorer's hot
 * loop calls {@link #current()} once per batch and the engine itself per state. One instance serves one search.
 */
public final class InterpretFirst extends ForwardingTransitionSystem {
  /**
   * The time a search runs on the interpreter before the compiler starts (unless it grew past its states first).
   * Not shorter: on a loaded machine an 80-state search took longer than 25 ms, and the javac runs it started, of
   * no use once the search had ended, slowed the editor's next diagnostics.
   */
  public static final long COMPILE_AFTER_MILLIS = 100;

  private final TransitionSystem interpreted;
  private final Model model;
  private final int compileAfterStates;
  private final long compileAfterNanos;
  /** Test mode: compile before the search and switch at exactly the state {@code compileAfterStates}. */
  private final boolean exact;
  private final Function<Model, ModelCompiler.Outcome> compiler;
  private volatile TransitionSystem current;
  private volatile ModelCompiler.Outcome outcome; // the compiler's, once it finished
  private volatile boolean started;

  private InterpretFirst(Model model, int compileAfterStates, long compileAfterMillis, boolean exact,
      Function<Model, ModelCompiler.Outcome> compiler) {
    super(PrioritizedRules.wrap(model, new Interpreter(model)));
    this.model = model;
    this.interpreted = inner;
    this.current = interpreted;
    this.compileAfterStates = Math.max(0, compileAfterStates);
    this.compileAfterNanos = compileAfterMillis * 1_000_000L;
    this.exact = exact;
    this.compiler = compiler;
  }

  /**
   * Interprets {@code model} until the search has expanded {@code compileAfterStates} states or run {@link
   * #COMPILE_AFTER_MILLIS}, then compiles it in the background and switches once the compiled code is ready.
   */
  public static InterpretFirst of(Model model, int compileAfterStates) {
    return new InterpretFirst(model, compileAfterStates, COMPILE_AFTER_MILLIS, false, ModelCompiler::compile);
  }

  /** As {@link #of(Model, int)} with an explicit delay and compiler (tests: a compiler made beforehand, or one that fails). */
  static InterpretFirst of(
      Model model, int compileAfterStates, long compileAfterMillis, Function<Model, ModelCompiler.Outcome> compiler) {
    return new InterpretFirst(model, compileAfterStates, compileAfterMillis, false, compiler);
  }

  /**
   * For tests: the search switches to {@code compiled} (made beforehand by {@link ModelCompiler#compile}, so one
   * compilation serves several searches) when it starts expanding the first state whose id is at least {@code at}
   * (ids grow in discovery order from 0, with gaps between the threads' blocks of ids, so that is after at most
   * {@code at} states), in the middle of a level or a batch if that is where the state falls; {@code at} = 0
   * switches after the start states. A {@code compiled} outcome that is not compiled never switches.
   */
  public static InterpretFirst switchingAt(Model model, ModelCompiler.Outcome compiled, int at) {
    InterpretFirst f = new InterpretFirst(model, at, Long.MAX_VALUE / 2_000_000L, true, ModelCompiler::compile);
    f.started = true;
    f.outcome = compiled;
    return f;
  }

  /** The engine to call now: the interpreter, or the compiled code once the search switched to it. */
  public TransitionSystem current() {
    return current;
  }

  /** Whether the search has switched to compiled code. */
  public boolean switched() {
    return current != interpreted;
  }

  /**
   * Told at batch boundaries that the search has expanded states up to id {@code expanded} after {@code nanos}:
   * starts the compiler once the search has grown, and switches when the compiled code is ready. Returns the engine
   * for the next batch.
   */
  public TransitionSystem grown(long expanded, long nanos) {
    if (!started && (expanded >= compileAfterStates || nanos >= compileAfterNanos)) {
      startCompiler();
    }
    if (!exact && current == interpreted) {
      ModelCompiler.Outcome o = outcome;
      if (o != null && o.compiled()) {
        current = PrioritizedRules.wrap(model, o.system());
      }
    }
    return current;
  }

  /**
   * The id from which the state being expanded should run on {@link #switchNow()}'s engine within a batch (only in
   * the test mode of {@link #switchingAt}); {@link Integer#MAX_VALUE} otherwise.
   */
  public int switchAt() {
    return exact && current == interpreted && outcome.compiled() ? compileAfterStates : Integer.MAX_VALUE;
  }

  /** Switches now to the compiled code made before the search (test mode), and returns the engine to call. */
  public TransitionSystem switchNow() {
    ModelCompiler.Outcome o = outcome;
    if (current == interpreted && o != null && o.compiled()) {
      synchronized (this) {
        if (current == interpreted) {
          current = PrioritizedRules.wrap(model, o.system());
        }
      }
    }
    return current;
  }

  /** The compiler's warning (it could not compile, so the interpreter ran throughout), once it finished; else null. */
  public String warning() {
    ModelCompiler.Outcome o = outcome;
    return o == null ? null : o.warning();
  }

  private synchronized void startCompiler() {
    if (started) {
      return;
    }
    started = true;
    Thread t = new Thread(() -> {
      try {
        outcome = compiler.apply(model);
      } catch (Throwable e) { // an OutOfMemoryError compiling: the search goes on interpreted
        outcome = new ModelCompiler.Outcome(interpreted, false, null, 0, 0);
      }
    }, "ballot-compile-behind");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }

  // ------------------------------------------------------------------------------------------ delegation
  // The model's shape (layout, rules, properties, covers, rendering) is the interpreter's, through the forwarding
  // base; what runs a state goes to the engine current at the time.

  @Override
  public boolean runStart(int i, long[] out, Effects fx) throws ModelError {
    return current.runStart(i, out, fx);
  }

  @Override
  public boolean guard(int i, long[] state) throws ModelError {
    return current.guard(i, state);
  }

  @Override
  public boolean fire(int i, long[] state, long[] next, Effects fx) throws ModelError {
    return current.fire(i, state, next, fx);
  }

  @Override
  public boolean holds(int i, long[] state) throws ModelError {
    return current.holds(i, state);
  }
}
