package io.plumb.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.source.SourceException;
import io.plumb.engine.source.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the members of a {@code data "composite_schema"} are loaded in order on the dev database, each into
 * the schema its block names, so that one uses what an earlier one defines, and that a member that fails is named
 * with its block's position.
 */
class CompositeSchemaTest {

    private static final String PROJECT =
            """
            data "composite_schema" "app" {
              schema "%s" {
                url = "file://%s"
              }
              schema "%s" {
                url = "file://%s"
              }
              schema "%s" {
                url = "file://%s"
              }
            }
            env "app" {
              src = data.composite_schema.app.url
            }
            """;

    @TempDir
    Path dir;

    @Test
    void postgresMembersUseTheTypesTablesOfEarlierMembersInOtherSchemas() throws IOException {
        write(
                "a.sql",
                """
                CREATE TYPE status AS ENUM ('draft', 'live');
                CREATE TABLE users (id integer PRIMARY KEY, state status NOT NULL);
                """);
        write(
                "b.sql",
                """
                CREATE TABLE posts (id integer PRIMARY KEY, author integer REFERENCES a.users (id), state a.status);
                CREATE VIEW authors AS SELECT p.id, u.state FROM posts p JOIN a.users u ON u.id = p.author;
                """);
        write(
                "c.hcl",
                """
                schema "c" {}
                table "audit" {
                  schema = schema.c
                  column "state" {
                    type = sql("a.status")
                  }
                }
                """);
        write("atlas.hcl", PROJECT.formatted("a", "a.sql", "b", "b.sql", "c", "c.hcl"));
        try (IsolatedDatabase dev = TestDialect.POSTGRES.fresh()) {
            Database db = dev.database();
            Realm realm = load(db);

            assertThat(realm.schemas()).extracting(Schema::name).containsExactly("a", "b", "c");
            Table posts = schema(realm, "b").table("posts").orElseThrow();
            ForeignKey author = posts.foreignKeys().get(0);
            assertThat(List.of(author.refSchema(), author.refTable())).containsExactly("a", "users");
            assertThat(posts.column("state").orElseThrow().type().toString()).contains("status");
            assertThat(schema(realm, "b").objects())
                    .extracting(SchemaObject::kind, SchemaObject::name)
                    .contains(org.assertj.core.groups.Tuple.tuple(ObjectKind.VIEW, "authors"));
            assertThat(schema(realm, "c")
                            .table("audit")
                            .orElseThrow()
                            .column("state")
                            .orElseThrow()
                            .type()
                            .toString())
                    .contains("status");
            // The dev database is left clean: the members' schemas are gone.
            assertThat(db.inspect(List.of()).schemas()).allMatch(s -> s.tables().isEmpty());
        }
    }

