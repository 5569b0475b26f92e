package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A {@code MigrateHashCommand} is {@code plumb migrate hash}: it rewrites {@code atlas.sum} from the files. */
@Command(
        name = "hash",
        header = "Re-hash the migration directory into atlas.sum.",
        description = {"", "Run it after editing a migration file by hand. It prints nothing.", ""})
final class MigrateHashCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Mixin
    DirOptions dir = new DirOptions();

    @Option(
            names = "--force",
            description = "Deprecated, accepted for compatibility (with the reference's warning); hashing always"
                    + " rewrites the file.")
    boolean force;

    MigrateHashCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (force) {
            // The reference tool's deprecation warning, on standard error.
            env.err().println("Flag --force has been deprecated, you can safely omit it.");
            env.err().flush();
        }
        ProjectSelection selection = ProjectSelection.resolve(env, project, spec);
        dir.open(env, selection).rehash();
        return 0;
    }
}
