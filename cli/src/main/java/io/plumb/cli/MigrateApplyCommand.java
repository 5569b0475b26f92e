package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateApplyCommand} is {@code plumb migrate apply}. */
@Command(name = "apply", header = "Apply pending migration files to a database.")
final class MigrateApplyCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateApplyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate apply is not implemented yet" + (env == null ? "" : ""));
    }
}