    @Test
    void sqliteMembersShareMainAndUseTheTablesOfEarlierMembers() throws IOException {
        write("users.sql", "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n");
        write(
                "posts.sql",
                """
                CREATE TABLE posts (id integer PRIMARY KEY, author integer REFERENCES users (id));
                CREATE INDEX users_name ON users (name);
                CREATE TRIGGER users_log AFTER INSERT ON users BEGIN SELECT 1; END;
                """);
        write(
                "names.hcl",
                """
                schema "main" {}
                view "names" {
                  schema = schema.main
                  as     = "SELECT name FROM users"
                }
                """);
        write("atlas.hcl", PROJECT.formatted("main", "users.sql", "main", "posts.sql", "main", "names.hcl"));
        try (IsolatedDatabase dev = TestDialect.SQLITE.fresh()) {
            Realm realm = load(dev.database());

            Schema main = schema(realm, "main");
            assertThat(main.tables()).extracting(Table::name).containsExactlyInAnyOrder("users", "posts");
            assertThat(main.table("users").orElseThrow().indexes())
                    .extracting(i -> i.name())
                    .containsExactly("users_name");
            assertThat(main.objects())
                    .extracting(SchemaObject::kind, SchemaObject::name)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple(ObjectKind.TRIGGER, "users_log"),
                            org.assertj.core.groups.Tuple.tuple(ObjectKind.VIEW, "names"));
        }
    }

    @Test
    void mariadbMembersShareTheBoundSchemaAndUseTheTablesOfEarlierMembers() throws IOException {
        write("users.sql", "CREATE TABLE users (id int PRIMARY KEY, name varchar(20) NOT NULL);\n");
        write(
                "posts.sql",
                """
                CREATE TABLE posts (id int PRIMARY KEY, author int, FOREIGN KEY (author) REFERENCES users (id));
                CREATE VIEW authors AS SELECT p.id, u.name FROM posts p JOIN users u ON u.id = p.author;
                """);
        write("none.sql", "CREATE TABLE other (id int);\n");
        write("atlas.hcl", PROJECT.formatted("app", "users.sql", "app", "posts.sql", "app", "none.sql"));
        try (IsolatedDatabase dev = TestDialect.MARIADB.fresh()) {
            Realm realm = load(dev.database());

            Schema app = schema(realm, "app");
            assertThat(app.tables()).extracting(Table::name).containsExactlyInAnyOrder("users", "posts", "other");
            assertThat(app.table("posts").orElseThrow().foreignKeys().get(0).refTable())
                    .isEqualTo("users");
            assertThat(app.objects())
                    .extracting(SchemaObject::kind, SchemaObject::name)
                    .contains(org.assertj.core.groups.Tuple.tuple(ObjectKind.VIEW, "authors"));
        }
    }

    @Test
    void aMemberThatUsesALaterOneFailsNamingItsBlock() throws IOException {
        write("users.sql", "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);\n");
        write("posts.sql", "CREATE INDEX users_name ON users (name);\n");
        write("none.sql", "CREATE TABLE other (id integer);\n");
        write("atlas.hcl", PROJECT.formatted("main", "none.sql", "main", "posts.sql", "main", "users.sql"));
        try (IsolatedDatabase dev = TestDialect.SQLITE.fresh()) {
            assertThatThrownBy(() -> load(dev.database()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("atlas.hcl:5:3: composite_schema \"app\": schema \"main\": posts.sql:1:1: ")
                    .hasMessageEndingWith("no such table: main.users");
        }
    }

    @Test
    void aTableTwoMembersDefineIsNamedWithTheSecondMember() throws IOException {
        write("users.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n");
        write(
                "users.hcl",
                """
                schema "main" {}
                table "users" {
                  schema = schema.main
                  column "id" {
                    type = integer
                  }
                }
                """);
        write("none.sql", "CREATE TABLE other (id integer);\n");
        write("atlas.hcl", PROJECT.formatted("main", "users.sql", "main", "none.sql", "main", "users.hcl"));
        try (IsolatedDatabase dev = TestDialect.SQLITE.fresh()) {
            assertThatThrownBy(() -> load(dev.database()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("atlas.hcl:8:3: composite_schema \"app\": schema \"main\": table \"users\" of schema"
                            + " \"main\" is defined by two schema blocks");
        }
    }

    @Test
    void postgresHclMembersReferenceTheTablesOfEarlierMembersInForeignKeys() throws IOException {
        write("a.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n");
        write(
                "b.hcl",
                """
                schema "b" {}
                table "posts" {
                  schema = schema.b
                  column "id" {
                    type = integer
                  }
                  column "author" {
                    type = integer
                  }
                  primary_key {
                    columns = [column.id]
                  }
                  foreign_key "posts_author" {
                    columns     = [column.author]
                    ref_columns = [table.a.users.column.id]
                  }
                }
                """);
        write(
                "c.hcl",
                """
                schema "c" {}
                table "comments" {
                  schema = schema.c
                  column "post" {
                    type = integer
                  }
                  column "author" {
                    type = integer
                  }
                  foreign_key "comments_post" {
                    columns     = [column.post]
                    ref_columns = [table.posts.column.id]
                  }
                  foreign_key "comments_author" {
                    columns     = [column.author]
                    ref_columns = [table.a.users.column.id]
                    on_delete   = CASCADE
                  }
                }
                """);
        write("atlas.hcl", PROJECT.formatted("a", "a.sql", "b", "b.hcl", "c", "c.hcl"));
        try (IsolatedDatabase dev = TestDialect.POSTGRES.fresh()) {
            Realm realm = load(dev.database());

            ForeignKey author = schema(realm, "b")
                    .table("posts")
                    .orElseThrow()
                    .foreignKeys()
                    .get(0);
            assertThat(List.of(
                            author.name(),
                            author.refSchema(),
                            author.refTable(),
                            author.refColumns().get(0)))
                    .containsExactly("posts_author", "a", "users", "id");
            assertThat(schema(realm, "c").table("comments").orElseThrow().foreignKeys())
                    .extracting(ForeignKey::name, ForeignKey::refSchema, ForeignKey::refTable)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("comments_post", "b", "posts"),
                            org.assertj.core.groups.Tuple.tuple("comments_author", "a", "users"));
            assertThat(dev.database().inspect(List.of()).schemas())
                    .allMatch(s -> s.tables().isEmpty());
        }
    }

    @Test
    void sqliteAndMariadbHclMembersReferenceTheTablesOfEarlierMembersInTheSharedSchema() throws IOException {
        for (TestDialect on : List.of(TestDialect.SQLITE, TestDialect.MARIADB)) {
            write("users.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n");
            write(
                    "posts.hcl",
                    """
                    schema "main" {}
                    table "posts" {
                      schema = schema.main
                      column "author" {
                        type = integer
                      }
                      foreign_key "posts_author" {
                        columns     = [column.author]
                        ref_columns = [table.users.column.id]
                      }
                    }
                    """);
            write("more.sql", "CREATE TABLE more (id integer PRIMARY KEY);\n");
            write("atlas.hcl", PROJECT.formatted("main", "users.sql", "main", "posts.hcl", "main", "more.sql"));
            try (IsolatedDatabase dev = on.fresh()) {
                Realm realm = load(dev.database());

                assertThat(realm.schemas()).extracting(Schema::name).containsExactly("main");
                assertThat(schema(realm, "main").table("posts").orElseThrow().foreignKeys())
                        .extracting(ForeignKey::name, ForeignKey::refSchema, ForeignKey::refTable)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("posts_author", "main", "users"));
            }
        }
    }

    @Test
    void withoutADevDatabaseHclMembersReferenceTheTablesOfEarlierOnes() throws IOException {
        write(
                "a.hcl",
                """
                schema "a" {}
                table "users" {
                  schema = schema.a
                  column "id" {
                    type = integer
                  }
                }
                """);
        write(
                "b.hcl",
                """
                schema "b" {}
                table "posts" {
                  schema = schema.b
                  column "author" {
                    type = integer
                  }
                  foreign_key "posts_author" {
                    columns     = [column.author]
                    ref_columns = [table.users.column.id]
                  }
                }
                """);
        write("c.hcl", "schema \"c\" {}\n");
        write("atlas.hcl", PROJECT.formatted("a", "a.hcl", "b", "b.hcl", "c", "c.hcl"));
        ProjectFile project = ProjectFile.load(dir.resolve("atlas.hcl"), "atlas.hcl", Map.of(), name -> null, "app");
        Realm realm = new SourceLoader(dir, Map.of(), name -> null)
                .load(project.envs("app").get(0).src(), new io.plumb.engine.dialect.postgres.PostgresDialect(), null);

        assertThat(schema(realm, "b").table("posts").orElseThrow().foreignKeys())
                .extracting(ForeignKey::refSchema, ForeignKey::refTable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "users"));
    }

    @Test
    void aForeignKeyToATableOfALaterMemberFailsNamingItsBlockAndPosition() throws IOException {
        write(
                "a.hcl",
                """
                schema "a" {}
                table "posts" {
                  schema = schema.a
                  column "author" {
                    type = integer
                  }
                  foreign_key "posts_author" {
                    columns     = [column.author]
                    ref_columns = [table.b.users.column.id]
                  }
                }
                """);
        write("b.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n");
        write("c.sql", "");
        write("atlas.hcl", PROJECT.formatted("a", "a.hcl", "b", "b.sql", "c", "c.sql"));
        try (IsolatedDatabase dev = TestDialect.POSTGRES.fresh()) {
            assertThatThrownBy(() -> load(dev.database()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("composite_schema \"app\"")
                    .hasMessageContaining(
                            "a.hcl:9:19: foreign key \"posts_author\" of table \"posts\": referenced table"
                                    + " \"b.users\" not found");
        }
    }

    private Realm load(Database dev) {
        ProjectFile project = ProjectFile.load(dir.resolve("atlas.hcl"), "atlas.hcl", Map.of(), name -> null, "app");
        Env env = project.envs("app").get(0);
        return new SourceLoader(dir, Map.of(), name -> null).load(env.src(), dev.dialect(), dev);
    }

    private static Schema schema(Realm realm, String name) {
        return realm.schema(name).orElseThrow();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
