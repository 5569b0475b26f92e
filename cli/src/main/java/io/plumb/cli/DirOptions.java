package io.plumb.cli;

import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.project.MigrationSettings;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code DirOptions} are the flags that name a migration directory; unset, the selected env's {@code migration}
 * block names it, else {@code file://migrations}.
 */
final class DirOptions {

    @Option(
            names = "--dir",
            paramLabel = "URL",
            description = "The migration directory, file://PATH, with ?format=flyway (liquibase, golang-migrate, goose,"
                    + " dbmate) for another tool's layout (default: file://migrations).")
    @Nullable
    String dir;

    @Option(
            names = "--dir-format",
            paramLabel = "FORMAT",
            description = "The directory format: atlas (the default), flyway, liquibase, golang-migrate, goose or"
                    + " dbmate; the same as the URL's ?format=.")
    @Nullable
    String format;

    /** Returns the directory URL: the flag's, else the env's, else the default; with the format flag's or env's. */
    String url(ProjectSelection selection) {
        return url(dir, format, selection);
    }

    /** Returns a directory URL from flags, else from the env's {@code migration} block, else the default. */
    static String url(@Nullable String dirFlag, @Nullable String formatFlag, ProjectSelection selection) {
        String chosen =
                selection.pick(dirFlag, e -> MigrationSettings.of(e).dir()).orElse(MigrationDir.DEFAULT_URL);
        Optional<String> dirFormat =
                selection.pick(formatFlag, e -> MigrationSettings.of(e).format());
        return dirFormat.map(f -> MigrationDir.withFormat(chosen, f)).orElse(chosen);
    }

    /** Opens the directory, which must exist. */
    MigrationDir open(CliEnvironment cli, ProjectSelection selection) {
        return MigrationDir.open(url(selection), cli.workingDirectory());
    }

    /** Opens the directory, creating it when missing. */
    MigrationDir openOrCreate(CliEnvironment cli, ProjectSelection selection) {
        return MigrationDir.openOrCreate(url(selection), cli.workingDirectory());
    }
}
