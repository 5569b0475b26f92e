package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.plan.Rollback;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lays new migrations out per directory format: names, up and down parts, markers, refusals. */
class MigrationLayoutTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:20:30Z");

    private static MigrationLayout layout(DirFormat format) {
        return new MigrationLayout(format, MigrationTemplate.defaults());
    }

    private static final Plan UP = new Plan(
            List.of(
                    new PlannedChange("create \"t\" table", "CREATE TABLE t (id int)"),
                    new PlannedChange("create \"f\" function", "CREATE FUNCTION f() AS $$ a; b $$")),
            true);

    private static final Rollback DOWN = new Rollback(
            List.of(
                    new Rollback.Step("create \"f\" function", List.of("DROP FUNCTION f"), ""),
                    new Rollback.Step("create \"t\" table", List.of("DROP TABLE t"), "")),
            true);

    @Test
    void namesFollowEachTool() {
        assertThat(layout(DirFormat.GOLANG_MIGRATE).fileNames(NOW, "add"))
                .containsExactly("20261207102030_add.up.sql", "20261207102030_add.down.sql");
        assertThat(layout(DirFormat.FLYWAY).fileNames(NOW, "add"))
                .containsExactly("V20261207102030__add.sql", "U20261207102030__add.sql");
        assertThat(layout(DirFormat.FLYWAY).fileNames(NOW, ""))
                .containsExactly("V20261207102030.sql", "U20261207102030.sql");
        assertThat(layout(DirFormat.GOOSE).fileNames(NOW, "add")).containsExactly("20261207102030_add.sql");
        assertThat(layout(DirFormat.ATLAS).fileNames(NOW, "add users")).containsExactly("20261207102030_add users.sql");
    }

    @Test
    void namesTheOtherToolsCannotReadAreRefused() {
        assertThatThrownBy(() -> layout(DirFormat.DBMATE).fileNames(NOW, "add users"))
                .isInstanceOf(MigrateException.class)
                .hasMessage(
                        "invalid migration name \"add users\" for a dbmate directory: expected letters, digits, \"_\""
                                + " and \"-\", starting with a letter or digit, such as add_users");
        assertThatThrownBy(() -> layout(DirFormat.GOLANG_MIGRATE).fileNames(NOW, "x.up"))
                .hasMessageStartingWith("invalid migration name \"x.up\" for a golang-migrate directory");
    }

    @Test
    void gooseWrapsStatementsWithSemicolonsAndReversesInOrder() {
        MigrationLayout goose = layout(DirFormat.GOOSE);
        List<MigrationLayout.File> files = goose.render(goose.fileNames(NOW, "x"), UP, DOWN);
        assertThat(files)
                .singleElement()
                .extracting(MigrationLayout.File::text)
                .isEqualTo(
                        """
                -- +goose Up
                -- create "t" table
                CREATE TABLE t (id int);
                -- create "f" function
                -- +goose StatementBegin
                CREATE FUNCTION f() AS $$ a; b $$;
                -- +goose StatementEnd

                -- +goose Down
                -- reverse: create "f" function
                DROP FUNCTION f;
                -- reverse: create "t" table
                DROP TABLE t;
                """);
    }

    @Test
    void aChangeWithoutReverseIsNamedInTheDownPart() {
        MigrationLayout golang = layout(DirFormat.GOLANG_MIGRATE);
        Rollback down = new Rollback(List.of(new Rollback.Step("modify \"public\" schema", List.of(), "why")), true);
        List<MigrationLayout.File> files = golang.render(golang.fileNames(NOW, "x"), UP, down);
        assertThat(files.get(1).text()).isEqualTo("-- reverse: modify \"public\" schema\n-- no reverse: why\n");
    }

    @Test
    void aPlanOutsideATransactionIsMarkedInEachFormat() {
        Plan concurrent =
                new Plan(List.of(new PlannedChange("create index", "CREATE INDEX CONCURRENTLY i ON t (a)")), false);
        Rollback none = new Rollback(List.of(), true);
        assertThat(text(DirFormat.GOOSE, concurrent, none)).startsWith("-- +goose NO TRANSACTION\n-- +goose Up\n");
        assertThat(text(DirFormat.DBMATE, concurrent, none)).startsWith("-- migrate:up transaction:false\n");
        assertThat(text(DirFormat.FLYWAY, concurrent, none)).startsWith("-- atlas:txmode none\n\n");
        assertThat(text(DirFormat.LIQUIBASE, concurrent, none))
                .startsWith("--liquibase formatted sql\n--changeset atlas:20261207102030-1 runInTransaction:false\n");
    }

    @Test
    void aDownPartOutsideATransactionIsMarkedInEachFormat() {
        Plan up = new Plan(List.of(new PlannedChange("create index", "CREATE INDEX i ON t (a)")), true);
        Rollback concurrent = new Rollback(
                List.of(new Rollback.Step("create index", List.of("DROP INDEX CONCURRENTLY i"), "")), false);
        assertThat(text(DirFormat.GOOSE, up, concurrent)).startsWith("-- +goose NO TRANSACTION\n-- +goose Up\n");
        assertThat(text(DirFormat.DBMATE, up, concurrent))
                .isEqualTo(
                        """
                -- migrate:up
                -- create index
                CREATE INDEX i ON t (a);

                -- migrate:down transaction:false
                -- reverse: create index
                DROP INDEX CONCURRENTLY i;
                """);
        MigrationLayout golang = layout(DirFormat.GOLANG_MIGRATE);
        List<MigrationLayout.File> files = golang.render(golang.fileNames(NOW, "x"), up, concurrent);
        assertThat(files.get(0).text()).doesNotContain("txmode");
        assertThat(files.get(1).text()).startsWith("-- atlas:txmode none\n\n");
        assertThat(text(DirFormat.LIQUIBASE, up, concurrent))
                .startsWith("--liquibase formatted sql\n--changeset atlas:20261207102030-1 runInTransaction:false\n");
        // Both parts in transactions: no marker anywhere.
        assertThat(text(DirFormat.GOOSE, up, DOWN)).startsWith("-- +goose Up\n");
        assertThat(text(DirFormat.DBMATE, up, DOWN)).contains("\n-- migrate:down\n");
    }

    @Test
    void liquibaseRollbackLinesStayCommentsOnEveryLine() {
        Plan up = new Plan(List.of(new PlannedChange("drop \"t\" table", "DROP TABLE t")), true);
        Rollback down = new Rollback(
                List.of(new Rollback.Step("drop \"t\" table", List.of("CREATE TABLE t (\n  id int\n)"), "")), true);
        assertThat(text(DirFormat.LIQUIBASE, up, down))
                .isEqualTo(
                        """
                --liquibase formatted sql
                --changeset atlas:20261207102030-1
                --comment: drop "t" table
                DROP TABLE t;
                --rollback: CREATE TABLE t (
                --rollback:   id int
                --rollback: );
                """);
    }

    private static String text(DirFormat format, Plan up, Rollback down) {
        MigrationLayout layout = layout(format);
        return layout.render(layout.fileNames(NOW, "x"), up, down).get(0).text();
    }
}
