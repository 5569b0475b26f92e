package io.plumb.engine.migrate;

import java.util.List;

/**
 * {@code ImplicitTxMode} gives a Flyway or golang-migrate file the transaction mode its own tool runs it in, where
 * that tool decides it from the file's statements rather than from a directive.
 *
 * <p>On PostgreSQL, Flyway runs a file that holds a statement PostgreSQL refuses in a transaction block ({@code
 * CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY}, {@code VACUUM}, {@code CREATE DATABASE}, ...) outside
 * a transaction, and golang-migrate never opens one; both formats have no directive for it. Such a file runs here
 * with {@code atlas:txmode none}, unless it names a mode itself, and is imported with that directive. The other formats say so in the file ({@code --
 * +goose NO TRANSACTION}, {@code -- migrate:up transaction:false}, {@code runInTransaction:false}, {@code
 * atlas:txmode none}), as their tools require.
 */
final class ImplicitTxMode {

    private ImplicitTxMode() {}

    /** Returns a file's directives, with a transaction mode of none where its tool would run it outside one. */
    static FileDirectives of(
            MigrationFile file, FileDirectives directives, List<Statement> statements, ScannerOptions options) {
        boolean decidedByTool = file.format() == DirFormat.FLYWAY || file.format() == DirFormat.GOLANG_MIGRATE;
        // The statements are PostgreSQL's: on MySQL and SQLite (told apart by their scanner options, the dialects'
        // own constants) the file keeps its mode; where the dialect is not known (import), it is decided as here.
        boolean otherDialect = options.equals(ScannerOptions.MYSQL) || options.equals(ScannerOptions.SQLITE);
        if (!decidedByTool || otherDialect || directives.txMode().isPresent()) {
            return directives;
        }
        boolean refused = statements.stream().anyMatch(s -> StatementAtomicity.refusesPostgresTransaction(s.text()));
        return refused ? UpSection.noTransaction(directives) : directives;
    }
}
