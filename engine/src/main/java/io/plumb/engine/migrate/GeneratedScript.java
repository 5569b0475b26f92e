package io.plumb.engine.migrate;

/**
 * A {@code GeneratedScript} gives the statements of a migration file that is not SQL: a run of changesets of a
 * Liquibase XML, YAML or JSON changelog, whose SQL depends on the database it runs on, as Liquibase writes it.
 */
public interface GeneratedScript {

    /**
     * Returns the file's script for a dialect.
     *
     * @throws MigrationFileException {@code NAME:line:col: detail} at a change that cannot be written for the dialect
     */
    MigrationScript script(MigrationFile file, ScannerOptions options);
}
