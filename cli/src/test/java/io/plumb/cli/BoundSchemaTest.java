package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundSchemaTest {

    @TempDir
    Path cwd;

    // SQLite databases are bound to "main", as a schema-bound MySQL or PostgreSQL URL is bound to its schema.
    private Database target;

    @BeforeEach
    void open() {
        target = Database.open("sqlite://bound?mode=memory", cwd);
    }

    @AfterEach
    void close() {
        target.close();
    }

    @Test
    void aSqlDesiredStateLoadedOnAnotherSchemaTakesTheTargetsNameAndSoDoItsReferences() {
        Realm bound = BoundSchema.bind(Realm.of(devSchema("dev")), target, false);

        assertThat(bound.schemas()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("main");
            assertThat(s.tables()).extracting(Table::name).containsExactly("users", "posts");
            assertThat(s.tables().get(1).foreignKeys())
                    .singleElement()
                    .extracting(ForeignKey::refSchema)
                    .isEqualTo("main");
        });
    }

    @Test
    void anHclDesiredStateNamingAnotherSchemaIsStillAMismatch() {
        assertThatThrownBy(() -> BoundSchema.bind(Realm.of(devSchema("app")), target, true))
                .isInstanceOf(EngineFailure.class)
                .hasMessage("mismatched HCL and database schemas: \"app\" <> \"main\"");
    }

    @Test
    void severalSchemasNeverFitABoundTarget() {
        Realm two = new Realm(List.of(devSchema("a"), devSchema("b")));

        assertThatThrownBy(() -> BoundSchema.bind(two, target, false))
                .isInstanceOf(EngineFailure.class)
                .hasMessageContaining("the desired state has 2 schemas and the database URL is bound to \"main\"");
    }

    @Test
    void anEmptyDesiredStateIsTheBoundSchemaEmpty() {
        assertThat(BoundSchema.bind(new Realm(List.of()), target, true).schemas())
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo("main");
                    assertThat(s.tables()).isEmpty();
                });
    }

    @Test
    void sqlFilesDirectoriesWithSqlAndDatabaseUrlsAreNotHcl() throws IOException {
        Files.writeString(cwd.resolve("schema.hcl"), "schema \"main\" {}\n");
        Files.writeString(cwd.resolve("schema.sql"), "CREATE TABLE t (id int);\n");
        Files.createDirectories(cwd.resolve("sql"));
        Files.writeString(cwd.resolve("sql/1.sql"), "CREATE TABLE t (id int);\n");
        Files.createDirectories(cwd.resolve("hcl"));
        Files.writeString(cwd.resolve("hcl/a.hcl"), "schema \"main\" {}\n");

        assertThat(BoundSchema.isHcl(List.of("file://schema.hcl"), cwd)).isTrue();
        assertThat(BoundSchema.isHcl(List.of("file://hcl"), cwd)).isTrue();
        assertThat(BoundSchema.isHcl(List.of("file://schema.sql"), cwd)).isFalse();
        assertThat(BoundSchema.isHcl(List.of("sql"), cwd)).isFalse();
        assertThat(BoundSchema.isHcl(List.of("mysql://root@localhost:3306/app"), cwd))
                .isFalse();
    }

    private static Schema devSchema(String name) {
        Column id = Column.of("id", new ColumnType.Named("int", List.of()), false);
        Table users = Table.of("users", List.of(id));
        ForeignKey fk = new ForeignKey(
                "posts_user",
                List.of("id"),
                name,
                "users",
                List.of("id"),
                ReferenceAction.NO_ACTION,
                ReferenceAction.NO_ACTION);
        Table posts = new Table(
                "posts", List.of(id), Optional.empty(), List.of(), List.of(fk), List.of(), Optional.empty(), Map.of());
        return Schema.of(name, List.of(users, posts));
    }
}
