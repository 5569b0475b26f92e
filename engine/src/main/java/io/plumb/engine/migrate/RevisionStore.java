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

    private static final JsonFactory JSON = new JsonFactory();
    private static final String COLUMNS = "version, description, type, applied, total, executed_at, execution_time,"
            + " error, error_stmt, hash, partial_hashes, operator_version";

    private final Connection connection;
    private final String display;
    private boolean created;

    private RevisionStore(Connection connection, String display) {
        this.connection = connection;
        this.display = display;
    }

    /**
     * Returns the store of a database. SQLite keeps the table in {@code main}; naming another schema is an error.
     *
     * @throws MigrateException when the revisions schema is not one the database can hold the table in
     */
    public static RevisionStore of(Database db, Optional<String> revisionsSchema) {
        if (!db.dialect().name().equals("sqlite")) {
            throw new MigrateException(
                    "versioned migrations are not supported for " + db.dialect().name() + " yet");
        }
        if (revisionsSchema.isPresent() && !revisionsSchema.get().equals("main")) {
            throw new MigrateException("sqlite keeps the revisions table in schema \"main\": --revisions-schema \""
                    + revisionsSchema.get() + "\" is not supported");
        }
        return new RevisionStore(db.connection(), db.url().toString());
    }

    /**
     * Creates the table when it does not exist. Writes create it too, in the transaction they run in, so a run that
     * fails in its first transaction leaves no table behind.
     */
    public void init() {
        if (created) {
            return;
        }
        execute("CREATE TABLE IF NOT EXISTS `" + TABLE + "` (`version` text NOT NULL, `description` text NOT NULL,"
                + " `type` integer NOT NULL DEFAULT (2), `applied` integer NOT NULL DEFAULT (0),"
                + " `total` integer NOT NULL DEFAULT (0), `executed_at` datetime NOT NULL,"
                + " `execution_time` integer NOT NULL, `error` text NULL, `error_stmt` text NULL,"
                + " `hash` text NOT NULL, `partial_hashes` json NULL, `operator_version` text NOT NULL,"
                + " PRIMARY KEY (`version`))");
        created = true;
    }

    /** Returns whether the table exists. */
    public boolean exists() {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, TABLE);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
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
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE version <> ? ORDER BY version";
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
        String sql =
                "INSERT OR REPLACE INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, revision.version());
            insert.setString(2, revision.description());
            insert.setInt(3, revision.type());
            insert.setInt(4, revision.applied());
            insert.setInt(5, revision.total());
            insert.setString(6, RevisionTimes.format(revision.executedAt()));
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
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
    }

    private static Revision read(ResultSet rows) throws SQLException {
        return new Revision(
                rows.getString("version"),
                rows.getString("description"),
                rows.getInt("type"),
                rows.getInt("applied"),
                rows.getInt("total"),
                RevisionTimes.parse(rows.getString("executed_at")),
                Duration.ofNanos(rows.getLong("execution_time")),
                Optional.ofNullable(rows.getString("error")),
                Optional.ofNullable(rows.getString("error_stmt")),
                rows.getString("hash"),
                hashes(rows.getString("partial_hashes")),
                rows.getString("operator_version"));
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
        try (JsonGenerator json = JSON.createGenerator(text)) {
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
        try (JsonParser json = JSON.createParser(text)) {
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
