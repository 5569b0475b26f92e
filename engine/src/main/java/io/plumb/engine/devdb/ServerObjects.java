package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code ServerObjects} remembers the objects that statements run on a dev database created on its server rather than
 * in the database (PostgreSQL databases, tablespaces and roles; MySQL/MariaDB schemas, users and roles), and drops
 * them once the work is done, so that a shared dev server keeps nothing of a desired state loaded on it.
 *
 * <p>It knows them by the names the statements give, and only when a statement did create one: a {@code CREATE}
 * without {@code IF NOT EXISTS} that succeeded, or one with it whose object did not exist before. It never compares
 * the server's lists before and after the work, which would take the objects other sessions created meanwhile (tests
 * running in parallel on one server) for the work's. An object the statements dropped again is forgotten, one they
 * renamed is remembered under its new name.
 */
public final class ServerObjects {

    /** The kinds of server objects, in the order they are dropped: databases first, as they may use the others. */
    enum Kind {
        DATABASE,
        TABLESPACE,
        ROLE
    }

    /**
     * A server object a statement created: its kind, the name as the catalog holds it (a MySQL account {@code
     * 'user'@'host'} as written to drop it), and whether it is a MySQL/MariaDB account (user or role).
     */
    record Created(Kind kind, String name, boolean account) {}

    private final Database dev;
    private final boolean postgres;
    private final List<Created> created = new ArrayList<>();

    private ServerObjects(Database dev) {
        this.dev = dev;
        this.postgres = dev.dialect().name().equals("postgres");
    }

    /** Returns a tracker for statements run on the dev database; on SQLite, which has no server, it tracks nothing. */
    public static ServerObjects on(Database dev) {
        return new ServerObjects(dev);
    }

    /**
     * Executes one statement on the dev database's connection, remembering the server objects it created.
     *
     * @throws SQLException as the statement fails, or is refused as it would change a server object the work did not
     *     create ({@link #execute(String, Statement)})
     */
    public void execute(String sql) throws SQLException {
        try (Statement statement = dev.connection().createStatement()) {
            execute(sql, statement);
        }
    }

    /**
     * Executes one statement with a JDBC statement of the dev database's connection, which the caller closes after
     * reading its results, remembering the server objects it created.
     *
     * <p>A statement that would change a server object this tracker did not see created is refused before it runs:
     * {@code ALTER ROLE}, {@code ALTER DATABASE} or {@code COMMENT ON ROLE} of one that existed before, a PostgreSQL
     * {@code GRANT} on such a database or tablespace or of such a role to such a role, a MySQL/MariaDB {@code GRANT},
     * {@code REVOKE}, {@code ALTER USER} or {@code SET PASSWORD} for such an account, and renaming one. Dropping what
     * the work created cannot take such a change back, and the server has no earlier state to return to, so running it
     * would leave the dev server changed.
     *
     * @return as {@link Statement#execute(String)}: whether the first result is a result set
     * @throws SQLException as the statement fails or is refused (SQL state {@code 42501})
     */
    public boolean execute(String sql, Statement statement) throws SQLException {
        if (dev.dialect().name().equals("sqlite")) {
            return statement.execute(sql);
        }
        ServerStatement parsed = ServerStatement.parse(sql, postgres);
        refuseForeignChange(parsed);
        List<Created> fresh = new ArrayList<>();
        if (parsed.creates()) {
            for (Created object : parsed.objects()) {
                // Without IF NOT EXISTS a statement that succeeds created its object; with it, only a missing one.
                if (!parsed.ifNotExists() || !exists(object)) {
                    fresh.add(object);
                }
            }
        }
        boolean result = statement.execute(sql);
        if (parsed.ifNotExists() && parsed.objects().size() == 1 && hasWarning(statement.getWarnings())) {
            // The server says it existed after all (created by another session since the check): not ours.
            fresh.clear();
        }
        created.addAll(fresh);
        if (parsed.drops()) {
            created.removeIf(object -> parsed.objects().stream().anyMatch(dropped -> same(object, dropped)));
        }
        String renamedTo = parsed.renamedTo();
        if (renamedTo != null) {
            Created from = parsed.objects().get(0);
            for (int i = 0; i < created.size(); i++) {
                if (same(created.get(i), from)) {
                    created.set(i, new Created(from.kind(), renamedTo, from.account()));
                }
            }
        }
        return result;
    }

    private void refuseForeignChange(ServerStatement parsed) throws SQLException {
        String foreign = null;
        ServerChange change = parsed.change();
        if (change != null) {
            Created target = firstForeign(change.targets());
            Created grantee = firstForeign(change.grantees());
            boolean targetStays = change.targets().isEmpty() || target != null;
            boolean granteeStays = change.grantees().isEmpty() || grantee != null;
            if (targetStays && granteeStays) {
                foreign = grantee != null ? describe(grantee) : target != null ? describe(target) : "the server";
            }
        } else if (parsed.renamedTo() != null && firstForeign(parsed.objects()) != null) {
            foreign = describe(parsed.objects().get(0));
        }
        if (foreign != null) {
            throw new SQLException(
                    "refused on the dev database: the statement changes " + foreign
                            + ", which existed on the dev server before and would keep the change (create it in the"
                            + " same files, or use a dev server of its own, such as a docker:// URL)",
                    "42501");
        }
    }

