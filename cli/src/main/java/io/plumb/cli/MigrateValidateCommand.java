package io.plumb.cli;

import io.plumb.engine.migrate.DirReplay;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A {@code MigrateValidateCommand} is {@code plumb migrate validate}: it checks the directory against its {@code
 * atlas.sum} and, given a dev database, that every file executes.
 */
@Command(
        name = "validate",
        header = "Check the migration directory's checksums, and with --dev-url its SQL.",
        description = {
            "",
            "With --dev-url every file is executed, in order, on the dev database, which must be clean and is left"
                    + " clean. It prints nothing when the directory is valid.",
            ""
        })
final class MigrateValidateCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Option(names = "--dev-url", paramLabel = "URL", description = "A dev database to execute the files on.")
    @Nullable
    String devUrl;

    MigrateValidateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        MigrationDir directory = dir.open(env, selection);
        List<MigrationFile> files = directory.validate();
        Optional<String> dev = selection.pick(devUrl, e -> e.dev());
        if (dev.isPresent()) {
            try (Workspace workspace = new Workspace(env, selection)) {
                DirReplay.replay(workspace.open(dev.get()), files);
            }
        }
        return 0;
    }
}
