package io.plumb.engine.testing;

import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationFile;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@code KeepingListener} passes a run's events on to another listener and hands each committed file to a
 * keeper, so that migration tests can snapshot every version a run passes without a run per file.
 */
final class KeepingListener implements ApplyListener {

    private final ApplyListener next;
    private final Consumer<MigrationFile> keeper;

    KeepingListener(ApplyListener next, Consumer<MigrationFile> keeper) {
        this.next = next;
        this.keeper = keeper;
    }

    @Override
    public void fileCommitted(MigrationFile file) {
        next.fileCommitted(file);
        keeper.accept(file);
    }

    @Override
    public void starting(ApplyReport plan) {
        next.starting(plan);
    }

    @Override
    public void checksStarting(MigrationFile file) {
        next.checksStarting(file);
    }

    @Override
    public void checksPassed(Duration elapsed) {
        next.checksPassed(elapsed);
    }

    @Override
    public void checksFailed(String message) {
        next.checksFailed(message);
    }

    @Override
    public void fileStarting(MigrationFile file) {
        next.fileStarting(file);
    }

    @Override
    public void statement(String sql) {
        next.statement(sql);
    }

    @Override
    public void fileApplied(Duration elapsed) {
        next.fileApplied(elapsed);
    }

    @Override
    public void fileFailed(String message) {
        next.fileFailed(message);
    }

    @Override
    public void finished(ApplyReport report) {
        next.finished(report);
    }
}
