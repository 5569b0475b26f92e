package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateNewCommand} is {@code plumb migrate new}. */
@Command(name = "new", header = "Create a new, empty migration file.")
final class MigrateNewCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateNewCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate new is not implemented yet" + (env == null ? "" : ""));
    }
}
