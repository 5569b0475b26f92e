package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.source.SourceLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the server gives a schema, table or column that leaves its charset or collation out, on the shared embedded
 * MariaDB: a charset named alone has its default collation, and a schema naming neither has the server's, with a
 * dev database and without one, as the reference plans them.
 */
class MysqlCharsetDefaultsTest {

    private static final String TABLE =
            """
            schema "DB" {
              charset = "utf8mb4"
              collate = "utf8mb4_bin"
            }
            table "t" {
              schema = schema.DB
              column "name" {
                type = varchar(10)
            %s  }
            %s}
            """;

    @Test
    void theDialectOfAServerKnowsTheCollationsItGivesACharsetNamedAlone() throws SQLException {
        String db = MariaServer.get().freshDatabase("cdt");
        try (Database database = open(db);
                Statement s = database.connection().createStatement()) {
            MysqlCharsets charsets = MysqlCharsets.read(
                    database.connection(), MysqlFlavour.MARIADB, MysqlVersion.of(database.connection()));
            for (String charset : List.of("latin1", "utf8mb4", "hebrew")) {
                s.execute("CREATE TABLE `" + charset + "` (c varchar(1)) CHARSET " + charset);
                assertThat(charsets.defaultCollation(charset))
                        .as(charset)
                        .contains(MariaServer.get()
                                .query(
                                        database.connection(),
                                        "SELECT TABLE_COLLATION FROM information_schema.TABLES"
                                                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + charset
                                                + "'")
                                .get(0));
            }
            assertThat(charsets.defaultCollation("latin1")).contains("latin1_swedish_ci");
            assertThat(charsets.serverCharset().orElseThrow()
                            + " "
                            + charsets.serverCollation().orElseThrow())
                    .isEqualTo(MariaServer.get()
                            .query(
                                    database.connection(),
                                    "SELECT CONCAT(@@character_set_server, ' ', @@collation_server)")
                            .get(0));
        }
        assertThat(MysqlCharsets.overrides("utf8mb4=utf8mb4_uca1400_ai_ci, ucs2=ucs2_uca1400_ai_ci"))
                .isEqualTo(Map.of("utf8mb4", "utf8mb4_uca1400_ai_ci", "ucs2", "ucs2_uca1400_ai_ci"));
        assertThat(MysqlCharsets.overrides("")).isEmpty();
    }

    @Test
    void aTableThatNamesOnlyACharsetHasItsDefaultCollation() throws SQLException {
        for (boolean dev : List.of(false, true)) {
            String db = MariaServer.get().freshDatabase("cdt");
            applied(db, table("", "  charset = \"latin1\"\n  collate = \"latin1_bin\"\n"), false);
            assertThat(collations(db)).containsExactly("latin1_bin\tlatin1_bin");
            List<String> plan = applied(db, table("", "  charset = \"latin1\"\n"), dev);
            assertThat(plan)
                    .as("dev " + dev)
                    .containsExactly(
                            "ALTER TABLE `t` COLLATE latin1_swedish_ci, MODIFY COLUMN `name` varchar(10) NOT NULL");
            assertThat(collations(db)).containsExactly("latin1_swedish_ci\tlatin1_swedish_ci");
            assertThat(applied(db, table("", "  charset = \"latin1\"\n"), dev)).isEmpty();
            // The schema's charset alone: its default collation, not the schema's (the collation names the charset).
            String utf8mb4 = utf8mb4Default(db);
            assertThat(utf8mb4).isNotEqualTo("utf8mb4_bin");
            assertThat(applied(db, table("", "  charset = \"utf8mb4\"\n"), dev))
                    .containsExactly(
                            "ALTER TABLE `t` COLLATE " + utf8mb4 + ", MODIFY COLUMN `name` varchar(10) NOT NULL");
            assertThat(collations(db)).containsExactly(utf8mb4 + "\t" + utf8mb4);
            assertThat(applied(db, table("", "  charset = \"utf8mb4\"\n"), dev)).isEmpty();
        }
    }

    @Test
    void aNewTableIsCreatedWithItsCharsetAndCollationSpelledOut() throws SQLException {
        for (boolean dev : List.of(false, true)) {
            String db = MariaServer.get().freshDatabase("cdt");
            assertThat(applied(db, table("", ""), dev))
                    .as("dev " + dev)
                    .containsExactly(
                            "ALTER DATABASE `" + db + "` COLLATE utf8mb4_bin",
                            "CREATE TABLE `t` (`name` varchar(10) NOT NULL) CHARSET utf8mb4 COLLATE utf8mb4_bin");
            assertThat(collations(db)).containsExactly("utf8mb4_bin\tutf8mb4_bin");
            assertThat(applied(db, table("", ""), dev)).isEmpty();
        }
    }

