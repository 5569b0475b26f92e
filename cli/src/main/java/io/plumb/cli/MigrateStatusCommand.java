package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateStatusCommand} is {@code plumb migrate status}. */
@Command(name = "status", header = "Report which migration files a database has applied.")
final class MigrateStatusCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateStatusCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate status is not implemented yet" + (env == null ? "" : ""));
    }
}
