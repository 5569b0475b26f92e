package io.plumb.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.schema.ColumnType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests what the inline-expectation cases under {@code testdata/lint} cannot say of the dialect analyzers: PG103,
 * which sits at the top of the file, when {@code error = true} fails a file (PG103 alone and MY102 never do), and
 * PostgreSQL's rule of which type changes rewrite a table.
 */
class DialectAnalyzersTest {

    private static final String BASE = "CREATE TABLE t (c int, d int);\nCREATE INDEX i1 ON t (c);\n";

    @Test
    void concurrentIndexInATransactionIsReportedAtTheTopOfTheFile() {
        FileReport file = lintPostgres(LintConfig.NONE, "CREATE INDEX CONCURRENTLY i2 ON t (c);\n");
        assertThat(diagnostics(file)).containsExactly("1: PG103 " + ConcurrentIndexAnalyzer.TXMODE_TEXT);
        assertThat(file.reports()).extracting(Report::text).containsExactly(ConcurrentIndexAnalyzer.HEADING);
        assertThat(file.hasError()).isFalse();
    }

    @Test
    void checkTxModeOffLeavesConcurrentIndexesAlone() {
        FileReport file = lintPostgres(
                config("lint {\n  concurrent_index {\n    check_txmode = false\n  }\n}\n"),
                "CREATE INDEX CONCURRENTLY i2 ON t (c);\n");
        assertThat(diagnostics(file)).isEmpty();
    }

    @Test
    void errorTrueFailsOnANonConcurrentIndexButNotOnTheTransactionAlone() {
        LintConfig error = config("lint {\n  concurrent_index {\n    error = true\n  }\n}\n");
        FileReport onlyTx = lintPostgres(error, "CREATE INDEX CONCURRENTLY i2 ON t (c);\n");
        assertThat(diagnostics(onlyTx)).hasSize(1);
        assertThat(onlyTx.hasError()).isFalse();

        FileReport both = lintPostgres(error, "CREATE INDEX CONCURRENTLY i2 ON t (c);\nCREATE INDEX i3 ON t (d);\n");
        assertThat(diagnostics(both))
                .containsExactly(
                        "1: PG103 " + ConcurrentIndexAnalyzer.TXMODE_TEXT,
                        "2: PG101 Creating index \"i3\" non-concurrently causes write locks on the \"t\" table");
        assertThat(both.hasError()).isTrue();
        assertThat(both.error()).isEqualTo(ConcurrentIndexAnalyzer.HEADING);
    }

    @Test
    void blockingChangesAreWarningsUnlessErrorIsSet() {
        String change = "ALTER TABLE t ALTER COLUMN c TYPE bigint;\n";
        assertThat(lintPostgres(LintConfig.NONE, change).hasError()).isFalse();
        FileReport failed = lintPostgres(config("lint {\n  blocking_changes {\n    error = true\n  }\n}\n"), change);
        assertThat(diagnostics(failed)).singleElement().asString().startsWith("1: PG301 ");
        assertThat(failed.error()).isEqualTo(PostgresBlockingChangesAnalyzer.HEADING);
    }

    @Test
    void inlineReferencesNeverFailAFile() {
        try (IsolatedDatabase db = TestDialect.MARIADB.fresh()) {
            List<MigrationFile> files = List.of(
                    file("1.sql", "CREATE TABLE users (id int PRIMARY KEY);\n"),
                    file(
                            "2.sql",
                            "CREATE TABLE pets (owner_id int REFERENCES users (id)) ENGINE = MyISAM;\n"
                                    + "ALTER TABLE pets MODIFY owner_id int;\n"));
            LintReport report = new Linter(
                            db.database(), config("lint {\n  inline_references {\n    error = true\n  }\n}\n"))
                    .lint(files, ChangeDetector.latest(1));
            FileReport file = report.files().get(0);
            assertThat(diagnostics(file)).singleElement().asString().startsWith("1: MY102 ");
            assertThat(file.hasError()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: rewrites = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "integer|bigint|true",
                "bigint|integer|true",
                "character varying(10)|character varying(20)|false",
                "character varying(20)|character varying(10)|true",
                "character varying(10)|character varying|false",
                "character varying|character varying(10)|true",
                "character varying(10)|text|false",
                "text|character varying|false",
                "text|character varying(10)|true",
                "numeric(10,2)|numeric(12,2)|false",
                "numeric(10,2)|numeric(12,3)|true",
                "numeric(10,2)|numeric(8,2)|true",
                "numeric(10,2)|numeric|false",
                "numeric|numeric(10,2)|true",
                "timestamp(3)|timestamp|false",
                "timestamp|timestamp(3)|true",
                "timestamp|timestamptz|true",
                "cidr|inet|false",
                "bit varying(4)|bit varying(8)|false"
            })
    void postgresRewritesUnlessTheChangeIsBinaryCoercible(String from, String to, boolean rewrites) {
        assertThat(PostgresTypeChanges.rewrites(type(from), type(to))).isEqualTo(rewrites);
    }

    private static ColumnType type(String sql) {
        int paren = sql.indexOf('(');
        if (paren < 0) {
            return ColumnType.Named.of(sql);
        }
        return ColumnType.Named.of(
                sql.substring(0, paren),
                sql.substring(paren + 1, sql.length() - 1).split(","));
    }

    private static FileReport lintPostgres(LintConfig config, String change) {
        try (IsolatedDatabase db = TestDialect.POSTGRES.fresh()) {
            LintReport report = new Linter(db.database(), config)
                    .lint(List.of(file("1.sql", BASE), file("2.sql", change)), ChangeDetector.latest(1));
            assertThat(report.files()).hasSize(1);
            return report.files().get(0);
        }
    }

    private static List<String> diagnostics(FileReport file) {
        List<String> out = new ArrayList<>();
        for (Report r : file.reports()) {
            for (Diagnostic d : r.diagnostics()) {
                out.add(file.line(d.pos()) + ": " + d.code() + " " + d.text());
            }
        }
        return out;
    }

    private static LintConfig config(String hcl) {
        return LintConfigs.parse(hcl, "lint.hcl");
    }

    private static MigrationFile file(String name, String text) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
