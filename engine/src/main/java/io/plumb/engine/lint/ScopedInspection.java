package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.postgres.PostgresInspector;
import io.plumb.engine.dialect.sqlite.SqliteInspector;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Sequence;
import io.plumb.engine.schema.Table;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ScopedInspection} gives lint the dev database's realm after a statement without reading all of it when it
 * can: after a statement {@link StatementTarget} confines to one table, on SQLite and PostgreSQL, it re-reads that
 * table alone and puts it into the realm read before the statement, where a full inspection would have put it (on
 * SQLite in {@code sqlite_master}'s order: an altered table in its place, a created one last; on PostgreSQL by name).
 * After {@code DROP TABLE t} it takes the table out of that realm, and after {@code DROP INDEX i} it re-reads the
 * index's table; what they drop is looked up before they run ({@link #prepare}), since it is gone after. On
 * PostgreSQL the table must be a plain table outside any inheritance or partitioning, and after a statement that
 * could also change a sequence or a count of unsupported objects those are read again and must not have changed.
 * Every other statement, and every other dialect, gets a full inspection. Inspecting a large schema after each
 * statement is most of lint's cost; the realm is the same either way ({@code ScopedInspectionTest}, {@code
 * PostgresScopedInspectionTest}).
 */
final class ScopedInspection {

    // The table a name resolves to, and whether it is a plain table no other table inherits from or is part of.
    private static final String RESOLVE = "SELECT n.nspname, c.relname, c.relkind = 'r' AND NOT c.relispartition"
            + " AND NOT c.relhassubclass AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $OID";

    private static final String TABLE_OID = "to_regclass(?)";

    private static final String INDEX_TABLE_OID =
            "(SELECT x.indrelid FROM pg_index x WHERE x.indexrelid = to_regclass(?))";

