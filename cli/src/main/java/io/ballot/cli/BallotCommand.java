package io.ballot.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code ballot} command; its subcommands are registered in {@link Main#commandLine}. */
@Command(
    name = "ballot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "A model checker for distributed protocols written in Murphi.",
    commandListHeading = "%nCommands:%n")
public final class BallotCommand implements Callable<Integer> {

  /** The option name {@link Main} looks for anywhere on the command line. */
  static final String DEBUG = "--debug";

  @Spec CommandSpec spec;

  @Option(
      names = DEBUG,
      scope = ScopeType.INHERIT,
      description = "On an internal error, print the full stack trace.")
  boolean debug;

  /** {@code ballot} alone: a usage error. */
  @Override
  public Integer call() {
    String commands =
        spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).collect(Collectors.joining(", "));
    throw new ParameterException(spec.commandLine(), "missing command (one of: " + commands + ")");
  }
}