    @Test
    void aColumnThatNamesOnlyACharsetHasItsDefaultCollation() throws SQLException {
        for (boolean dev : List.of(false, true)) {
            String db = MariaServer.get().freshDatabase("cdt");
            applied(db, table("    charset = \"hebrew\"\n    collate = \"hebrew_bin\"\n", ""), false);
            assertThat(collations(db)).containsExactly("utf8mb4_bin\thebrew_bin");
            assertThat(applied(db, table("    charset = \"hebrew\"\n", ""), dev))
                    .as("dev " + dev)
                    .containsExactly("ALTER TABLE `t` MODIFY COLUMN `name` varchar(10) CHARACTER SET hebrew"
                            + " COLLATE hebrew_general_ci NOT NULL");
            assertThat(collations(db)).containsExactly("utf8mb4_bin\thebrew_general_ci");
            assertThat(applied(db, table("    charset = \"hebrew\"\n", ""), dev))
                    .isEmpty();
            // An explicit collation still round-trips.
            applied(db, table("    charset = \"hebrew\"\n    collate = \"hebrew_bin\"\n", ""), dev);
            assertThat(collations(db)).containsExactly("utf8mb4_bin\thebrew_bin");
            assertThat(applied(db, table("    charset = \"hebrew\"\n    collate = \"hebrew_bin\"\n", ""), dev))
                    .isEmpty();
        }
    }

    @Test
    void aSchemaThatNamesNeitherGoesBackToTheServersWithoutADevDatabaseToo() throws SQLException {
        String file = """
                schema "DB" {
                }
                """;
        for (boolean dev : List.of(false, true)) {
            String db = MariaServer.get().freshDatabase("cdt");
            String server;
            try (Connection c = MariaServer.get().connect();
                    Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE `" + db + "` CHARACTER SET latin1 COLLATE latin1_bin");
                server = MariaServer.get()
                        .query(c, "SELECT CONCAT(@@character_set_server, ' ', @@collation_server)")
                        .get(0);
            }
            String[] charset = server.split(" ");
            assertThat(applied(db, file, dev))
                    .as("dev " + dev)
                    .containsExactly("ALTER DATABASE `" + db + "` CHARSET " + charset[0] + " COLLATE " + charset[1]);
            assertThat(applied(db, file, dev)).isEmpty();
        }
        // A dialect that knows no server leaves the schema's alone, as before.
        String db = MariaServer.get().freshDatabase("cdt");
        try (Database database = open(db);
                Statement s = database.connection().createStatement()) {
            s.execute("ALTER DATABASE `" + db + "` CHARACTER SET latin1 COLLATE latin1_bin");
            MysqlDialect offline = new MysqlDialect(MysqlFlavour.MARIADB);
            Realm current = offline.inspector().inspect(database.connection(), new InspectOptions(List.of(db)));
            assertThat(new Differ().diff(current, read(offline, db, file), DiffOptions.of(offline.normalizer())))
                    .isEmpty();
        }
    }

    private static String table(String columnOptions, String tableOptions) {
        return TABLE.formatted(columnOptions, tableOptions);
    }

    private static String utf8mb4Default(String db) throws SQLException {
        try (Database database = open(db)) {
            return MysqlCharsets.read(
                            database.connection(), MysqlFlavour.MARIADB, MysqlVersion.of(database.connection()))
                    .defaultCollation("utf8mb4")
                    .orElseThrow();
        }
    }

    private static Database open(String db) {
        return Database.open(EmbeddedServers.mariadb() + db, Path.of(""));
    }

    private static Realm read(MysqlDialect dialect, String db, String file) {
        String text = file.replace("\"DB\"", "\"" + db + "\"").replace("schema.DB", "schema." + db);
        return dialect.spec()
                .read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", text)), EvalOptions.defaults()));
    }

    /**
     * Plans the file on the database with the dialect of its server, loaded on a fresh dev database of the same
     * server when {@code dev}, runs the plan and returns its statements.
     */
    private static List<String> applied(String db, String file, boolean dev) throws SQLException {
        try (Database database = open(db);
                Statement s = database.connection().createStatement()) {
            MysqlDialect dialect = (MysqlDialect) database.dialect();
            Realm desired = read(dialect, db, file);
            if (dev) {
                try (Database devDb = open(MariaServer.get().freshDatabase("cdtdev"))) {
                    desired = SourceLoader.normalize(desired, devDb);
                }
            }
            Realm current = dialect.inspector().inspect(database.connection(), new InspectOptions(List.of(db)));
            List<SchemaChange> changes = new Differ().diff(current, desired, DiffOptions.of(dialect.normalizer()));
            List<String> sql = dialect.planner().plan(changes, PlanOptions.defaults()).changes().stream()
                    .map(PlannedChange::sql)
                    .toList();
            for (String statement : sql) {
                s.execute(statement);
            }
            return sql;
        }
    }

    // The table's collation and its column's.
    private static List<String> collations(String db) throws SQLException {
        try (Connection c = MariaServer.get().connect(db)) {
            return MariaServer.get()
                    .query(
                            c,
                            "SELECT t.TABLE_COLLATION, c.COLLATION_NAME FROM information_schema.TABLES t"
                                    + " JOIN information_schema.COLUMNS c USING (TABLE_SCHEMA, TABLE_NAME)"
                                    + " WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = 't'");
        }
    }
}