    private @Nullable Created firstForeign(List<Created> objects) {
        for (Created object : objects) {
            if (created.stream().noneMatch(ours -> same(ours, object) || sameAccount(ours, object))) {
                return object;
            }
        }
        return null;
    }

    // A MySQL account named without a host in a GRANT or ALTER USER is the work's when one of that name is.
    private boolean sameAccount(Created ours, Created named) {
        if (postgres
                || ours.kind() != Kind.ROLE
                || named.kind() != Kind.ROLE
                || named.name().contains("@")) {
            return false;
        }
        return ServerStatement.accountParts(ours.name())
                .get(0)
                .equals(ServerStatement.accountParts(named.name()).get(0));
    }

    /** Returns the objects created so far and not dropped again, in creation order. */
    List<Created> created() {
        return List.copyOf(created);
    }

    /**
     * Drops the server objects the statements created, databases first, then tablespaces, then roles and users, each
     * kind newest first; a PostgreSQL role first loses what it owns and was granted in the dev database ({@code DROP
     * OWNED BY}, which also revokes its privileges on databases and tablespaces). Forgets them, also on failure.
     *
     * @throws DatabaseException naming the object that could not be dropped
     */
    public void drop() {
        List<Created> drops = new ArrayList<>(created);
        created.clear();
        java.util.Collections.reverse(drops);
        drops.sort(Comparator.comparing(Created::kind));
        for (Created object : drops) {
            List<String> statements = dropStatements(object);
            try (Statement statement = dev.connection().createStatement()) {
                if (!exists(object)) {
                    // Created in a transaction that was rolled back (a PostgreSQL check), or dropped by other means.
                    continue;
                }
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                throw new DatabaseException(
                        "dropping the " + describe(object) + " a statement created on the dev server of " + dev.url()
                                + ": " + SqlErrors.message(e),
                        e);
            }
        }
    }

    private List<String> dropStatements(Created object) {
        if (postgres) {
            String name = quotePostgres(object.name());
            return switch (object.kind()) {
                case DATABASE -> List.of("DROP DATABASE IF EXISTS " + name);
                case TABLESPACE -> List.of("DROP TABLESPACE IF EXISTS " + name);
                case ROLE -> List.of("DROP OWNED BY " + name, "DROP ROLE IF EXISTS " + name);
            };
        }
        return switch (object.kind()) {
            case DATABASE -> List.of("DROP DATABASE IF EXISTS `" + object.name().replace("`", "``") + "`");
            case TABLESPACE -> List.of("DROP TABLESPACE `" + object.name().replace("`", "``") + "`");
            case ROLE -> List.of(
                    object.account() ? "DROP USER IF EXISTS " + object.name() : "DROP ROLE IF EXISTS " + object.name());
        };
    }

    static String describe(Created object) {
        String kind =
                switch (object.kind()) {
                    case DATABASE -> "database";
                    case TABLESPACE -> "tablespace";
                    case ROLE -> object.account() ? "user" : "role";
                };
        return kind + " " + (object.name().startsWith("'") ? object.name() : "\"" + object.name() + "\"");
    }

    private static boolean same(Created a, Created b) {
        return a.kind() == b.kind() && a.account() == b.account() && a.name().equals(b.name());
    }

    private boolean exists(Created object) throws SQLException {
        String sql;
        List<String> parameters = new ArrayList<>();
        if (postgres) {
            sql = switch (object.kind()) {
                case DATABASE -> "SELECT 1 FROM pg_database WHERE datname = ?";
                case TABLESPACE -> "SELECT 1 FROM pg_tablespace WHERE spcname = ?";
                case ROLE -> "SELECT 1 FROM pg_roles WHERE rolname = ?";
            };
            parameters.add(object.name());
        } else if (object.kind() == Kind.DATABASE) {
            sql = "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?";
            parameters.add(object.name());
        } else if (object.account()) {
            sql = "SELECT 1 FROM mysql.user WHERE User = ? AND Host = ?";
            parameters.addAll(ServerStatement.accountParts(object.name()));
        } else {
            // A role of either server: any account of that name, so that one that existed is never taken for ours.
            sql = "SELECT 1 FROM mysql.user WHERE User = ?";
            parameters.add(ServerStatement.accountParts(object.name()).get(0));
        }
        try (PreparedStatement query = dev.connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean hasWarning(@Nullable SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            String message = w.getMessage() == null ? "" : w.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("exist")) {
                return true;
            }
        }
        return false;
    }

    private static String quotePostgres(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
