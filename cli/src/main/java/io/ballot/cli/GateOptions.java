package io.ballot.cli;

import io.ballot.cli.gate.ModelRun;
import io.ballot.dsl.settings.CheckSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * What a gated {@code ballot check} run ({@link GatedCheck}) is given, built by {@link CheckCommand} from its
 * command line. Bad values found while the runs are listed (an empty directory, a bad {@code --root}) are usage
 * errors of {@code commandLine}.
 *
 * @param files the arguments: model files, directories and project files, in order
 * @param root the directory project files' paths must stay under; null: each project file's own directory
 * @param settings the checker's options as given on the command line or their defaults, as text
 * @param explicitSettings the keys of {@code settings} given explicitly (they override the models' headers)
 * @param given what the command line sets over each model's header: explicit options and {@code --const}s
 * @param failOnDeadRules a rule that never fires fails the check
 * @param reports the report files to write
 */
record GateOptions(
    List<Path> files,
    Path root,
    CheckSettings settings,
    Set<String> explicitSettings,
    ModelRun.Given given,
    boolean failOnDeadRules,
    ReportTargets reports,
    CommandLine commandLine) {}
