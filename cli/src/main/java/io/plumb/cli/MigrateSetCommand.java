package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateSetCommand} is {@code plumb migrate set}. */
@Command(name = "set", header = "Edit the revisions table by hand.")
final class MigrateSetCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateSetCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate set is not implemented yet" + (env == null ? "" : ""));
    }
}
