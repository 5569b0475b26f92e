package io.plumb.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that an HCL desired state naming one schema is normalized on a dev database bound to a schema of another
 * name, as a MySQL dev URL and every isolated MariaDB test database are, and comes back under its own name.
 */
class BoundDevNormalizationTest {

    private static final String HCL =
            """
            schema "app" {}
            table "users" {
              schema = schema.app
              column "id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
            }
            table "posts" {
              schema = schema.app
              column "id" {
                type = int
              }
              column "user_id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
              foreign_key "posts_user" {
                columns     = [column.user_id]
                ref_columns = [table.users.column.id]
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aOneSchemaRealmIsNormalizedUnderTheDevDatabasesBoundSchemaAndKeepsItsName() throws IOException {
        Files.writeString(dir.resolve("schema.hcl"), HCL);
        try (IsolatedDatabase dev = TestDialect.MARIADB.fresh()) {
            String devSchema = dev.database().boundSchema().orElseThrow();
            assertThat(devSchema).isNotEqualTo("app");

            Realm realm = new SourceLoader(dir, Map.of(), name -> null)
                    .load(List.of("file://schema.hcl"), dev.database().dialect(), dev.database());

            assertThat(realm.schemas()).extracting(Schema::name).containsExactly("app");
            Schema app = realm.schemas().get(0);
            assertThat(app.tables()).extracting(t -> t.name()).containsExactlyInAnyOrder("users", "posts");
            assertThat(app.tables().stream()
                            .flatMap(t -> t.foreignKeys().stream())
                            .map(fk -> fk.refSchema()))
                    .containsExactly("app");
            // The dev database is left clean for the next piece of work.
            assertThat(dev.database().inspect(List.of()).schemas().get(0).tables())
                    .isEmpty();
        }
    }
}
