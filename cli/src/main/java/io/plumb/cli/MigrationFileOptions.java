package io.plumb.cli;

import io.plumb.engine.migrate.MigrationTemplate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code MigrationFileOptions} are the flags of the commands that write a migration file from a plan, {@code migrate
 * diff} and {@code migrate checkpoint}: the file template, {@code --format}, and {@code --edit}.
 */
final class MigrationFileOptions {

    @Option(
            names = "--format",
            paramLabel = "TEMPLATE",
            description = "The file template: {{ sql . }} (the default) or {{ sql . \"  \" }} to indent statements.")
    @Nullable
    String format;

    @Option(names = "--edit", description = "Open the new file in $EDITOR (default vi), then re-hash.")
    boolean edit;

    /**
     * Returns the file template: the flag's, else the env's {@code format { migrate { diff } }} (for checkpoints too,
     * as in the reference), else the default.
     *
     * @throws picocli.CommandLine.ParameterException when the template cannot write a migration file
     */
    MigrationTemplate template(CommandSpec spec, ProjectSelection selection) {
        return Flags.template(
                spec,
                format != null ? format : selection.format("migrate", "diff").orElse(null));
    }
}
