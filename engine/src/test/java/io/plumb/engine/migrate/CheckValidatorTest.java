package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckValidatorTest {

    private static final String INIT = "CREATE TABLE users (id int, name text);\n";

    @TempDir
    Path dir;

    private Database dev;

    private TestDialect dialect = TestDialect.SQLITE;

    private final List<IsolatedDatabase> isolated = new ArrayList<>();

    @BeforeEach
    void openDev() {
        dev = Database.open("sqlite://file:" + dir.resolve("dev.db") + "?_fk=1", dir);
    }

    // Swaps the SQLite dev database for a fresh one of the dialect's.
    private void use(TestDialect on) {
        dialect = on;
        if (on != TestDialect.SQLITE) {
            dev.close();
            IsolatedDatabase db = on.fresh();
            isolated.add(db);
            dev = db.database();
        }
    }

    @AfterEach
    void closeDev() {
        if (isolated.isEmpty()) {
            dev.close();
        }
        isolated.forEach(IsolatedDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void wellFormedChecksGiveNoProblemsWhetherTheyHoldOrNot(TestDialect on) {
        use(on);
        List<MigrationFile> files = List.of(
                file("1_init.sql", INIT),
                checked("2_drop.sql", "SELECT NOT EXISTS (SELECT * FROM users);\nSELECT false;\n", "DROP TABLE users;"),
                file("3_plain.sql", "CREATE TABLE t (id int);\n"));

        assertThat(validate(files)).isEmpty();
        assertThat(objects()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aCheckOnATableOfAnEarlierFileRunsButOneOnATableOfItsOwnFileFails(TestDialect on) {
        use(on);
        String text = "-- atlas:txtar\n"
                + "\n"
                + "-- checks.sql --\n"
                + "SELECT count(*) = 0 FROM users;\n"
                + "-- checks/posts.sql --\n"
                + "-- a comment above\n"
                + "SELECT count(*) = 0\n"
                + "  FROM posts;\n"
                + "-- migration.sql --\n"
                + "CREATE TABLE posts (id int);\n";

        List<String> problems = validate(List.of(file("1_init.sql", INIT), file("2_posts.sql", text)));

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("2_posts.sql:7:1: check \"checks/posts.sql\" fails on the dev database before version 2: ")
                .contains(dialect.noSuchTable("posts"));
        assertThat(objects()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aCheckBeforeTheFirstFileSeesAnEmptyDatabase(TestDialect on) {
        use(on);
        List<String> problems = validate(List.of(checked("1_init.sql", "SELECT count(*) = 0 FROM users;\n", INIT)));

        assertThat(problems)
                .singleElement()
                .asString()
                .startsWith("1_init.sql:4:1: check \"checks.sql\" fails on the dev database before version 1: ")
                .contains(dialect.noSuchTable("users"));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void onlyOneRowOfOneBooleanLikeValueIsAccepted(TestDialect on) {
        use(on);
        String checks = "SELECT 1, 1;\n"
                + "SELECT 1 UNION ALL SELECT 0;\n"
                + "SELECT 'yes';\n"
                + "SELECT NULL;\n"
                + "SELECT 1 WHERE 1 = 0;\n"
                + "SELECT id FROM users;\n"
                + "SELECT 2;\n"
                + "SELECT true;\n"
                + "SELECT 0;\n";

        List<String> problems = validate(List.of(file("1_init.sql", INIT), checked("2_x.sql", checks, "SELECT 1;")));

        assertThat(problems)
                .containsExactly(
                        "2_x.sql:4:1: check \"checks.sql\" returns 2 columns, expected one boolean",
                        "2_x.sql:5:1: check \"checks.sql\" returns 2 rows, expected one boolean",
                        "2_x.sql:6:1: check \"checks.sql\" returns \"yes\", expected one boolean",
                        "2_x.sql:7:1: check \"checks.sql\" returns NULL, expected one boolean",
                        "2_x.sql:8:1: check \"checks.sql\" returns no rows, expected one boolean",
                        "2_x.sql:9:1: check \"checks.sql\" returns no rows, expected one boolean",
                        "2_x.sql:10:1: check \"checks.sql\" returns \"2\", expected one boolean");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aOneOfFileStillNeedsEveryAssertionToBeABoolean(TestDialect on) {
        use(on);
        String checks = "-- atlas:assert oneof\nSELECT 1 = 2;\nSELECT 'x';\n";

        List<String> problems = validate(List.of(checked("1_x.sql", checks, INIT)));

        assertThat(problems).containsExactly("1_x.sql:6:1: check \"checks.sql\" returns \"x\", expected one boolean");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void checksAreRolledBackSoTheyChangeNothingLaterFilesOrChecksSee(TestDialect on) {
        use(on);
        String sneaky = "INSERT INTO users VALUES (1, 'a');\nCREATE TABLE sneaky (id int);\n";
        List<MigrationFile> files = List.of(
                file("1_init.sql", INIT),
                checked("2_sneaky.sql", sneaky, "SELECT 1;"),
                // Were the insert kept, count(*) * 2 would be 2, not a boolean; were the table kept, creating it fails.
                checked("3_after.sql", "SELECT count(*) * 2 FROM users;\n", "CREATE TABLE sneaky (id int);"));

        List<String> problems = validate(files);

        List<String> expected = new ArrayList<>(List.of(
                "2_sneaky.sql:4:1: check \"checks.sql\" returns no rows, expected one boolean",
                "2_sneaky.sql:5:1: check \"checks.sql\" returns no rows, expected one boolean"));
        if (!dialect.transactionalDdl()) {
            // MariaDB commits a check's DDL itself, so no rollback can take its table back; its insert is undone.
            expected.add("3_after.sql:6:1: statement of version 3 fails on the dev database: Table 'sneaky' already"
                    + " exists");
        }
        assertThat(problems).containsExactlyElementsOf(expected);
        assertThat(objects()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anUnparsableCheckIsReportedAtItsFilePositionAndTheReplayGoesOn(TestDialect on) {
        use(on);
        String text = "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\nSELECT 'open;\n-- migration.sql --\n" + INIT;
        List<MigrationFile> files = List.of(
                file("1_bad.sql", text), checked("2_next.sql", "SELECT count(*) = 0 FROM nowhere;\n", "SELECT 1;"));

        List<String> problems = validate(files);

        assertThat(problems).hasSize(2).first().asString().startsWith("1_bad.sql:5:8: ");
        assertThat(problems.get(1))
                .startsWith("2_next.sql:4:1: check \"checks.sql\" fails on the dev database before version 2: ")
                .contains(dialect.noSuchTable("nowhere"));
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void anUnexpectedSectionIsReportedAndTheMigrationStillApplies(TestDialect on) {
        use(on);
        String text = "-- atlas:txtar\n\n-- notes.txt --\nhello\n-- migration.sql --\n" + INIT;
        List<MigrationFile> files = List.of(
                file("1_bad.sql", text), checked("2_next.sql", "SELECT count(*) = 0 FROM users;\n", "SELECT 1;"));

        assertThat(validate(files))
                .singleElement()
                .asString()
                .startsWith("1_bad.sql:3:1: unexpected section \"notes.txt\" in a txtar migration file");
    }

    @Test
    void aTxtarFileWithoutMigrationStopsTheReplay() {
        List<MigrationFile> files = List.of(
                file("1_bad.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT 1;\n"),
                checked("2_next.sql", "SELECT 'never validated';\n", INIT));

        assertThat(validate(files))
                .containsExactly("1_bad.sql:1:1: txtar migration file has no migration.sql section; the checks of later"
                        + " files cannot be validated");
    }

    @Test
    void aPlainFileThatCannotBeSplitStopsTheReplay() {
        List<MigrationFile> files = List.of(
                file("1_bad.sql", "CREATE TABLE t (id int);\nSELECT 'open;\n"),
                checked("2_next.sql", "SELECT 'never validated';\n", INIT));

        assertThat(validate(files))
                .singleElement()
                .asString()
                .startsWith("1_bad.sql:2:8: ")
                .endsWith("; the checks of later files cannot be validated");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aFailingMigrationStatementStopsTheReplayAtItsPosition(TestDialect on) {
        use(on);
        List<MigrationFile> files = List.of(
                file("1_init.sql", INIT),
                checked("2_again.sql", "SELECT true;\n", "CREATE TABLE t (id int);\n" + INIT),
                checked("3_next.sql", "SELECT 'never validated';\n", "SELECT 1;"));

        assertThat(validate(files))
                .singleElement()
                .asString()
                .startsWith("2_again.sql:7:1: statement of version 2 fails on the dev database: ")
                .contains(dialect.tableExists("users"))
                .endsWith("; the checks of later files cannot be validated");
        assertThat(objects()).isEmpty();
    }

    @Test
    void aFailingLastFileDoesNotMentionLaterFiles() {
        List<MigrationFile> files = List.of(file("1_init.sql", INIT), file("2_again.sql", INIT));

        assertThat(validate(files))
                .containsExactly("2_again.sql:1:1: statement of version 2 fails on the dev database: table users"
                        + " already exists");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void latestValidatesOnlyTheChecksOfTheLastFilesButReplaysAll(TestDialect on) {
        use(on);
        List<MigrationFile> files = List.of(
                checked("1_init.sql", "SELECT 'old';\n", INIT),
                checked("2_x.sql", "SELECT 'middle';\n", "SELECT 1;"),
                checked("3_y.sql", "SELECT count(*) = 0 FROM users;\nSELECT 'new';\n", "SELECT 1;"));

        List<String> problems = CheckValidator.validate(dev, files, 1).stream()
                .map(CheckProblem::render)
                .toList();

        assertThat(problems).containsExactly("3_y.sql:5:1: check \"checks.sql\" returns \"new\", expected one boolean");
        assertThat(CheckValidator.validate(dev, files, 0)).isEmpty();
        assertThat(CheckValidator.validate(dev, files, 5)).hasSize(3);
        assertThatThrownBy(() -> CheckValidator.validate(dev, files, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latest must not be negative, found -1");
    }

    @ParameterizedTest
    @EnumSource(TestDialect.class)
    void aDirtyDevDatabaseIsRefusedAndLeftAsItWas(TestDialect on) throws SQLException {
        use(on);
        try (Statement statement = dev.connection().createStatement()) {
            statement.execute("CREATE TABLE existing (id int)");
        }

        assertThatThrownBy(() -> validate(List.of(file("1_init.sql", INIT))))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("is not clean: found table \"existing\" in schema \"" + schema() + "\"");
        assertThat(objects()).containsExactly("table existing");
    }

    @Test
    void postgresDatabasesAndRolesTheReplayedFilesCreatedAreDropped() throws SQLException {
        use(TestDialect.POSTGRES);
        List<MigrationFile> files = List.of(
                file("1_init.sql", "CREATE DATABASE chkval_pg_other;\nCREATE ROLE chkval_pg_owner;\n" + INIT),
                checked(
                        "2_grant.sql",
                        "SELECT count(*) = 1 FROM pg_roles WHERE rolname = 'chkval_pg_owner';\n",
                        "CREATE USER chkval_pg_reader;\nGRANT SELECT ON users TO chkval_pg_reader;\n"
                                + "GRANT CONNECT ON DATABASE chkval_pg_other TO chkval_pg_reader;\n"
                                + "GRANT chkval_pg_owner TO chkval_pg_reader;"));

        assertThat(validate(files)).isEmpty();
        assertThat(serverLeftovers("chkval\\_pg\\_%")).isEmpty();
        // Validating again is not in the way of what the first run created.
        assertThat(validate(files)).isEmpty();
        assertThat(serverLeftovers("chkval\\_pg\\_%")).isEmpty();
    }

    @Test
    void aPostgresCheckCreatingARoleInItsRolledBackTransactionLeavesNothingToDrop() throws SQLException {
        use(TestDialect.POSTGRES);
        List<String> problems = validate(List.of(checked("1_init.sql", "CREATE ROLE chkval_pg_in_check;\n", INIT)));

        assertThat(problems)
                .containsExactly("1_init.sql:4:1: check \"checks.sql\" returns no rows, expected one boolean");
        assertThat(serverLeftovers("chkval\\_pg\\_in\\_%")).isEmpty();
    }

    @Test
    void postgresChangesToARoleThatExistedBeforeAreRefusedAndTheRoleKeepsItsState() throws SQLException {
        use(TestDialect.POSTGRES);
        execute("CREATE ROLE chkval_pg_existing NOLOGIN");
        try {
            List<String> problems = validate(List.of(
                    file(
                            "1_init.sql",
                            INIT + "CREATE ROLE chkval_pg_new;\nGRANT chkval_pg_new TO chkval_pg_existing;\n"),
                    file("2_alter.sql", "ALTER ROLE chkval_pg_new LOGIN;\n  ALTER ROLE chkval_pg_existing LOGIN;\n")));

            assertThat(problems)
                    .containsExactly("2_alter.sql:2:3: statement of version 2 fails on the dev database: refused on the"
                            + " dev database: the statement changes role \"chkval_pg_existing\", which existed on the"
                            + " dev server before and would keep the change (create it in the same files, or use a dev"
                            + " server of its own, such as a docker:// URL)");
            assertThat(query("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = 'chkval_pg_existing'"))
                    .containsExactly("false");
            assertThat(serverLeftovers("chkval\\_pg\\_new")).isEmpty();
            assertThat(query("SELECT count(*)::text FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                            + " WHERE r.rolname = 'chkval_pg_existing'"))
                    .containsExactly("0");

            assertThat(validate(
                            List.of(file("1_grant.sql", "GRANT CONNECT ON DATABASE postgres TO chkval_pg_existing;"))))
                    .singleElement()
                    .asString()
                    .contains("refused on the dev database: the statement changes role \"chkval_pg_existing\"");
            assertThat(query("SELECT count(*)::text FROM pg_database, aclexplode(datacl) a JOIN pg_roles r"
                            + " ON r.oid = a.grantee WHERE datname = 'postgres' AND r.rolname = 'chkval_pg_existing'"))
                    .containsExactly("0");
        } finally {
            execute("DROP ROLE IF EXISTS chkval_pg_existing");
        }
    }

    @Test
    void mariadbSchemasAndUsersTheReplayedFilesCreatedAreDroppedAndGrantsToOthersAreRefused() throws SQLException {
        use(TestDialect.MARIADB);
        execute("CREATE USER IF NOT EXISTS chkval_my_existing@localhost");
        try {
            List<MigrationFile> files = List.of(
                    file(
                            "1_init.sql",
                            "CREATE DATABASE chkval_my_other;\nCREATE USER chkval_my_user@localhost;\n" + INIT),
                    checked(
                            "2_grant.sql",
                            "SELECT count(*) = 1 FROM mysql.user WHERE User = 'chkval_my_user';\n",
                            "CREATE ROLE chkval_my_role;\nGRANT SELECT ON users TO chkval_my_user@localhost;\n"
                                    + "GRANT chkval_my_role TO chkval_my_user@localhost;"));
            assertThat(validate(files)).isEmpty();
            assertThat(
                            query(
                                    "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'chkval\\_my\\_%'"
                                            + " UNION ALL SELECT concat(User, '@', Host) FROM mysql.user WHERE User LIKE 'chkval\\_my\\_%'"))
                    .containsExactly("chkval_my_existing@localhost");

            List<String> problems = validate(
                    List.of(file("1_init.sql", INIT + "GRANT SELECT ON users TO chkval_my_existing@localhost;\n")));
            assertThat(problems)
                    .singleElement()
                    .asString()
                    .startsWith("1_init.sql:2:1: statement of version 1 fails on the dev database: refused on the dev"
                            + " database: the statement changes user 'chkval_my_existing'@'localhost'");
            assertThat(query("SELECT count(*) FROM mysql.tables_priv WHERE User = 'chkval_my_existing'"))
                    .containsExactly("0");
        } finally {
            execute("DROP USER IF EXISTS chkval_my_existing@localhost");
        }
    }

    @Test
    void aDirectoryIsCheckedAgainstItsSumFirst() {
        MigrationDir migrations = MigrationDir.openOrCreate("migrations", dir);
        migrations.add("1_init.sql", "-- atlas:txtar\n\n-- checks.sql --\nSELECT 2;\n-- migration.sql --\n" + INIT);

        assertThat(CheckValidator.validate(dev, migrations))
                .containsExactly(new CheckProblem(
                        "1_init.sql", 4, 1, "check \"checks.sql\" returns \"2\", expected one boolean"));

        migrations.writeAtomically("1_init.sql", INIT.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CheckValidator.validate(dev, migrations)).isInstanceOf(ChecksumException.class);
    }

    @Test
    void aProblemRendersWithItsPosition() {
        assertThat(new CheckProblem("3_x.sql", 7, 2, "check \"checks.sql\" returns 2 rows").render())
                .isEqualTo("3_x.sql:7:2: check \"checks.sql\" returns 2 rows");
    }

    private List<String> validate(List<MigrationFile> files) {
        return CheckValidator.validate(dev, files).stream()
                .map(CheckProblem::render)
                .toList();
    }

    // A txtar file whose checks.sql section starts at line 4.
    private static MigrationFile checked(String name, String checks, String migration) {
        return file(name, "-- atlas:txtar\n\n-- checks.sql --\n" + checks + "-- migration.sql --\n" + migration + "\n");
    }

    private static MigrationFile file(String name, String text) {
        return new MigrationFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String schema() {
        return switch (dialect) {
            case SQLITE -> "main";
            case POSTGRES -> "public";
            case MARIADB -> dev.boundSchema().orElseThrow();
        };
    }

    // The PostgreSQL databases and roles whose names are LIKE the pattern.
    private List<String> serverLeftovers(String like) throws SQLException {
        return query("SELECT datname FROM pg_database WHERE datname LIKE '" + like + "'"
                + " UNION ALL SELECT rolname FROM pg_roles WHERE rolname LIKE '" + like + "'");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = dev.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = dev.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    // The dev database's tables and views as "table NAME", in name order.
    private List<String> objects() {
        String sql =
                switch (dialect) {
                    case SQLITE -> "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1";
                    case POSTGRES -> "SELECT concat('table ', table_name) FROM information_schema.tables"
                            + " WHERE table_schema NOT IN ('information_schema', 'pg_catalog') ORDER BY 1";
                    case MARIADB -> "SELECT concat('table ', table_name) FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() ORDER BY 1";
                };
        try (Statement statement = dev.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
