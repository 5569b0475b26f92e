package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A table whose HCL names neither charset nor collation has its schema's: a charset or collation of its own goes back
 * to the schema's, on embedded MariaDB, as the reference plans it.
 */
class MysqlTableCharsetTest {

    private static final MysqlDialect DIALECT = new MysqlDialect(MysqlFlavour.MARIADB);

    private static final String FILE =
            """
            schema "DB" {
              charset = "utf8mb4"
              collate = "utf8mb4_general_ci"
            }
            table "t" {
              schema = schema.DB
              column "name" {
                type = varchar(10)
              }
            %s}
            """;

    @Test
    void aTableThatDropsItsCharsetAndCollationGoesBackToTheSchemas() throws Exception {
        String db = MariaServer.get().freshDatabase("tcs");
        // The fresh database has the server's charset: the file's is set first.
        assertThat(applied(db, "  charset = \"latin1\"\n  collate = \"latin1_bin\"\n"))
                .endsWith("CREATE TABLE `t` (`name` varchar(10) NOT NULL) CHARSET latin1 COLLATE latin1_bin");
        assertThat(collation(db)).isEqualTo("latin1_bin");
        assertThat(applied(db, ""))
                .containsExactly(
                        "ALTER TABLE `t` CHARSET utf8mb4, COLLATE utf8mb4_general_ci, MODIFY COLUMN `name` varchar(10) NOT NULL");
        assertThat(collation(db)).isEqualTo("utf8mb4_general_ci");
        assertThat(applied(db, "")).isEmpty();
    }

    @Test
    void aTableThatNamesOnlyTheSchemasCharsetOrCollationGoesBackToIt() throws Exception {
        String db = MariaServer.get().freshDatabase("tcs");
        applied(db, "  charset = \"latin1\"\n  collate = \"latin1_bin\"\n");
        assertThat(applied(db, "  charset = \"utf8mb4\"\n"))
                .containsExactly(
                        "ALTER TABLE `t` CHARSET utf8mb4, COLLATE utf8mb4_general_ci, MODIFY COLUMN `name` varchar(10) NOT NULL");
        assertThat(collation(db)).isEqualTo("utf8mb4_general_ci");
        // A collation of another charset alone names that charset; the inheriting column follows it.
        assertThat(applied(db, "  collate = \"latin1_bin\"\n"))
                .containsExactly("ALTER TABLE `t` COLLATE latin1_bin, MODIFY COLUMN `name` varchar(10) NOT NULL");
        assertThat(collation(db)).isEqualTo("latin1_bin");
        assertThat(applied(db, "  collate = \"latin1_bin\"\n")).isEmpty();
        assertThat(applied(db, "  collate = \"utf8mb4_general_ci\"\n"))
                .containsExactly(
                        "ALTER TABLE `t` CHARSET utf8mb4, COLLATE utf8mb4_general_ci, MODIFY COLUMN `name` varchar(10) NOT NULL");
        assertThat(collation(db)).isEqualTo("utf8mb4_general_ci");
    }

    @Test
    void aTableWithOnlyACollationOfItsOwnGetsBackOnlyTheSchemasCollation() throws Exception {
        String db = MariaServer.get().freshDatabase("tcs");
        applied(db, "  collate = \"utf8mb4_bin\"\n");
        assertThat(collation(db)).isEqualTo("utf8mb4_bin");
        assertThat(applied(db, ""))
                .containsExactly(
                        "ALTER TABLE `t` COLLATE utf8mb4_general_ci, MODIFY COLUMN `name` varchar(10) NOT NULL");
        assertThat(collation(db)).isEqualTo("utf8mb4_general_ci");
    }

    @Test
    void theDesiredSchemasCharsetWinsOverTheCurrentOnes() {
        Map<String, String> hebrew = Map.of("charset", "hebrew", "collate", "hebrew_bin");
        Schema current = new Schema(
                "s",
                List.of(),
                Optional.empty(),
                Map.of("charset", "latin1", "collate", "latin1_swedish_ci"),
                List.of());
        Table own = table(hebrew);
        Table bare = table(Map.of());
        Schema desired = new Schema(
                "s", List.of(), Optional.empty(), Map.of("charset", "utf8mb4", "collate", "utf8mb4_bin"), List.of());
        Schema unnamed = new Schema("s", List.of(), Optional.empty(), Map.of(), List.of());
        assertThat(DIALECT.normalizer()
                        .desiredTable(current, desired, own, bare)
                        .options())
                .isEqualTo(Map.of("charset", "utf8mb4", "collate", "utf8mb4_bin"));
        assertThat(DIALECT.normalizer()
                        .desiredTable(current, unnamed, own, bare)
                        .options())
                .isEqualTo(Map.of("charset", "latin1", "collate", "latin1_swedish_ci"));
        // The column that had the table's takes the new ones.
        assertThat(DIALECT.normalizer()
                        .desiredTable(current, unnamed, own, bare)
                        .columns()
                        .get(0)
                        .options())
                .isEqualTo(Map.of("charset", "latin1", "collate", "latin1_swedish_ci"));
        // A table that names either, or a current one that has neither of its own, is left as it is.
        assertThat(DIALECT.normalizer().desiredTable(current, desired, own, table(Map.of("collate", "hebrew_bin"))))
                .isEqualTo(table(Map.of("collate", "hebrew_bin")));
        assertThat(DIALECT.normalizer().desiredTable(current, desired, bare, bare))
                .isSameAs(bare);
    }

    private static Table table(Map<String, String> options) {
        return Table.of(
                        "t",
                        List.of(new Column(
                                "name",
                                new ColumnType.Named("varchar", List.of("10")),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                false,
                                Optional.empty(),
                                Map.of())))
                .withOptions(options);
    }

    /** Plans the file with the table options on the database, runs the plan and returns its statements. */
    private static List<String> applied(String db, String tableOptions) throws SQLException {
        return HclApply.applied(db, FILE.formatted(tableOptions));
    }

    private static String collation(String db) throws SQLException {
        try (Connection c = MariaServer.get().connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_COLLATION FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