    // The table DROP TABLE would drop, and whether dropping it takes nothing along that the realm holds outside
    // it: it must be plain, have no triggers or policies (schema objects of their own), and nothing else may
    // depend on it (a view, another table's foreign key; the drop fails then without CASCADE anyway). Sequences
    // its columns own, rules and statistics objects are checked after the drop.
    private static final String PG_DROP_TABLE = "SELECT c.oid::text, n.nspname, c.relname, c.relkind = 'r'"
            + " AND NOT c.relispartition AND NOT c.relhassubclass"
            + " AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_class'::regclass"
            + " AND d.refobjid = c.oid AND d.deptype = 'n' AND NOT (d.classid = 'pg_constraint'::regclass"
            + " AND EXISTS (SELECT 1 FROM pg_constraint k WHERE k.oid = d.objid AND k.conrelid = c.oid)))"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)";

    // The index DROP INDEX would drop and its table, and whether the table is plain and no constraint uses the
    // index (the drop fails then anyway).
    private static final String PG_DROP_INDEX = "SELECT i.oid::text, n.nspname, c.relname, i.relkind = 'i'"
            + " AND c.relkind = 'r' AND NOT c.relispartition AND NOT c.relhassubclass"
            + " AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = c.oid)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid)"
            + " FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class c ON c.oid = x.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.oid = to_regclass(?)";

    private static final String PG_GONE = "SELECT NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = ?::oid)";

    private static final String SQLITE_TABLE_TRIGGERS =
            "SELECT count(*) FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE";

    private static final String SQLITE_INDEX_TABLE =
            "SELECT tbl_name FROM main.sqlite_master WHERE type = 'index' AND name = ?";

    private static final String SQLITE_GONE =
            "SELECT NOT EXISTS (SELECT 1 FROM main.sqlite_master WHERE type = ? AND name = ?)";

    private final Database dev;
    private final Optional<SqliteInspector> sqlite;
    private final Optional<PostgresInspector> postgres;

    ScopedInspection(Database dev) {
        this.dev = dev;
        this.sqlite = dev.dialect().inspector() instanceof SqliteInspector inspector
                ? Optional.of(inspector)
                : Optional.empty();
        this.postgres = dev.dialect().inspector() instanceof PostgresInspector inspector
                ? Optional.of(inspector)
                : Optional.empty();
    }

    /** Inspects the whole dev database. */
    Realm full() {
        return dev.inspect(List.of());
    }

    /**
     * Reads, before a statement runs, what the scoped inspection after it needs and cannot read then: the table a
     * {@code DROP TABLE} removes, the table of the index a {@code DROP INDEX} removes. Other statements need nothing,
     * and no query is made for them.
     */
    Prepared prepare(String statement) {
        try {
            if (sqlite.isPresent()) {
                return new Prepared(statement, sqliteDrop(statement));
            }
            if (postgres.isPresent()) {
                return new Prepared(statement, postgresDrop(statement));
            }
        } catch (SQLException e) {
            throw new DatabaseException("inspecting before " + statement + ": " + SqlErrors.message(e), e);
        }
        return new Prepared(statement, Optional.empty());
    }

    /** Returns the realm after a prepared statement ran on a database whose realm before it was {@code before}. */
    Realm after(Realm before, Prepared statement) {
        return scoped(before, statement).orElseGet(this::full);
    }

    /** Returns the realm after the statement from a scoped read, or empty when the statement needs a full one. */
    Optional<Realm> scoped(Realm before, Prepared prepared) {
        String statement = prepared.statement();
        try {
            if (prepared.drop().isPresent()) {
                return dropped(before, prepared.drop().get());
            }
            if (sqlite.isPresent()) {
                return sqliteScoped(sqlite.get(), before, statement);
            }
            if (postgres.isPresent()) {
                return postgresScoped(postgres.get(), before, statement);
            }
        } catch (SQLException e) {
            throw new DatabaseException("inspecting after " + statement + ": " + SqlErrors.message(e), e);
        }
        return Optional.empty();
    }

    /**
     * A statement about to run, and what it drops when that can be scoped.
     *
     * @param statement the statement
     * @param drop what a {@code DROP TABLE} or {@code DROP INDEX} drops, looked up before it runs
     */
    record Prepared(String statement, Optional<Dropped> drop) {}

    /**
     * A table or index a statement drops, as it was before the statement.
     *
     * @param schema the schema of the table
     * @param table the table dropped, or whose index is dropped
     * @param index the index dropped, empty when the table is
     * @param oid on PostgreSQL the dropped relation's oid, which must be gone after the statement; else empty
     */
    record Dropped(String schema, String table, Optional<String> index, String oid) {}

    private Optional<Dropped> sqliteDrop(String statement) throws SQLException {
        Optional<StatementTarget.Drop> target = StatementTarget.sqliteDrop(statement);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String name = target.get().name();
        if (target.get().index()) {
            try (PreparedStatement st = dev.connection().prepareStatement(SQLITE_INDEX_TABLE)) {
                st.setString(1, name);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Dropped(SqliteInspector.MAIN, rs.getString(1), Optional.of(name), ""))
                            : Optional.empty();
                }
            }
        }
        // The table's triggers, schema objects of their own, go with it.
        try (PreparedStatement st = dev.connection().prepareStatement(SQLITE_TABLE_TRIGGERS)) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0
                        ? Optional.of(new Dropped(SqliteInspector.MAIN, name, Optional.empty(), ""))
                        : Optional.empty();
            }
        }
    }

    private Optional<Dropped> postgresDrop(String statement) throws SQLException {
        Optional<StatementTarget.Drop> target = StatementTarget.postgresDrop(statement);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        boolean index = target.get().index();
        try (PreparedStatement st = dev.connection().prepareStatement(index ? PG_DROP_INDEX : PG_DROP_TABLE)) {
            st.setString(1, target.get().name());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(4)) {
                    return Optional.empty();
                }
                Optional<String> dropped = index ? Optional.of(target.get().name()) : Optional.empty();
                return Optional.of(new Dropped(rs.getString(2), rs.getString(3), dropped, rs.getString(1)));
            }
        }
    }

    // The realm after a drop: the table taken out of it, or the table of the dropped index read again. The dropped
    // relation must be gone (an unqualified name can find a temporary one first), and on PostgreSQL a dropped
    // table must have taken no sequence or unsupported object along.
    private Optional<Realm> dropped(Realm before, Dropped drop) throws SQLException {
        if (before.schema(drop.schema()).isEmpty() || !gone(drop)) {
            return Optional.empty();
        }
        if (drop.index().isPresent()) {
            List<Table> read = sqlite.isPresent()
                    ? sqlite.get().inspectTables(dev.connection(), List.of(drop.table()))
                    : postgres.orElseThrow().inspectTables(dev.connection(), drop.schema(), List.of(drop.table()));
            if (read.size() != 1 || !read.get(0).name().equals(drop.table())) {
                return Optional.empty();
            }
            return Optional.of(splice(before, drop.schema(), read.get(0), postgres.isPresent()));
        }
        Optional<Realm> removed = remove(before, drop.schema(), drop.table());
        if (removed.isPresent() && postgres.isPresent() && !sameOutsideTables(postgres.get(), removed.get())) {
            return Optional.empty();
        }
        return removed;
    }

    private boolean gone(Dropped drop) throws SQLException {
        boolean pg = postgres.isPresent();
        try (PreparedStatement st = dev.connection().prepareStatement(pg ? PG_GONE : SQLITE_GONE)) {
            st.setString(1, pg ? drop.oid() : drop.index().isPresent() ? "index" : "table");
            if (!pg) {
                st.setString(2, drop.index().orElse(drop.table()));
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Optional<Realm> sqliteScoped(SqliteInspector inspector, Realm before, String statement)
            throws SQLException {
        Optional<String> target = StatementTarget.table(statement);
        if (target.isEmpty() || before.schemas().size() != 1) {
            return Optional.empty();
        }
        String name = target.get();
        List<Table> read = inspector.inspectTables(dev.connection(), List.of(name));
        // A name in another case than the stored one (SQLite's names are case-insensitive) reads nothing: the
        // statement succeeded, so the table exists, and a full inspection finds it.
        if (read.size() != 1 || !read.get(0).name().equals(name)) {
            return Optional.empty();
        }
        return Optional.of(splice(before, before.schemas().get(0).name(), read.get(0), false));
    }

    private Optional<Realm> postgresScoped(PostgresInspector inspector, Realm before, String statement)
            throws SQLException {
        Optional<StatementTarget.Relation> target = StatementTarget.postgres(statement);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        StatementTarget.Relation relation = target.get();
        String sql = RESOLVE.replace("$OID", relation.index() ? INDEX_TABLE_OID : TABLE_OID);
        String schema;
        String name;
        try (PreparedStatement st = dev.connection().prepareStatement(sql)) {
            st.setString(1, relation.name());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(3)) {
                    return Optional.empty();
                }
                schema = rs.getString(1);
                name = rs.getString(2);
            }
        }
        // A table outside the inspected schemas (a temporary one, another schema of a bound URL) is not in the
        // realm, and a full inspection decides.
        if (before.schema(schema).isEmpty()) {
            return Optional.empty();
        }
        List<Table> read = inspector.inspectTables(dev.connection(), schema, List.of(name));
        if (read.size() != 1) {
            return Optional.empty();
        }
        if (relation.sideEffects() && !sameOutsideTables(inspector, before)) {
            return Optional.empty();
        }
        return Optional.of(splice(before, schema, read.get(0), true));
    }

    // Whether the sequences and the unsupported counts a full inspection would read are still those of the realm.
    private boolean sameOutsideTables(PostgresInspector inspector, Realm before) throws SQLException {
        InspectOptions options =
                new InspectOptions(dev.boundSchema().map(List::of).orElse(List.of()));
        Map<String, Integer> counts = inspector.inspectUnsupported(dev.connection(), options);
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (before.unsupported().getOrDefault(count.getKey(), 0).intValue() != count.getValue()) {
                return false;
            }
        }
        Map<String, List<SchemaObject>> sequences = inspector.inspectSequences(dev.connection(), options);
        for (String schema : sequences.keySet()) {
            if (before.schema(schema).isEmpty()) {
                return false;
            }
        }
        for (Schema schema : before.schemas()) {
            List<SchemaObject> had =
                    schema.objects().stream().filter(o -> o instanceof Sequence).toList();
            if (!had.equals(sequences.getOrDefault(schema.name(), List.of()))) {
                return false;
            }
        }
        return true;
    }

    // The realm without the table of the schema, or empty when the realm does not hold it.
    private static Optional<Realm> remove(Realm before, String schemaName, String table) {
        List<Schema> schemas = new ArrayList<>(before.schemas());
        for (int s = 0; s < schemas.size(); s++) {
            Schema schema = schemas.get(s);
            if (!schema.name().equals(schemaName)) {
                continue;
            }
            List<Table> tables = new ArrayList<>(schema.tables());
            if (!tables.removeIf(t -> t.name().equals(table))) {
                return Optional.empty();
            }
            schemas.set(s, schema.withTables(tables));
            return Optional.of(before.withSchemas(schemas));
        }
        return Optional.empty();
    }

    // The realm with the table put into its schema in place of the table of its name, or else where the inspection
    // orders it: by name, byte by byte over UTF-8 (PostgreSQL's "C" order for names) when byName, else last
    // (SQLite's sqlite_master order, in which a created table comes last).
    private static Realm splice(Realm before, String schemaName, Table table, boolean byName) {
        List<Schema> schemas = new ArrayList<>(before.schemas());
        for (int s = 0; s < schemas.size(); s++) {
            Schema schema = schemas.get(s);
            if (!schema.name().equals(schemaName)) {
                continue;
            }
            List<Table> tables = new ArrayList<>(schema.tables());
            int same = 0;
            while (same < tables.size() && !tables.get(same).name().equals(table.name())) {
                same++;
            }
            if (same < tables.size()) {
                tables.set(same, table);
            } else if (byName) {
                int at = 0;
                while (at < tables.size() && compare(tables.get(at).name(), table.name()) < 0) {
                    at++;
                }
                tables.add(at, table);
            } else {
                tables.add(table);
            }
            schemas.set(s, schema.withTables(tables));
        }
        return before.withSchemas(schemas);
    }

    private static int compare(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
