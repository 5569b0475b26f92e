package io.plumb.engine.revert;

import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.migrate.MigrationDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code DownOptions} are what one {@code migrate down} run is made of.
 *
 * @param url the target database's URL (it may hold a password: messages redact it)
 * @param workingDirectory where relative SQLite paths resolve
 * @param dir the migration directory
 * @param devUrl the dev database the target states are replayed on
 * @param amount how many applied files to revert, when no target version is given
 * @param toVersion the version to revert to: every file after it is reverted
 * @param dryRun whether to plan and run the checks only, changing nothing
 * @param revisionsSchema the schema of the revisions table, as {@code migrate apply} takes it
 * @param lockTimeout how long to wait for the migration lock another run holds
 * @param policy the diff policy of the project's env
 */
public record DownOptions(
        String url,
        Path workingDirectory,
        MigrationDir dir,
        String devUrl,
        int amount,
        Optional<String> toVersion,
        boolean dryRun,
        Optional<String> revisionsSchema,
        Duration lockTimeout,
        DiffPolicy policy) {

    public DownOptions {
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be positive, found " + amount);
        }
    }
}
