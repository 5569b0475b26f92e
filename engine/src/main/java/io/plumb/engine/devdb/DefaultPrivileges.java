package io.plumb.engine.devdb;

import io.plumb.engine.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * {@code DefaultPrivileges} are a PostgreSQL dev database's default privileges for all schemas ({@code ALTER DEFAULT
 * PRIVILEGES} without {@code IN SCHEMA}), read before a use so that cleaning can bring them back: they belong to the
 * database, not to a schema the cleaning drops, and a desired state's {@code ALTER DEFAULT PRIVILEGES REVOKE EXECUTE
 * ON FUNCTIONS FROM PUBLIC} would otherwise give the next one loaded on the dev database functions it did not grant
 * that way. Those for one schema go with the schema.
 *
 * @param lists each entry's access control list as text, by its role (as {@code regrole} prints it) and object kind
 */
record DefaultPrivileges(Map<List<String>, String> lists) {

    private static final String READ = "SELECT defaclrole::regrole::text, defaclobjtype::text, defaclacl::text"
            + " FROM pg_default_acl WHERE defaclnamespace = 0";

    // The entries of a list, or of the built-in default of the role and kind when there is none (the list is NULL).
    // pg_default_acl says S for sequences, where acldefault says s (S is a foreign server there).
    private static final String EXPLODE = "SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE e.grantee::regrole::text"
            + " END, e.privilege_type, e.is_grantable FROM aclexplode(coalesce(?::aclitem[],"
            + " acldefault(CASE ? WHEN 'S' THEN 's' ELSE ? END::\"char\", ?::regrole))) e ORDER BY 1, 3, 2";

    private static final Map<String, String> OBJECTS =
            Map.of("r", "TABLES", "S", "SEQUENCES", "f", "FUNCTIONS", "T", "TYPES", "n", "SCHEMAS");

    DefaultPrivileges {
        lists = Map.copyOf(lists);
    }

    /** Reads the dev database's default privileges for all schemas. */
    static DefaultPrivileges read(Database dev) throws SQLException {
        Map<List<String>, String> lists = new HashMap<>();
        try (PreparedStatement query = dev.connection().prepareStatement(READ);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                lists.put(List.of(rows.getString(1), rows.getString(2)), rows.getString(3));
            }
        }
        return new DefaultPrivileges(lists);
    }

    /**
     * Returns the statements that bring the dev database's default privileges back to these: for each role and kind
     * whose list changed, everything is revoked from the grantees it has now, and what it had is granted again (the
     * server drops an entry that is back to the built-in default).
     */
    List<String> restore(Database dev) throws SQLException {
        Map<List<String>, String> now = read(dev).lists();
        TreeSet<List<String>> keys = new TreeSet<>((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
        keys.addAll(lists.keySet());
        keys.addAll(now.keySet());
        List<String> statements = new ArrayList<>();
        for (List<String> key : keys) {
            String objects = OBJECTS.get(key.get(1));
            if (objects == null || Objects.equals(lists.get(key), now.get(key))) {
                continue;
            }
            String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + key.get(0) + " ";
            for (String grantee : grants(dev, key, now.get(key)).keySet().stream()
                    .map(g -> g.get(0))
                    .distinct()
                    .toList()) {
                statements.add(prefix + "REVOKE ALL ON " + objects + " FROM " + grantee);
            }
            grants(dev, key, lists.get(key))
                    .forEach((grantee, privileges) -> statements.add(prefix + "GRANT "
                            + String.join(", ", privileges) + " ON " + objects + " TO " + grantee.get(0)
                            + (grantee.get(1).equals("t") ? " WITH GRANT OPTION" : "")));
        }
        return statements;
    }

    // The privileges of a list (or of the built-in default when it is null), by grantee and whether grantable.
    private static Map<List<String>, List<String>> grants(Database dev, List<String> key, @Nullable String list)
            throws SQLException {
        Map<List<String>, List<String>> grants = new LinkedHashMap<>();
        // An empty list read back from its text has no dimension, which aclexplode refuses; it grants nothing.
        if ("{}".equals(list)) {
            return grants;
        }
        try (PreparedStatement query = dev.connection().prepareStatement(EXPLODE)) {
            query.setString(1, list);
            query.setString(2, key.get(1));
            query.setString(3, key.get(1));
            query.setString(4, key.get(0));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    grants.computeIfAbsent(
                                    List.of(rows.getString(1), rows.getBoolean(3) ? "t" : "f"), k -> new ArrayList<>())
                            .add(rows.getString(2));
                }
            }
        }
        return grants;
    }
}
