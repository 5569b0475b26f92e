package io.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void readsTheWorkloadsObjectsAndRowCountsButNotBookkeepingTables() throws Exception {
        SchemaFingerprint fingerprint = fingerprintOf(
                "a.db",
                "CREATE TABLE t_1 (id integer PRIMARY KEY, name text)",
                "CREATE INDEX t_1_name ON t_1 (name)",
                "INSERT INTO t_1 VALUES (1, 'a'), (2, 'b')",
                "CREATE TABLE flyway_schema_history (version text)",
                "INSERT INTO flyway_schema_history VALUES ('1')");
        assertThat(fingerprint.objects())
                .containsExactly(
                        "table t_1 on t_1: CREATE TABLE t_1 (id integer PRIMARY KEY, name text)",
                        "index t_1_name on t_1: CREATE INDEX t_1_name ON t_1 (name)");
        assertThat(fingerprint.rowCounts()).containsExactly(Map.entry("t_1", 2L));
        assertThat(fingerprint.rows()).isEqualTo(2);
    }

    @Test
    void namesTheFirstDifferingObject() throws Exception {
        SchemaFingerprint one = fingerprintOf("one.db", "CREATE TABLE t_1 (id integer)");
        SchemaFingerprint other = fingerprintOf("other.db", "CREATE TABLE t_1 (id text)");
        assertThat(one.differenceFrom(other))
                .hasValue("schema object 1 is \"table t_1 on t_1: CREATE TABLE t_1 (id integer)\" here but"
                        + " \"table t_1 on t_1: CREATE TABLE t_1 (id text)\" there");
        assertThat(one.differenceFrom(one)).isEmpty();
    }

    @Test
    void namesAMissingObjectAndADifferentRowCount() throws Exception {
        SchemaFingerprint one = fingerprintOf("one.db", "CREATE TABLE t_1 (id integer)");
        SchemaFingerprint more =
                fingerprintOf("more.db", "CREATE TABLE t_1 (id integer)", "CREATE INDEX t_1_id ON t_1 (id)");
        SchemaFingerprint rows =
                fingerprintOf("rows.db", "CREATE TABLE t_1 (id integer)", "INSERT INTO t_1 VALUES (1)");
        assertThat(one.differenceFrom(more)).hasValue("1 schema objects here but 2 there");
        assertThat(one.differenceFrom(rows)).hasValue("table t_1 has 0 rows here but 1 rows there");
    }

    private SchemaFingerprint fingerprintOf(String name, String... statements) throws Exception {
        Path database = dir.resolve(name);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return SchemaFingerprint.read(database);
    }
}
