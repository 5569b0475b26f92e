package io.plumb.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.Trigger;
import io.plumb.engine.schema.View;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExcludeFilterTest {

    private static final ColumnType INT = ColumnType.Named.of("int");

    private static Table users() {
        return new Table(
                "users",
                List.of(Column.of("id", INT, false), Column.of("secret", INT, true), Column.of("org", INT, true)),
                Optional.of(PrimaryKey.of("id")),
                List.of(Index.of("users_secret", false, "secret"), Index.of("users_org", false, "org")),
                List.of(new ForeignKey(
                        "org_fk",
                        List.of("org"),
                        "main",
                        "orgs",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.NO_ACTION)),
                List.of(Check.of("secret_pos", "secret > 0")),
                Optional.empty(),
                Map.of());
    }

    private static Realm realm() {
        return Realm.of(
                Schema.of("main", List.of(users(), Table.of("orgs", List.of(Column.of("id", INT, false))))),
                Schema.of("audit", List.of(Table.of("log", List.of(Column.of("id", INT, false))))));
    }

    private static Table table(Realm realm, String schema, String name) {
        return realm.schema(schema).orElseThrow().table(name).orElseThrow();
    }

    @Test
    void schemaBoundTablesAndTheirObjects() {
        Realm r = ExcludeFilter.apply(realm(), List.of("org?", "users.secret"), true);
        assertThat(r.schema("main").orElseThrow().tables())
                .extracting(Table::name)
                .containsExactly("users");
        Table users = table(r, "main", "users");
        assertThat(users.columns()).extracting(Column::name).containsExactly("id", "org");
        assertThat(users.indexes()).extracting(Index::name).containsExactly("users_org");
        assertThat(users.checks()).hasSize(1);
    }

    @Test
    void secondLevelMatchesIndexesForeignKeysAndChecksByName() {
        Table users =
                table(ExcludeFilter.apply(realm(), List.of("users.*_fk", "users.secret_*"), true), "main", "users");
        assertThat(users.foreignKeys()).isEmpty();
        assertThat(users.checks()).isEmpty();
        assertThat(users.columns()).hasSize(3);
    }

    @Test
    void typeSelectorLimitsWhatMatches() {
        Realm r = ExcludeFilter.apply(realm(), List.of("users.*[type=index|check]", "*[type=column]"), true);
        Table users = table(r, "main", "users");
        assertThat(users.columns()).hasSize(3);
        assertThat(users.indexes()).isEmpty();
        assertThat(users.checks()).isEmpty();
        assertThat(users.foreignKeys()).hasSize(1);
        assertThat(r.schema("main").orElseThrow().tables()).hasSize(2);
    }

    @Test
    void realmBoundPathsStartAtTheSchema() {
        Realm r = ExcludeFilter.apply(realm(), List.of("aud[a-z]t", "main.users.id", "*.orgs"), false);
        assertThat(r.schemas()).extracting(Schema::name).containsExactly("main");
        Table users = table(r, "main", "users");
        assertThat(users.primaryKey()).isEmpty();
        assertThat(users.columns()).extracting(Column::name).containsExactly("secret", "org");
        assertThat(r.schema("main").orElseThrow().tables())
                .extracting(Table::name)
                .containsExactly("users");
    }

    @Test
    void badPatternsAreRejectedByName() {
        assertThatThrownBy(() -> ExcludeFilter.apply(realm(), List.of("users[.x"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exclude pattern \"users[.x\": unclosed character class");
        assertThatThrownBy(() -> ExcludeFilter.apply(realm(), List.of("a.b.c"), true))
                .hasMessage("exclude pattern \"a.b.c\": expected table[.column]");
        assertThatThrownBy(() -> ExcludeFilter.apply(realm(), List.of("t[type=rule]"), true))
                .hasMessageStartingWith("exclude pattern \"t[type=rule]\": unknown type \"rule\", expected one of"
                        + " aggregate, check, column, composite, domain, event");
    }

    @Test
    void objectsAreExcludedByNameAndTypeAndTriggersGoWithTheirTable() {
        Trigger audit = new Trigger(
                "audit",
                ObjectRef.table("main", "users"),
                "AFTER",
                List.of("INSERT"),
                List.of(),
                true,
                Optional.empty(),
                Optional.of("BEGIN SELECT 1; END"),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                List.of());
        Realm realm = Realm.of(Schema.of("main", realm().schemas().get(0).tables())
                .withObjects(List.of(View.of("users_view", "SELECT 1"), audit)));

        assertThat(ExcludeFilter.apply(realm, List.of("users_*[type=view]"), true)
                        .schemas()
                        .get(0)
                        .objects())
                .containsExactly(audit);
        assertThat(ExcludeFilter.apply(realm, List.of("users_*[type=table]"), true)
                        .schemas()
                        .get(0)
                        .objects())
                .hasSize(2);
        assertThat(ExcludeFilter.apply(realm, List.of("users"), true)
                        .schemas()
                        .get(0)
                        .objects())
                .containsExactly(View.of("users_view", "SELECT 1"));
    }
}
