package io.plumb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code MigrateDiffCommand} is {@code plumb migrate diff}. */
@Command(name = "diff", header = "Write the migration that brings the directory to the desired state.")
final class MigrateDiffCommand implements Callable<Integer> {

    private final CliEnvironment env;

    MigrateDiffCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        throw new EngineFailure("migrate diff is not implemented yet" + (env == null ? "" : ""));
    }
}
