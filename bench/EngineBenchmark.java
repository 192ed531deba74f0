import io.ballot.checker.CheckOptions;
import io.ballot.checker.CheckOptions.DeadlockMode;
import io.ballot.checker.ProgressListener;
import io.ballot.checker.compile.ModelCompiler;
import io.ballot.checker.explore.BfsExplorer;
import io.ballot.checker.interp.Interpreter;
import io.ballot.checker.result.Result;
import io.ballot.dsl.api.FrontEnd;
import io.ballot.dsl.api.LoadResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the interpreter against compiled code on one model: {@code EngineBenchmark MODEL [THREADS [ROUNDS]]}.
 * A benchmark, not a test: run it from the repository root with the CLI jar on the class path (Java's single-file
 * launcher compiles this file): {@code java -Xss16m -Xmx4g -cp cli/target/ballot.jar bench/EngineBenchmark.java
 * bench/models/counters.m 1 3}.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  public static void main(String[] args) {
    LoadResult load = new FrontEnd().load(Path.of(args[0]));
    if (load.hasErrors()) {
      System.err.println(load.diagnostics());
      System.exit(1);
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    CheckOptions options = new CheckOptions(threads, 0, DeadlockMode.STUTTERING, 0, 1, 0);
    for (int round = 1; round <= rounds; round++) {
      Result a = new BfsExplorer(new Interpreter(load.model()), options, ProgressListener.NONE).run();
      print(round, "interpreted", a, 0);
      ModelCompiler.Outcome o = ModelCompiler.compile(load.model());
      if (!o.compiled()) {
        System.out.println("not compiled: " + o.warning());
      }
      Result b = new BfsExplorer(o.system(), options, ProgressListener.NONE).run();
      print(round, "compiled", b, o.seconds());
    }
  }

  private static void print(int round, String engine, Result r, double compile) {
    System.out.printf(Locale.ROOT, "round %d %-11s %s states=%d rules=%d explore %.2f s (%,.0f states/s)%s%n",
        round, engine, r.verdict(), r.states(), r.rulesFired(), r.seconds(), r.states() / r.seconds(),
        compile > 0 ? String.format(Locale.ROOT, ", compile %.2f s", compile) : "");
  }
}
