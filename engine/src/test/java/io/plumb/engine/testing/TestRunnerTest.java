package io.plumb.engine.testing;

import static io.plumb.engine.testing.RunnerFixture.DEV;
import static io.plumb.engine.testing.RunnerFixture.runOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.source.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestRunnerTest {

    @TempDir
    Path dir;

    TestSetup setup;

    @BeforeEach
    void desiredSchema() {
        RunnerFixture.writeFile(
                dir.resolve("schema.sql"),
                """
                CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL,
                  CHECK (length(name) > 0));
                """);
        setup = TestSetup.of(DEV, dir).withDesiredSchema(List.of("schema.sql"), Map.of());
    }

    // Runs the cases on the dialect's dev server instead, from the same desired schema, which is portable SQL.
    private void use(TestDialect dialect) {
        setup = TestSetup.of(dialect.devUrl(), dir).withDesiredSchema(List.of("schema.sql"), Map.of());
    }

    private CaseResult run(String text) {
        return runOne(setup, dir, text);
    }

    private static Pos at(int line, int column) {
        return new Pos("case.test.hcl", line, column);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void schemaCaseStartsFromTheDesiredSchema(TestDialect dialect) {
        use(dialect);
        CaseResult result = run(
                """
                test "schema" "users" {
                  exec {
                    sql    = "INSERT INTO users (id, name) VALUES (1, 'ada')"
                  }
                  exec {
                    sql    = "SELECT id, name FROM users"
                    output = "1, ada"
                  }
                }
                """);
        assertThat(result.status()).isEqualTo(CaseStatus.PASS);
        assertThat(result.failure()).isEmpty();
        assertThat(result.name()).isEqualTo("users");
        assertThat(result.pos()).isEqualTo(at(1, 1));
        assertThat(result.duration()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void casesDoNotSeeEachOthersData(TestDialect dialect) {
        use(dialect);
        TestFile file = RunnerFixture.write(
                dir,
                "case.test.hcl",
                """
                test "schema" "a" {
                  exec { sql = "INSERT INTO users (id, name) VALUES (1, 'ada')" }
                }
                test "schema" "b" {
                  exec {
                    sql    = "SELECT count(*) FROM users"
                    output = "0"
                  }
                }
                """);
        assertThat(RunnerFixture.runAll(setup, file))
                .extracting(CaseResult::status)
                .containsExactly(CaseStatus.PASS, CaseStatus.PASS);
    }

    @Test
    void csvJoinsColumnsAndRowsAndQuotesWhatWouldNotReadBack() {
        CaseResult result = run(
                """
                test "schema" "csv" {
                  exec {
                    sql = <<-SQL
                      INSERT INTO users VALUES (1, 'ada', 1.5), (2, 'a, b', NULL), (3, 'say "hi"', 2.0),
                        (4, ' pad', 10), (5, 'NULL', -3), (6, 'two
                      lines', 0.25);
                    SQL
                  }
                  exec {
                    sql    = "SELECT id, name, score FROM users ORDER BY id"
                    output = <<-OUT
                      1, ada, 1.5
                      2, "a, b", NULL
                      3, "say ""hi""\", 2
                      4, " pad", 10
                      5, "NULL", -3
                      6, "two
                      lines", 0.25
                    OUT
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void theOutputIsTheLastStatementsAndNoResultRendersEmpty(TestDialect dialect) {
        use(dialect);
        CaseResult result = run(
                """
                test "schema" "last" {
                  exec {
                    sql    = "INSERT INTO users (id, name) VALUES (1, 'ada'); SELECT name FROM users; SELECT 42;"
                    output = "42"
                  }
                  exec {
                    sql    = "UPDATE users SET name = 'bob'"
                    output = ""
                  }
                  exec {
                    sql    = "SELECT name FROM users"
                    output = "bob"
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void outputMismatchFailsAtTheExecBlockWithExpectedAndActual(TestDialect dialect) {
        use(dialect);
        CaseResult result = run(
                """
                test "schema" "mismatch" {
                  exec { sql = "INSERT INTO users (id, name) VALUES (1, 'John'), (2, 'Fitzgerald')" }
                  log { message = "inserted" }
                  exec {
                    sql    = "SELECT name FROM users ORDER BY id"
                    output = <<-OUT
                      John Fitzgerald, Kennedy
                    OUT
                  }
                  log { message = "not reached" }
                }
                """);
        assertThat(result.status()).isEqualTo(CaseStatus.FAIL);
        assertThat(result.failure())
                .contains(new CaseFailure(
                        at(4, 3),
                        "no match for `John Fitzgerald, Kennedy` found in \"John\nFitzgerald\"",
                        Optional.of("John Fitzgerald, Kennedy"),
                        Optional.of("John\nFitzgerald")));
        assertThat(result.logs()).containsExactly(new LogLine(at(3, 3), "inserted"));
    }

    @Test
    void onlyOneTrailingNewlineIsIgnored() {
        CaseResult result = run(
                """
                test "schema" "newlines" {
                  exec {
                    sql    = "SELECT 'x'"
                    output = "x\\n\\n"
                  }
                }
                """);
        assertThat(result.failure().map(CaseFailure::message)).contains("no match for `x\n` found in \"x\"");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void sqlErrorFailsWithTheDatabasesMessage(TestDialect dialect) {
        use(dialect);
        CaseResult result = run(
                """
                test "schema" "error" {
                  exec { sql = "INSERT INTO users (id, name) VALUES (1, '')" }
                }
                """);
        String message =
                switch (dialect) {
                    case SQLITE -> "CHECK constraint failed: length(name) > 0";
                    case POSTGRES -> "new row for relation \"users\" violates check constraint";
                    case MARIADB -> "CONSTRAINT `";
                };
        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f.pos()).isEqualTo(at(2, 3));
            assertThat(f.message()).contains(message);
        });
    }

    @Test
    void tableFormatIsAPsqlGrid() {
        CaseResult result = run(
                """
                test "schema" "table" {
                  exec { sql = "INSERT INTO users VALUES (1, 'ada', 12.5), (10, 'grace', NULL)" }
                  exec {
                    sql    = "SELECT id, name, score AS s, 'x' AS longer_header FROM users ORDER BY id"
                    format = table
                    output = <<-OUT
                       id | name  |  s   | longer_header\s
                      ----+-------+------+---------------
                        1 | ada   | 12.5 | x            \s
                       10 | grace |      | x            \s
                    OUT
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }

    @Test
    void tableHeadersCentreWithTheOddSpaceRight() {
        CaseResult result = run(
                """
                test "schema" "centre" {
                  exec {
                    sql    = "SELECT 'abcd' AS ab"
                    format = "table"
                    output = "  ab  \\n------\\n abcd "
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
        CaseResult odd = run(
                """
                test "schema" "centre" {
                  exec {
                    sql    = "SELECT 'abcd' AS a"
                    format = "table"
                    output = "  a   \\n------\\n abcd "
                  }
                }
                """);
        assertThat(odd.failure()).isEmpty();
    }

    @Test
    void matchFindsARegexInTheOutput() {
        CaseResult result = run(
                """
                test "schema" "match" {
                  exec {
                    sql   = "SELECT 'version 3.45.1'"
                    match = "\\\\d+\\\\.\\\\d+"
                  }
                  exec {
                    sql   = "SELECT 'abc'"
                    match = "^b"
                  }
                }
                """);
        assertThat(result.failure()).contains(CaseFailure.of(at(6, 3), "no match for `^b` found in \"abc\""));
    }

    @Test
    void invalidRegexFailsTheCommand() {
        CaseResult result = run(
                """
                test "schema" "bad" {
                  exec {
                    sql   = "SELECT 1"
                    match = "("
                  }
                }
                """);
        assertThat(result.failure().map(CaseFailure::message))
                .hasValueSatisfying(m -> assertThat(m).startsWith("match: invalid regular expression `(`: "));
    }

    @Test
    void updateModeRecordsTheActualOutputAndPasses() {
        setup = setup.withUpdate(true);
        CaseResult result = run(
                """
                test "schema" "update" {
                  exec {
                    sql    = "SELECT 1 UNION ALL SELECT 2"
                    output = "3"
                  }
                  exec {
                    sql    = "SELECT 5"
                    output = "5"
                  }
                }
                """);
        assertThat(result.status()).isEqualTo(CaseStatus.PASS);
        assertThat(result.updates()).containsExactly(new OutputUpdate(at(4, 14), "1\n2"));
    }

    @Test
    void updateModeStillFailsOnMatchAndErrors() {
        setup = setup.withUpdate(true);
        CaseResult result = run(
                """
                test "schema" "update" {
                  exec {
                    sql   = "SELECT 1"
                    match = "2"
                  }
                }
                """);
        assertThat(result.status()).isEqualTo(CaseStatus.FAIL);
        assertThat(result.updates()).isEmpty();
    }

    @Test
    void catchPassesWhenTheErrorContainsOrMatchesTheText() {
        CaseResult result = run(
                """
                test "schema" "catch" {
                  catch { sql = "SELECT * FROM nowhere" }
                  catch {
                    sql   = "INSERT INTO users (id, name) VALUES (1, '')"
                    error = "CHECK constraint failed"
                  }
                  catch {
                    sql   = "INSERT INTO users (id) VALUES (1)"
                    error = "NOT NULL .* users\\\\.name"
                  }
                  catch {
                    sql = "INSERT INTO users (id, name) VALUES (2, 'ok'); SELECT * FROM nowhere; INSERT INTO nowhere VALUES (1)"
                    error = "no such table: nowhere"
                  }
                  exec {
                    sql    = "SELECT name FROM users"
                    output = "ok"
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void catchFailsWhenTheSqlSucceeds(TestDialect dialect) {
        use(dialect);
        CaseResult result = run(
                """
                test "schema" "catch" {
                  catch { sql = "SELECT 1" }
                }
                """);
        assertThat(result.failure()).contains(CaseFailure.of(at(2, 3), "expected the SQL to fail, but it succeeded"));
    }

    @Test
    void catchFailsWhenTheErrorDiffers() {
        CaseResult result = run(
                """
                test "schema" "catch" {
                  catch {
                    sql   = "SELECT * FROM nowhere"
                    error = "permission denied"
                  }
                }
                """);
        assertThat(result.failure())
                .contains(new CaseFailure(
                        at(2, 3),
                        "error \"no such table: nowhere\" does not match `permission denied`",
                        Optional.of("permission denied"),
                        Optional.of("no such table: nowhere")));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void assertAcceptsOneTrueValue(TestDialect dialect) {
        use(dialect);
        CaseResult result = run(
                """
                test "schema" "assert" {
                  assert { sql = "SELECT 1" }
                  assert { sql = "SELECT 'TRUE'" }
                  assert { sql = "SELECT 't'" }
                  assert { sql = "SELECT count(*) = 0 FROM users" }
                  assert { sql = "INSERT INTO users (id, name) VALUES (1, 'a'); SELECT count(*) FROM users" }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }

    @Test
    void assertNamesWhatItFoundInstead() {
        assertAssertFails("SELECT 0", "false");
        assertAssertFails("SELECT 'f'", "false");
        assertAssertFails("SELECT 2", "\"2\"");
        assertAssertFails("SELECT 'yes'", "\"yes\"");
        assertAssertFails("SELECT NULL", "NULL");
        assertAssertFails("SELECT 1, 1", "2 columns");
        assertAssertFails("SELECT 1 UNION ALL SELECT 1", "2 rows");
        assertAssertFails("SELECT 1 WHERE 0", "no rows");
        assertAssertFails("DELETE FROM users", "no result");
    }

    private void assertAssertFails(String sql, String found) {
        CaseResult result = run("test \"schema\" \"assert\" {\n  assert { sql = \"" + sql + "\" }\n}\n");
        assertThat(result.failure())
                .as(sql)
                .contains(CaseFailure.of(at(2, 3), "assertion failed: expected one true value, found " + found));
    }

    @Test
    void assertUsesItsErrorMessageAndReportsSqlErrors() {
        CaseResult custom = run(
                """
                test "schema" "assert" {
                  assert {
                    sql           = "SELECT count(*) > 0 FROM users"
                    error_message = "expects seeded users"
                  }
                }
                """);
        assertThat(custom.failure()).contains(CaseFailure.of(at(2, 3), "expects seeded users"));
        CaseResult broken = run(
                """
                test "schema" "assert" {
                  assert { sql = "SELECT nope FROM users" }
                }
                """);
        assertThat(broken.failure()).contains(CaseFailure.of(at(2, 3), "no such column: nope"));
    }

    @Test
    void logLinesRenderWithFileAndLine() {
        CaseResult result = run(
                """
                test "schema" "log" {
                  log { message = "first ${testing.name}" }
                  log { message = "second" }
                }
                """);
        assertThat(result.logs())
                .extracting(LogLine::render)
                .containsExactly("case.test.hcl:2: first log", "case.test.hcl:3: second");
    }

    @Test
    void cleanupsRunLastFirstAfterAFailure() throws Exception {
        Path log = dir.resolve("log.db");
        CaseResult result = run(
                """
                test "schema" "cleanup" {
                  exec { sql = "ATTACH DATABASE '%s' AS log; CREATE TABLE log.entries (what TEXT)" }
                  cleanup { sql = "INSERT INTO log.entries VALUES ('registered first')" }
                  cleanup { sql = "INSERT INTO log.entries VALUES ('registered second')" }
                  exec { sql = "SELECT * FROM nowhere" }
                  cleanup { sql = "INSERT INTO log.entries VALUES ('never registered')" }
                }
                """
                        .formatted(log));
        assertThat(result.failure()).contains(CaseFailure.of(at(5, 3), "no such table: nowhere"));
        try (var db = io.plumb.engine.db.Database.open("sqlite://" + log, dir);
                var statement = db.connection().createStatement();
                var rows = statement.executeQuery("SELECT what FROM entries ORDER BY rowid")) {
            List<String> order = new java.util.ArrayList<>();
            while (rows.next()) {
                order.add(rows.getString(1));
            }
            assertThat(order).containsExactly("registered second", "registered first");
        }
    }

    @Test
    void failingCleanupFailsAPassingCaseAtTheCleanup() {
        CaseResult result = run(
                """
                test "schema" "cleanup" {
                  cleanup { sql = "DELETE FROM users" }
                  cleanup { sql = "DROP TABLE nowhere" }
                  exec { sql = "SELECT 1" }
                }
                """);
        assertThat(result.failure()).contains(CaseFailure.of(at(3, 3), "no such table: nowhere"));
    }

    @Test
    void externalProgramsGetTheDatabaseUrlAndTheirOutputIsCompared() {
        RunnerFixture.writeFile(dir.resolve("tools/marker.txt"), "here\n");
        CaseResult result = run(
                """
                test "schema" "external" {
                  external {
                    program = ["sh", "-c", "test -f \\"$${1#sqlite://}\\" && echo ok", "sh", testing.dev_url]
                    output  = "ok"
                  }
                  external {
                    program     = ["cat", "marker.txt"]
                    working_dir = "tools"
                    match       = "^here$"
                  }
                  external {
                    program = ["sh", "-c", "cat; echo done"]
                    output  = "done"
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }

    @Test
    void externalFailsOnAnExitCodeWithTheErrorOutput() {
        CaseResult result = run(
                """
                test "schema" "external" {
                  external {
                    program = ["sh", "-c", "echo one >&2; echo two >&2; exit 3"]
                  }
                }
                """);
        assertThat(result.failure())
                .contains(CaseFailure.of(
                        at(2, 3), "program \"sh\" exited with status 3; its last error output:\none\ntwo"));
    }

    @Test
    void externalComparesStdoutAndUpdatesIt() {
        CaseResult mismatch = run(
                """
                test "schema" "external" {
                  external {
                    program = ["echo", "actual"]
                    output  = "expected"
                  }
                }
                """);
        assertThat(mismatch.failure().map(CaseFailure::message))
                .contains("no match for `expected` found in \"actual\"");
        setup = setup.withUpdate(true);
        CaseResult updated = run(
                """
                test "schema" "external" {
                  external {
                    program = ["echo", "actual"]
                    output  = "expected"
                  }
                }
                """);
        assertThat(updated.updates()).containsExactly(new OutputUpdate(at(4, 15), "actual"));
    }

    @Test
    void externalThatCannotStartNamesTheProgram() {
        CaseResult result = run(
                """
                test "schema" "external" {
                  external { program = ["plumb-no-such-program"] }
                }
                """);
        assertThat(result.failure().map(CaseFailure::message))
                .contains("cannot start program \"plumb-no-such-program\": No such file or directory");
        CaseResult noDir = run(
                """
                test "schema" "external" {
                  external {
                    program     = ["true"]
                    working_dir = "missing"
                  }
                }
                """);
        assertThat(noDir.failure().map(CaseFailure::message))
                .contains("working directory " + dir.resolve("missing") + " of program \"true\" does not exist");
    }

    @Test
    void externalThatHangsIsKilledAtTheTimeout() {
        Pos pos = at(1, 1);
        assertThatThrownBy(
                        () -> ExternalProgram.run(List.of("sleep", "30"), dir, java.time.Duration.ofMillis(200), pos))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("case.test.hcl:1:1: program \"sleep\" did not finish within 0s and was killed");
    }

    @Test
    void skippedCaseOpensNothingNotEvenTheDesiredSchema() {
        setup = setup.withDesiredSchema(List.of("missing.sql"), Map.of());
        CaseResult result = run(
                """
                test "schema" "skipped" {
                  skip = true
                  exec { sql = "SELECT nope" }
                }
                """);
        assertThat(result.status()).isEqualTo(CaseStatus.SKIP);
        assertThat(result.failure()).isEmpty();
        assertThat(result.logs()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void forEachCasesAreNamedAndBindEach(TestDialect dialect) {
        use(dialect);
        TestFile file = RunnerFixture.write(
                dir,
                "case.test.hcl",
                """
                test "schema" "upper" {
                  for_each = ["hello", "world"]
                  exec {
                    sql    = "SELECT upper('${each.value}')"
                    output = upper(each.value)
                  }
                  log { message = "${testing.name}: ${each.value}" }
                }
                """);
        List<CaseResult> results = RunnerFixture.runAll(setup, file);
        assertThat(results).extracting(CaseResult::name).containsExactly("upper/1", "upper/2");
        assertThat(results).extracting(CaseResult::status).containsOnly(CaseStatus.PASS);
        assertThat(results.get(1).logs()).extracting(LogLine::message).containsExactly("upper/2: world");
    }

    @Test
    void evaluationErrorsFailTheCaseAtTheirPosition() {
        CaseResult result = run(
                """
                test "schema" "broken" {
                  exec {
                    sql = "SELECT ${nosuch.thing}"
                  }
                }
                """);
        assertThat(result.status()).isEqualTo(CaseStatus.FAIL);
        assertThat(result.failure().orElseThrow().pos().line()).isEqualTo(3);
        assertThat(result.failure().orElseThrow().message()).doesNotStartWith("case.test.hcl");
    }

    @Test
    void schemaTestsWithoutADesiredSchemaAreASetUpFailure() {
        TestFile file = RunnerFixture.write(dir, "case.test.hcl", "test \"schema\" \"x\" {\n}\n");
        try (TestRunner runner = new TestRunner(TestSetup.of(DEV, dir))) {
            TestBlock block = file.tests().get(0);
            assertThatThrownBy(() -> runner.run(file, block, block.cases().get(0)))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("schema tests need a desired schema");
        }
    }

    @Test
    void hclDesiredSchemaWorksToo() throws Exception {
        Files.writeString(
                dir.resolve("schema.hcl"),
                """
                schema "main" {}
                table "t" {
                  schema = schema.main
                  column "id" {
                    type = integer
                  }
                }
                """);
        setup = setup.withDesiredSchema(List.of("file://schema.hcl"), Map.of());
        CaseResult result = run(
                """
                test "schema" "hcl" {
                  exec {
                    sql    = "INSERT INTO t VALUES (7); SELECT id FROM t"
                    output = "7"
                  }
                }
                """);
        assertThat(result.failure()).isEmpty();
    }
}
