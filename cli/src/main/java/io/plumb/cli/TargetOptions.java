package io.plumb.cli;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code TargetOptions} name the database whose migration history a command reads or changes, and where its
 * revisions table is.
 */
final class TargetOptions {

    @Option(
            names = {"-u", "--url"},
            paramLabel = "URL",
            description = "The target database.")
    @Nullable
    String url;

    @Option(
            names = "--revisions-schema",
            paramLabel = "NAME",
            description = "The schema of the revisions table (SQLite: main only).")
    @Nullable
    String revisionsSchema;

    /** Returns the target URL: the flag's, else the env's; missing is a usage error. */
    String url(ProjectSelection selection, CommandSpec spec) {
        return selection.pick(url, e -> e.url()).orElseThrow(() -> Flags.missing(spec, "url"));
    }

    /** Returns the revisions schema: the flag's, else the env's migration block's. */
    Optional<String> revisionsSchema(ProjectSelection selection) {
        return selection.pick(revisionsSchema, e -> selection.migration().revisionsSchema());
    }
}
