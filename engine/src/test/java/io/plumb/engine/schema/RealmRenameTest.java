package io.plumb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealmRenameTest {

    private static final Table LOGS = new Table(
            "logs_2024",
            List.of(
                    Column.of("level", new ColumnType.Raw("\"dev\".\"level\""), false),
                    Column.of("zip", new ColumnType.Raw("\"other\".\"zip\""), true),
                    Column.of("note", new ColumnType.Raw("\"devx\".\"note\""), true),
                    Column.of("ext", new ColumnType.Raw("\"dev\".\"not_mine\""), true)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Map.of("partition_of", "\"dev\".\"logs\"", "partition_bound", "FOR VALUES IN ('\"dev\".x')"));

    private static Realm realm() {
        Schema dev = new Schema(
                "dev",
                List.of(Table.of("logs", List.of()), LOGS),
                Optional.empty(),
                Map.of("enum.level", "'debug', 'info'"),
                List.of(
                        new Domain(
                                "code",
                                "\"dev\".\"base\"",
                                true,
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                List.of()),
                        new Domain("base", "text", true, Optional.empty(), List.of(), Optional.empty(), List.of()),
                        new Routine(
                                ObjectKind.FUNCTION,
                                "level_of",
                                "\"dev\".\"level\", \"dev\".\"not_mine\"",
                                List.of(
                                        Argument.of("l", "\"dev\".\"level\""),
                                        Argument.of("x", "\"dev\".\"not_mine\"")),
                                Optional.of("SETOF \"dev\".\"level\""),
                                "sql",
                                "SELECT $1",
                                Map.of(),
                                Optional.empty(),
                                List.of())));
        return new Realm(
                List.of(dev),
                List.of(
                        new Extension("citext", "dev", Optional.of("1.6"), Optional.empty()),
                        new Extension("pgcrypto", "other", Optional.empty(), Optional.empty())));
    }

    @Test
    void renamingTheOnlySchemaMovesTheTypesPartitionParentsAndExtensionsThatNameIt() {
        Realm renamed = realm().withOnlySchemaRenamed("app");

        Schema app = renamed.schemas().get(0);
        assertThat(app.name()).isEqualTo("app");
        Table logs = app.tables().get(1);
        assertThat(logs.columns())
                .extracting(c -> c.type().sql())
                // A type the schema does not define stays where it is, even in a schema of the old name.
                .containsExactly("\"app\".\"level\"", "\"other\".\"zip\"", "\"devx\".\"note\"", "\"dev\".\"not_mine\"");
        assertThat(logs.options())
                .containsEntry("partition_of", "\"app\".\"logs\"")
                // A quoted name inside a string literal is text, not a reference.
                .containsEntry("partition_bound", "FOR VALUES IN ('\"dev\".x')");
        assertThat(((Domain) app.objects().get(0)).type()).isEqualTo("\"app\".\"base\"");
        assertThat(renamed.objects()).extracting(o -> ((Extension) o).schema()).containsExactly("app", "other");
        // A function's return and argument types move with the schema too, so the same function in two schemas is
        // the same.
        Routine levelOf = (Routine) app.objects().get(2);
        assertThat(levelOf.returns()).contains("SETOF \"app\".\"level\"");
        assertThat(levelOf.arguments())
                .extracting(Argument::type)
                .containsExactly("\"app\".\"level\"", "\"dev\".\"not_mine\"");
        assertThat(levelOf.signature()).isEqualTo("\"app\".\"level\", \"dev\".\"not_mine\"");
    }

    @Test
    void renamingARealmOfSeveralSchemasIsRefused() {
        Realm two = Realm.of(Schema.of("a", List.of()), Schema.of("b", List.of()));
        assertThatThrownBy(() -> two.withOnlySchemaRenamed("c")).isInstanceOf(IllegalStateException.class);
    }
}
