package io.plumb.cli;

import io.plumb.engine.migrate.DirImport;
import io.plumb.engine.migrate.MigrationDir;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateImportCommand} is {@code plumb migrate import}: it writes a Flyway, Liquibase, golang-migrate,
 * goose or dbmate directory into an empty directory of the atlas format, with its {@code atlas.sum}.
 */
@Command(
        name = "import",
        header = "Import a Flyway, Liquibase, golang-migrate, goose or dbmate directory into the atlas format.",
        description = {
            "",
            "Each migration file becomes VERSION_DESCRIPTION.sql holding the statements that run up, each with the"
                    + " comment lines directly above it; down sections and undo files are left out. Flyway repeatable"
                    + " files follow the last versioned file (3r_views.sql). The target must hold no migration file;"
                    + " atlas.sum is written last. A source with an atlas.sum must match it. It prints nothing.",
            "",
            "Example: plumb migrate import --from 'file://db/migration?format=flyway' --to file://migrations",
            ""
        })
final class MigrateImportCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(
            names = "--from",
            paramLabel = "URL",
            description = "The directory to import, with its format: file://PATH?format=flyway (default: the env's"
                    + " migration directory).")
    @Nullable
    String from;

    @Option(
            names = "--to",
            paramLabel = "URL",
            description = "The atlas directory to write, created when missing (default: file://migrations).")
    @Nullable
    String to;

    @Option(
            names = "--dir-format",
            paramLabel = "FORMAT",
            description = "The format of --from, when its URL does not name one.")
    @Nullable
    String format;

    MigrateImportCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        MigrationDir source = MigrationDir.open(DirOptions.url(from, format, selection), env.workingDirectory());
        MigrationDir target =
                MigrationDir.openOrCreate(to == null ? MigrationDir.DEFAULT_URL : to, env.workingDirectory());
        List<DirImport.ImportedFile> imported = DirImport.write(source, target);
        if (imported.isEmpty()) {
            env.err().print("nothing to import");
            env.err().println();
        }
        return 0;
    }
}
