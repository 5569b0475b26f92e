package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateHashCommand} is {@code plumb migrate hash}. */
@Command(name = "hash", header = "Re-hash the migration directory into atlas.sum.")
final class MigrateHashCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateHashCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate hash is not implemented yet" + (env == null ? "" : ""));
    }
}
