package io.plumb.engine.migrate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumb.engine.db.Database;
import io.plumb.engine.db.SqlErrors;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code RevisionStore} reads and writes the {@code atlas_schema_revisions} table of a target database, with the
 * reference tool's columns and meanings, so either tool can continue the other's history.
 *
 * <p>Writes go through the database's connection as it is: inside the caller's transaction when one is open.
 */
public final class RevisionStore {

    /** The table's name. */
    public static final String TABLE = "atlas_schema_revisions";

    // In a holder: Jackson's classes load only when a revision's partial hashes are read or written, not at every
    // start of a command that merely opens the store (migrate status on an empty table, for one).
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }
    /** The schema the table lives in for a URL bound to no schema, as the reference tool does. */
    public static final String DEFAULT_SCHEMA = "atlas_schema_revisions";

    private static final String COLUMNS = RevisionTable.COLUMNS;

    private final Connection connection;
    private final String display;
    private final RevisionTable table;
    private boolean created;

    private RevisionStore(Connection connection, String display, RevisionTable table) {
        this.connection = connection;
        this.display = display;
        this.table = table;
    }

    /**
     * Returns the store of a database. SQLite keeps the table in {@code main}; naming another schema is an error.
     * PostgreSQL and MySQL keep it in the revisions schema if given, else in the URL's bound schema, else in schema
     * {@value #DEFAULT_SCHEMA}, created with the table.
     *
     * @throws MigrateException when the revisions schema is not one the database can hold the table in
     */
    public static RevisionStore of(Database db, Optional<String> revisionsSchema) {
        String display = db.url().toString();
        String dialect = db.dialect().name();
        if (dialect.equals("sqlite")) {
            if (revisionsSchema.isPresent() && !revisionsSchema.get().equals("main")) {
                throw new MigrateException("sqlite keeps the revisions table in schema \"main\": --revisions-schema \""
                        + revisionsSchema.get() + "\" is not supported");
            }
            return new RevisionStore(db.connection(), display, new SqliteRevisions());
        }
        String schema = revisionsSchema.or(db::boundSchema).orElse(DEFAULT_SCHEMA);
        return switch (dialect) {
            case "postgres" -> new RevisionStore(db.connection(), display, new PostgresRevisions(schema));
            case "mysql" -> new RevisionStore(db.connection(), display, new MysqlRevisions(schema));
            default -> throw new MigrateException("versioned migrations are not supported for " + dialect + " yet");
        };
    }

    /** Returns the table's name as statements refer to it, qualified by its schema outside SQLite. */
    public String qualifiedName() {
        return table.qualifiedName();
    }

    /**
     * Creates the table when it does not exist. Writes create it too, in the transaction they run in, so a run that
     * fails in its first transaction leaves no table behind (where the database's DDL is transactional).
     */
    public void init() {
        if (created) {
            return;
        }
        for (String sql : table.create()) {
            execute(sql);
        }
        created = true;
    }

    /** Returns whether the table exists. */
    public boolean exists() {
        try {
            return table.exists(connection);
        } catch (SQLException e) {
            throw failure("reading", e);
        }
    }

    /** Returns the revisions ordered by version, without the reference tool's target identifier; none if no table. */
    public List<Revision> readAll() {
        if (!exists()) {
            return List.of();
        }
        List<Revision> revisions = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM " + table.qualifiedName() + " WHERE version <> ? ORDER BY version";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, Revision.CLOUD_IDENTIFIER);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    revisions.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw failure("reading", e);
        }
        return revisions;
    }

    /** Inserts or replaces a revision. */
    public void write(Revision revision) {
        init();
        try (PreparedStatement insert = connection.prepareStatement(table.upsert())) {
            insert.setString(1, revision.version());
            insert.setString(2, revision.description());
            insert.setInt(3, revision.type());
            insert.setInt(4, revision.applied());
            insert.setInt(5, revision.total());
            table.setTime(insert, 6, revision.executedAt());
            insert.setLong(7, revision.executionTime().toNanos());
            setOptional(insert, 8, revision.error());
            setOptional(insert, 9, revision.errorStatement());
            insert.setString(10, revision.hash());
            if (revision.partialHashes().isEmpty()) {
                insert.setNull(11, Types.VARCHAR);
            } else {
                insert.setString(11, json(revision.partialHashes()));
            }
            insert.setString(12, revision.operatorVersion());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    /** Deletes the revision of a version. */
    public void delete(String version) {
        init();
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + table.qualifiedName() + " WHERE version = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    // By position, in the order of COLUMNS: a lookup by name costs more than the value on a long history.
    private Revision read(ResultSet rows) throws SQLException {
        return new Revision(
                rows.getString(1),
                rows.getString(2),
                rows.getInt(3),
                rows.getInt(4),
                rows.getInt(5),
                table.time(rows, 6),
                Duration.ofNanos(rows.getLong(7)),
                Optional.ofNullable(rows.getString(8)),
                Optional.ofNullable(rows.getString(9)),
                rows.getString(10),
                hashes(rows.getString(11)),
                rows.getString(12));
    }

    private static void setOptional(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static String json(List<String> hashes) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.FACTORY.createGenerator(text)) {
            json.writeStartArray();
            for (String hash : hashes) {
                json.writeString(hash);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }

    private static List<String> hashes(@org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank() || text.equals("null")) {
            return List.of();
        }
        List<String> hashes = new ArrayList<>();
        try (JsonParser json = Json.FACTORY.createParser(text)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new MigrateException("revisions table: partial_hashes is not a JSON array: " + text);
            }
            while (json.nextToken() == JsonToken.VALUE_STRING) {
                hashes.add(json.getText());
            }
        } catch (IOException e) {
            throw new MigrateException("revisions table: partial_hashes is not valid JSON: " + text, e);
        }
        return hashes;
    }

    private void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure("creating", e);
        }
    }

    private MigrateException failure(String what, SQLException e) {
        return new MigrateException(what + " the revisions table of " + display + ": " + SqlErrors.message(e), e);
    }
}
