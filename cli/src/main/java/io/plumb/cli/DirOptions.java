package io.plumb.cli;

import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.project.MigrationSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code DirOptions} are the flags that name a migration directory; unset, the selected env's {@code migration}
 * block names it, else {@code file://migrations}.
 */
final class DirOptions {

    @Option(names = "--dir", paramLabel = "URL", description = "The migration directory (default: file://migrations).")
    @Nullable
    String dir;

    @Option(
            names = "--dir-format",
            paramLabel = "FORMAT",
            description = "The directory format; only atlas (the default) is supported.")
    @Nullable
    String format;

    /** Returns the directory URL: the flag's, else the env's, else the default. */
    String url(ProjectSelection selection) {
        String chosen = selection.pick(dir, e -> MigrationSettings.of(e).dir()).orElse(MigrationDir.DEFAULT_URL);
        String dirFormat =
                selection.pick(format, e -> MigrationSettings.of(e).format()).orElse("atlas");
        if (!dirFormat.equals("atlas")) {
            throw new EngineFailure("unsupported migration directory format \"" + dirFormat
                    + "\": this build reads and writes the atlas format only");
        }
        return chosen;
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
