package io.plumb.bench;

import java.nio.file.Path;

/**
 * A {@code MigrateLeg} is one way {@link MigrateBench} applies the workload to a fresh SQLite database file: the
 * {@code sqlite3} shell, Plumb as a process or in process, or Flyway. The bench times {@link #apply} as a whole.
 */
public interface MigrateLeg {

    /** Returns the leg's name, as printed in the table. */
    String name();

    /**
     * Applies every migration to the database file, which does not exist yet.
     *
     * @throws LegFailure when the tool reports a failure
     */
    void apply(Path database) throws LegFailure;
}
