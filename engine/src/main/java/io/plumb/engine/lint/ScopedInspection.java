package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.sqlite.SqliteInspector;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ScopedInspection} gives lint the dev database's realm after a statement without reading all of it when it
 * can: after a statement {@link StatementTarget} confines to one table, on SQLite, it re-reads that table alone and
 * puts it into the realm read before the statement, where a full inspection would have put it (an altered table in
 * its place, a created one last, as {@code sqlite_master} orders them). Every other
 * statement, and every other dialect, gets a full inspection. Inspecting a large schema after each statement is
 * most of lint's cost; the realm is the same either way ({@code ScopedInspectionTest}).
 */
final class ScopedInspection {

    private final Database dev;
    private final Optional<SqliteInspector> sqlite;

    ScopedInspection(Database dev) {
        this.dev = dev;
        this.sqlite = dev.dialect().inspector() instanceof SqliteInspector inspector
                ? Optional.of(inspector)
                : Optional.empty();
    }

    /** Inspects the whole dev database. */
    Realm full() {
        return dev.inspect(List.of());
    }

    /** Returns the realm after {@code statement} ran on a database whose realm before it was {@code before}. */
    Realm after(Realm before, String statement) {
        return scoped(before, statement).orElseGet(this::full);
    }

    /** Returns the realm after the statement from a scoped read, or empty when the statement needs a full one. */
    Optional<Realm> scoped(Realm before, String statement) {
        Optional<String> target = StatementTarget.table(statement);
        if (target.isEmpty() || sqlite.isEmpty() || before.schemas().size() != 1) {
            return Optional.empty();
        }
        String name = target.get();
        List<Table> read;
        try {
            read = sqlite.get().inspectTables(dev.connection(), List.of(name));
        } catch (SQLException e) {
            throw new DatabaseException("inspecting table " + name + ": " + SqlErrors.message(e), e);
        }
        // A name in another case than the stored one (SQLite's names are case-insensitive) reads nothing: the
        // statement succeeded, so the table exists, and a full inspection finds it.
        if (read.size() != 1 || !read.get(0).name().equals(name)) {
            return Optional.empty();
        }
        // Tables are in sqlite_master's order: an altered table keeps its place, a created one comes last.
        Schema schema = before.schemas().get(0);
        List<Table> tables = new ArrayList<>(schema.tables());
        int at = 0;
        while (at < tables.size() && !tables.get(at).name().equals(name)) {
            at++;
        }
        if (at < tables.size()) {
            tables.set(at, read.get(0));
        } else {
            tables.add(read.get(0));
        }
        return Optional.of(before.withSchemas(List.of(schema.withTables(tables))));
    }
}
