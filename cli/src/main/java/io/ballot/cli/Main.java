package io.ballot.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point of {@code ballot}. Holds no state: every {@link #run} builds its own command tree. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (LspCommand.startsTheServer(args)) {
      System.exit(LspCommand.serve()); // an editor starting the server: no command tree to build first
    }
    System.exit(run(args, System.out, System.err, ModelLoader::frontEnd, true));
  }

  /** Runs one {@code ballot} command line in-process and returns its exit code (see {@link ExitCodes}). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, ModelLoader::frontEnd);
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, with the front end supplied by the caller (for tests). */
  public static int run(String[] args, PrintStream out, PrintStream err, Supplier<ModelLoader> loaders) {
    return run(args, out, err, loaders, false);
  }

  /** As above; {@code ownProcess}: the JVM is ballot's own, so Ctrl-C may stop a check (see {@link CliContext}). */
  private static int run(
      String[] args, PrintStream out, PrintStream err, Supplier<ModelLoader> loaders, boolean ownProcess) {
    return run(args, out, err, new CliContext(loaders, err == System.err && stderrIsTerminal(), ownProcess));
  }

  /**
   * Runs one command line for a client of the daemon ({@link io.ballot.cli.daemon}): {@code errIsTerminal} is the
   * client's, and {@code interrupter} receives, before the command starts, what asks the run to stop as the first
   * Ctrl-C of a plain run does (the client forwards its Ctrl-C). {@code ansi}: whether help and usage messages
   * are coloured, as {@link #ansiEnabled} answered in the client's process. The daemon's own signals are left alone.
   */
  public static int runServed(String[] args, PrintStream out, PrintStream err, Supplier<ModelLoader> loaders,
      boolean errIsTerminal, boolean ansi, Consumer<Runnable> interrupter) {
    CliContext context = new CliContext(loaders, errIsTerminal, false);
    interrupter.accept(context::interrupt);
    return run(args, out, err, context, ansi ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
  }

  /**
   * Whether picocli colours help and usage messages in this process (its {@code Ansi.AUTO}: a terminal, and the
   * environment's {@code NO_COLOR}, {@code CLICOLOR_FORCE}...). A daemon has no terminal, so its client asks this.
   */
  public static boolean ansiEnabled() {
    return CommandLine.Help.Ansi.AUTO.enabled();
  }

  private static int run(String[] args, PrintStream out, PrintStream err, CliContext context) {
    return run(args, out, err, context, null);
  }

  private static int run(
      String[] args, PrintStream out, PrintStream err, CliContext context, CommandLine.Help.Ansi ansi) {
    // Model files are UTF-8, and so is everything ballot prints (formatted models, source lines in diagnostics),
    // whatever the platform's default charset is.
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cl = commandLine(context);
    if (ansi != null) {
      cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    }
    cl.setOut(outWriter);
    cl.setErr(errWriter);
    try {
      return cl.execute(args);
    } catch (StackOverflowError | OutOfMemoryError e) {
      return Failures.resourceLimit(e, errWriter, Failures.debugRequested(cl.getParseResult()));
    } catch (RuntimeException | Error e) {
      // Picocli passes exceptions from commands to the execution exception handler; this catches what escapes it.
      return Failures.internalError(e, errWriter, Failures.debugRequested(cl.getParseResult()));
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /**
   * True when the JVM's stderr is a terminal. {@link System#console()} is null when stdin or stdout is redirected;
   * from Java 22 it may be non-null anyway, and {@code Console.isTerminal()} (looked up reflectively: ballot targets
   * Java 17) tells.
   */
  public static boolean stderrIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // Java 17-21: a console exists only when attached to a terminal
    }
  }

  /** The command tree: {@code ballot} and its subcommands, with ballot's error handling. */
  static CommandLine commandLine(CliContext context) {
    CommandLine cl = new CommandLine(new BallotCommand());
    cl.addSubcommand(new ValidateCommand(context));
    cl.addSubcommand(new FormatCommand(context));
    cl.addSubcommand(new CheckCommand(context));
    cl.addSubcommand(new SimulateCommand(context));
    cl.addSubcommand(new ReplayCommand(context));
    cl.addSubcommand(new ViewCommand());
    cl.addSubcommand(new LspCommand());
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.descriptions());
    // Settings below apply to the subcommands added above, so they come after them.
    cl.setParameterExceptionHandler(Failures::usage);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) ->
            Failures.internalError(ex, cmd.getErr(), Failures.debugRequested(parseResult)));
    return cl;
  }
}
