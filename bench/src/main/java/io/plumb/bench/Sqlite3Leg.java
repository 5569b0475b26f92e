package io.plumb.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code Sqlite3Leg} is the floor of {@link MigrateBench}: one {@code sqlite3} shell process that reads every
 * migration from one script, each file wrapped in its own transaction, with no bookkeeping at all.
 *
 * @param sqlite3 the shell's executable
 * @param script the script written by {@link MigrationWorkload#writeSqlite3Script}
 * @param log where the shell's output goes
 */
public record Sqlite3Leg(Path sqlite3, Path script, Path log) implements MigrateLeg {

    @Override
    public String name() {
        return "sqlite3 (one process)";
    }

    @Override
    public void apply(Path database) throws LegFailure {
        // -bail: a failing statement stops the shell with a non-zero exit instead of running on.
        new ProcessRun(List.of(sqlite3.toString(), "-bail", database.toString()), script, log).run(name());
    }
}
