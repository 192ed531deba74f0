package io.ballot.checker.compile;

import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.ir.Model;
import io.ballot.checker.ts.TransitionSystem;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compiles a model to JVM code: the IR is translated to the Java source of one class ({@link Generator}), which the
 * JDK's compiler turns into bytecode in memory; the class is loaded and instantiated. The result behaves exactly as
 * {@link Interpreter} does, only faster. When compilation is impossible (a JRE without {@code javax.tools}, or a
 * construct the generator does not handle, or javac failing), the interpreter is used instead and the outcome
 * says why in {@link Outcome#warning()}.
 */
public final class ModelCompiler {
  private static final String PACKAGE = "io.ballot.checker.compile.generated";
  private static final AtomicLong COUNTER = new AtomicLong();

  private ModelCompiler() {}

  /**
   * What compiling gave: the transition system (compiled, or the interpreter), whether it is compiled, a warning
   * when it is not (null otherwise), and the time spent generating source and in javac + loading.
   */
  public record Outcome(
      TransitionSystem system, boolean compiled, String warning, double generateSeconds, double compileSeconds) {
    public double seconds() {
      return generateSeconds + compileSeconds;
    }
  }

  /** Stack for generation and javac, both recursive over the model's nesting (virtual memory, mostly untouched). */
  private static final long STACK_BYTES = 512L << 20;

  /**
   * Compiles {@code model}, falling back to the interpreter (with a warning) when it cannot. Throws only the
   * {@link OutOfMemoryError} of its compiler thread. Runs on a thread of its own with a large
   * stack, so that deeply nested models do not overflow the generator or javac.
   */
  public static Outcome compile(Model model) {
    return compile(model, CompileOptions.DEFAULTS);
  }

  /** As {@link #compile(Model)}, with explicit generator options. */
  public static Outcome compile(Model model, CompileOptions options) {
    Outcome[] result = new Outcome[1];
    Throwable[] failure = new Throwable[1];
    // Whatever the compiler thread throws is handed to this one: left uncaught, the JVM would print its stack trace
    // (an OutOfMemoryError expanding a ruleset over a huge range did).
    Runnable compileHere = () -> {
      try {
        result[0] = compileHere(model, options);
      } catch (Throwable e) {
        failure[0] = e;
      }
    };
    Thread t = new Thread(null, compileHere, "ballot-compiler", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof OutOfMemoryError e) {
      throw e; // the interpreter would run out too; the caller reports the resource limit
    }
    if (result[0] == null) {
      return new Outcome(new Interpreter(model), false, "compiling the model failed"
          + (failure[0] == null ? "" : " (" + failure[0] + ")") + ": using the slower interpreter", 0, 0);
    }
    return result[0];
  }

  /**
   * Compiles a trivial class and throws it away, so that the compiler's own code is loaded and warmed up: call it on
   * a spare thread while the front end parses a model, and the model's compilation then takes a fraction of the
   * time. Never fails.
   */
  public static void warmUp() {
    try {
      if (InMemoryJavac.available()) {
        InMemoryJavac.compileAndLoad(PACKAGE + ".WarmUp", "package " + PACKAGE + "; final class WarmUp {"
            + " long f(long[] s, int i) { return i < s.length ? s[i] >>> 3 & 7L : -1L; } }");
      }
    } catch (InMemoryJavac.Failed | RuntimeException | LinkageError e) {
      // only a warm-up: the real compilation reports its own problems
    }
  }

  private static Outcome compileHere(Model model, CompileOptions options) {
    if (!InMemoryJavac.available()) {
      return new Outcome(new Interpreter(model), false,
          "no Java compiler in this runtime (a JRE rather than a JDK): using the slower interpreter", 0, 0);
    }
    long t0 = System.nanoTime();
    String simple = "M" + COUNTER.incrementAndGet();
    Generator g;
    String source;
    try {
      g = new Generator(model, PACKAGE, simple, options);
      source = g.generate();
    } catch (Unsupported e) {
      return new Outcome(new Interpreter(model), false,
          "cannot compile this model (" + e.getMessage() + "): using the slower interpreter", 0, 0);
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(new Interpreter(model), false,
          "cannot compile this model (" + e + "): using the slower interpreter", 0, 0);
    }
    long t1 = System.nanoTime();
    dump(options.dumpDirectory(), simple, source);
    try {
      Class<?> c = InMemoryJavac.compileAndLoad(PACKAGE + "." + simple, source);
      TransitionSystem ts =
          (TransitionSystem) c.getConstructor(CompiledModel.Tables.class).newInstance(g.tables());
      long t2 = System.nanoTime();
      return new Outcome(ts, true, null, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    } catch (InMemoryJavac.Failed e) {
      return new Outcome(new Interpreter(model), false,
          "compiling the model failed (" + e.getMessage() + "): using the slower interpreter", (t1 - t0) / 1e9, 0);
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Outcome(new Interpreter(model), false,
          "loading the compiled model failed (" + e + "): using the slower interpreter", (t1 - t0) / 1e9, 0);
    }
  }

  /** With a dump directory, the generated source is written there (for debugging). */
  private static void dump(java.nio.file.Path d, String simple, String source) {
    if (d != null) {
      try {
        java.nio.file.Files.createDirectories(d);
        java.nio.file.Files.writeString(d.resolve(simple + ".java"), source);
      } catch (java.io.IOException | RuntimeException e) {
        // a debugging aid only
      }
    }
  }

  /** The Java source the compiler generates for {@code model} (for debugging and tests). */
  public static String source(Model model) {
    return source(model, CompileOptions.DEFAULTS);
  }

  /** As {@link #source(Model)}, with explicit generator options. */
  public static String source(Model model, CompileOptions options) {
    return new Generator(model, PACKAGE, "M0", options).generate();
  }
}
