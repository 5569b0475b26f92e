package io.plumb.engine.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code MysqlCharsets} is what a server gives a schema, table or column that leaves its charset or collation out: a
 * schema that names neither has the server's ({@code character_set_server}, {@code collation_server}), and one that
 * names only its charset has that charset's default collation ({@code information_schema.CHARACTER_SETS}, which
 * MariaDB's {@code character_set_collations} overrides from 11.2). A dialect built without a server knows none of
 * them ({@link #UNKNOWN}).
 *
 * @param serverCharset the server's charset, when known
 * @param serverCollation the server's collation, when known
 * @param defaults each charset's default collation on the server
 */
record MysqlCharsets(Optional<String> serverCharset, Optional<String> serverCollation, Map<String, String> defaults) {

    /** What a dialect built from HCL alone knows: nothing. */
    static final MysqlCharsets UNKNOWN = new MysqlCharsets(Optional.empty(), Optional.empty(), Map.of());

    MysqlCharsets {
        defaults = Map.copyOf(defaults);
    }

    /** Reads the charsets of the server a connection is open to, in one round trip. */
    static MysqlCharsets read(Connection connection, MysqlFlavour flavour, MysqlVersion version) throws SQLException {
        if (flavour == MysqlFlavour.MARIADB && version.atLeast(11, 2, 0)) {
            try {
                return query(connection, "@@character_set_collations");
            } catch (SQLException e) {
                // A build without the variable (an 11.2 preview): information_schema alone, as before 11.2.
            }
        }
        return query(connection, "''");
    }

    private static MysqlCharsets query(Connection connection, String overrides) throws SQLException {
        String sql = "SELECT @@character_set_server, @@collation_server, " + overrides
                + ", CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS";
        String charset = null;
        String collation = null;
        String override = null;
        Map<String, String> defaults = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                charset = rows.getString(1);
                collation = rows.getString(2);
                override = rows.getString(3);
                defaults.put(rows.getString(4), rows.getString(5));
            }
        }
        defaults.putAll(overrides(override));
        return new MysqlCharsets(Optional.ofNullable(charset), Optional.ofNullable(collation), defaults);
    }

    // character_set_collations reads "utf8mb4=utf8mb4_uca1400_ai_ci,ucs2=ucs2_uca1400_ai_ci".
    static Map<String, String> overrides(@Nullable String text) {
        Map<String, String> result = new LinkedHashMap<>();
        if (text == null) {
            return result;
        }
        for (String pair : text.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                result.put(
                        pair.substring(0, equals).strip(),
                        pair.substring(equals + 1).strip());
            }
        }
        return result;
    }

    /** Returns the collation a charset named alone gets on the server, when known. */
    Optional<String> defaultCollation(String charset) {
        return Optional.ofNullable(defaults.get(charset));
    }
}
