package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateValidateCommand} is {@code plumb migrate validate}. */
@Command(name = "validate", header = "Check the migration directory against atlas.sum and, with --dev-url, replay it.")
final class MigrateValidateCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateValidateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate validate is not implemented yet" + (env == null ? "" : ""));
    }
}
