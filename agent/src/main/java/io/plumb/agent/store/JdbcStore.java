package io.plumb.agent.store;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.db.SqlErrors;
import io.plumb.runner.TextDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@code JdbcStore} is a {@link Store} over one JDBC connection, with the SQL both databases speak; its subclasses
 * give what differs: the id column, how claimed rows are locked, and how concurrent first starts are serialised.
 *
 * <p>Times are epoch milliseconds, lists are newline-joined text. Calls are serialised on the one connection; a
 * failure drops it, and the next call opens a new one, so that an outage of the store's database never outlives
 * the outage.
 */
public abstract class JdbcStore implements Store {

    private static final String TARGETS = "plumb_agent_target";
    private static final String CHANGELOG = "plumb_agent_changelog";
    private static final String OUTBOX = "plumb_agent_outbox";

    private final String url;
    private final Path workingDirectory;
    private @Nullable Database db;

    /** Creates a store over the database a URL names; nothing is opened until the first call. */
    protected JdbcStore(String url, Path workingDirectory) {
        this.url = url;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Opens the store a URL names: SQLite ({@code sqlite://agent.db}, the default) or PostgreSQL ({@code
     * postgres://...}, or {@code embedded://postgres/VERSION/DB}), creating its tables when missing.
     *
     * @throws StoreException when the database cannot be reached or the scheme is neither
     */
    public static Store open(String url, Path workingDirectory) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        JdbcStore store;
        if (parsed.isSqlite()) {
            store = new SqliteStore(url, workingDirectory);
        } else if (parsed.scheme().startsWith("postgres")
                || (parsed.scheme().equals("embedded") && parsed.host().startsWith("postgres"))) {
            store = new PostgresStore(url, workingDirectory);
        } else {
            throw new IllegalArgumentException(
                    "store URL " + parsed + ": expected sqlite://FILE or a PostgreSQL URL (postgres://...)");
        }
        store.transaction(c -> {
            store.migrate(c);
            return Boolean.TRUE;
        });
        return store;
    }

    /** The column definition of an increasing id. */
    protected abstract String idColumn();

    /** The clause that locks the rows a claim selects, skipping rows another agent has locked. */
    protected abstract String lockClause();

    /** Serialises concurrent creation of the tables, inside the migration's transaction. */
    protected abstract void lockForMigration(Connection c) throws SQLException;

    /** Prepares a freshly opened connection. */
    protected void configure(Connection c) throws SQLException {}

    private void migrate(Connection c) throws SQLException {
        lockForMigration(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TARGETS + " ("
                    + "name TEXT PRIMARY KEY, status TEXT, current_version TEXT, latest_version TEXT,"
                    + " pending_files TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '',"
                    + " report TEXT NOT NULL DEFAULT '{}', inspected TEXT, fingerprint TEXT, checked_at BIGINT,"
                    + " checks BIGINT NOT NULL DEFAULT 0, checked_by TEXT, lease_owner TEXT, lease_until BIGINT,"
                    + " next_due BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + CHANGELOG + " (id " + idColumn() + ", target TEXT NOT NULL,"
                    + " at BIGINT NOT NULL, fingerprint TEXT NOT NULL, diff TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS plumb_agent_changelog_target ON " + CHANGELOG + " (target, id)");
            s.execute("CREATE TABLE IF NOT EXISTS " + OUTBOX + " (id " + idColumn() + ", target TEXT NOT NULL,"
                    + " channel TEXT NOT NULL, payload TEXT NOT NULL, created_at BIGINT NOT NULL,"
                    + " attempts INTEGER NOT NULL DEFAULT 0, next_attempt BIGINT NOT NULL, delivered_at BIGINT,"
                    + " last_error TEXT)");
            s.execute(
                    "CREATE INDEX IF NOT EXISTS plumb_agent_outbox_due ON " + OUTBOX + " (delivered_at, next_attempt)");
        }
    }

    @Override
    public synchronized void register(List<String> targets, Instant now) {
        transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + TARGETS + " (name, next_due) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                for (String target : targets) {
                    insert.setString(1, target);
                    insert.setLong(2, now.toEpochMilli());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public synchronized List<String> claim(String owner, Instant now, Duration lease, int limit) {
        return transaction(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name FROM " + TARGETS
                    + " WHERE next_due <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " ORDER BY next_due, name LIMIT ?" + lockClause())) {
                select.setLong(1, now.toEpochMilli());
                select.setLong(2, now.toEpochMilli());
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE " + TARGETS + " SET lease_owner = ?, lease_until = ? WHERE name = ?")) {
                for (String name : names) {
                    update.setString(1, owner);
                    update.setLong(2, now.plus(lease).toEpochMilli());
                    update.setString(3, name);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return names;
        });
    }

    @Override
    public synchronized Optional<String> record(
            CheckRecord check, Function<Optional<String>, List<OutboxEntry.Draft>> notifications) {
        return transaction(c -> {
            Optional<String> previous = Optional.empty();
            Optional<String> previousInspected = Optional.empty();
            Optional<String> previousFingerprint = Optional.empty();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status, inspected, fingerprint FROM " + TARGETS + " WHERE name = ?" + lockClause())) {
                select.setString(1, check.target());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        previous = Optional.ofNullable(rs.getString(1));
                        previousInspected = Optional.ofNullable(rs.getString(2));
                        previousFingerprint = Optional.ofNullable(rs.getString(3));
                    }
                }
            }
            Optional<String> fingerprint = check.inspected().map(JdbcStore::sha256);
            try (PreparedStatement update = c.prepareStatement("UPDATE " + TARGETS + " SET status = ?,"
                    + " current_version = ?, latest_version = ?, pending_files = ?, message = ?, report = ?,"
                    + " inspected = COALESCE(?, inspected), fingerprint = COALESCE(?, fingerprint), checked_at = ?,"
                    + " checks = checks + 1, checked_by = ?, lease_owner = NULL, lease_until = NULL, next_due = ?"
                    + " WHERE name = ?")) {
                update.setString(1, check.status());
                setNullable(update, 2, check.currentVersion());
                setNullable(update, 3, check.latestVersion());
                update.setString(4, String.join("\n", check.pendingFiles()));
                update.setString(5, check.message());
                update.setString(6, check.reportJson());
                setNullable(update, 7, check.inspected());
                setNullable(update, 8, fingerprint);
                update.setLong(9, check.checkedAt().toEpochMilli());
                update.setString(10, check.owner());
                update.setLong(11, check.nextDue().toEpochMilli());
                update.setString(12, check.target());
                if (update.executeUpdate() == 0) {
                    throw new SQLException("target \"" + check.target() + "\" is not registered");
                }
            }
            if (fingerprint.isPresent() && !fingerprint.equals(previousFingerprint)) {
                String diff = TextDiff.unified(
                        "previous",
                        previousInspected.orElse(""),
                        "current",
                        check.inspected().orElseThrow());
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO " + CHANGELOG + " (target, at, fingerprint, diff) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, check.target());
                    insert.setLong(2, check.checkedAt().toEpochMilli());
                    insert.setString(3, fingerprint.get());
                    insert.setString(4, diff);
                    insert.executeUpdate();
                }
            }
            if (!Optional.of(check.status()).equals(previous)) {
                enqueue(c, check, notifications.apply(previous));
            }
            return previous;
        });
    }

    private static void enqueue(Connection c, CheckRecord check, List<OutboxEntry.Draft> drafts) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + OUTBOX
                + " (target, channel, payload, created_at, next_attempt) VALUES (?, ?, ?, ?, ?)")) {
            for (OutboxEntry.Draft draft : drafts) {
                insert.setString(1, check.target());
                insert.setString(2, draft.channel());
                insert.setString(3, draft.payload());
                insert.setLong(4, check.checkedAt().toEpochMilli());
                insert.setLong(5, check.checkedAt().toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public synchronized void release(String owner) {
        transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE " + TARGETS + " SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                update.setString(1, owner);
                update.executeUpdate();
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public synchronized void makeDue(List<String> names, Instant now) {
        transaction(c -> {
            if (names.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("UPDATE " + TARGETS + " SET next_due = ?")) {
                    update.setLong(1, now.toEpochMilli());
                    update.executeUpdate();
                }
                return Boolean.TRUE;
            }
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE " + TARGETS + " SET next_due = ? WHERE name = ?")) {
                for (String name : names) {
                    update.setLong(1, now.toEpochMilli());
                    update.setString(2, name);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public synchronized List<TargetState> targets() {
        return transaction(c -> readTargets(c, "", null));
    }

    @Override
    public synchronized Optional<TargetState> target(String name) {
        return transaction(c -> readTargets(c, " WHERE name = ?", name).stream().findFirst());
    }

    private static List<TargetState> readTargets(Connection c, String where, @Nullable String name)
            throws SQLException {
        List<TargetState> states = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name, status, current_version, latest_version,"
                + " pending_files, message, report, fingerprint, checked_at, checks, checked_by, lease_owner,"
                + " lease_until, next_due FROM " + TARGETS + where + " ORDER BY name")) {
            if (name != null) {
                select.setString(1, name);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String pending = rs.getString(5);
                    states.add(new TargetState(
                            rs.getString(1),
                            Optional.ofNullable(rs.getString(2)),
                            Optional.ofNullable(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)),
                            pending.isEmpty() ? List.of() : Arrays.asList(pending.split("\n")),
                            rs.getString(6),
                            rs.getString(7),
                            Optional.ofNullable(rs.getString(8)),
                            instant(rs, 9),
                            rs.getLong(10),
                            Optional.ofNullable(rs.getString(11)),
                            Optional.ofNullable(rs.getString(12)),
                            instant(rs, 13),
                            Instant.ofEpochMilli(rs.getLong(14))));
                }
            }
        }
        return states;
    }

    @Override
    public synchronized List<ChangelogEntry> changelog(String target, int limit) {
        return transaction(c -> {
            List<ChangelogEntry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, target, at, fingerprint, diff FROM "
                    + CHANGELOG + " WHERE target = ? ORDER BY id DESC LIMIT ?")) {
                select.setString(1, target);
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new ChangelogEntry(
                                rs.getLong(1),
                                rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public synchronized List<OutboxEntry> claimOutbox(Instant now, Duration lease, int limit) {
        return transaction(c -> {
            List<OutboxEntry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, target, channel, payload, created_at,"
                    + " attempts FROM " + OUTBOX + " WHERE delivered_at IS NULL AND next_attempt <= ?"
                    + " ORDER BY id LIMIT ?" + lockClause())) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new OutboxEntry(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5)),
                                rs.getInt(6)));
                    }
                }
            }
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE " + OUTBOX + " SET next_attempt = ? WHERE id = ?")) {
                for (OutboxEntry entry : entries) {
                    update.setLong(1, now.plus(lease).toEpochMilli());
                    update.setLong(2, entry.id());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return entries;
        });
    }

    @Override
    public synchronized void delivered(long id, Instant at) {
        transaction(c -> {
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE " + OUTBOX + " SET delivered_at = ?, last_error = NULL WHERE id = ?")) {
                update.setLong(1, at.toEpochMilli());
                update.setLong(2, id);
                update.executeUpdate();
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public synchronized void failed(long id, String error, Instant retryAt) {
        transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE " + OUTBOX
                    + " SET attempts = attempts + 1, last_error = ?, next_attempt = ? WHERE id = ?")) {
                update.setString(1, error);
                update.setLong(2, retryAt.toEpochMilli());
                update.setLong(3, id);
                update.executeUpdate();
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public synchronized OutboxCounts outboxCounts() {
        return transaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT"
                            + " SUM(CASE WHEN delivered_at IS NULL AND attempts = 0 THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN delivered_at IS NULL AND attempts > 0 THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) FROM " + OUTBOX)) {
                rs.next();
                return new OutboxCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }

    @Override
    public synchronized void close() {
        Database open = db;
        db = null;
        if (open != null) {
            open.close();
        }
    }

    /** A unit of work on the store's connection. */
    protected interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in one transaction, reconnecting first when the last call failed. */
    protected synchronized <T> T transaction(Work<T> work) {
        Connection c;
        try {
            Database open = db;
            if (open == null) {
                open = Database.open(url, workingDirectory);
                configure(open.connection());
                db = open;
            }
            c = open.connection();
        } catch (RuntimeException | SQLException e) {
            close();
            throw new StoreException(
                    "store " + DatabaseUrl.redactUrl(url) + " is unreachable: "
                            + DatabaseUrl.redact(String.valueOf(e.getMessage())),
                    e);
        }
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The connection is dropped below; the transaction dies with it.
            }
            close();
            throw new StoreException("store " + DatabaseUrl.redactUrl(url) + ": " + SqlErrors.message(e), e);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
