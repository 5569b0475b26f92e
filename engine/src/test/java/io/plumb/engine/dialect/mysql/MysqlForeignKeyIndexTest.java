package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * InnoDB creates an index, named after the key, for a foreign key whose columns have none. Inspection shows it, as
 * the reference does; the differ leaves it in place while the desired state keeps the key without naming an index
 * for it, drops it with the key, and matches it when the desired state names it. On embedded MariaDB.
 */
class MysqlForeignKeyIndexTest {

    private static final String FILE =
            """
            schema "DB" {}
            table "users" {
              schema = schema.DB
              column "id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
            }
            table "posts" {
              schema = schema.DB
              column "id" {
                type = int
              }
              column "author_id" {
                type = int
              }
              primary_key {
                columns = [column.id]
              }
            %s}
            """;

    private static final String FOREIGN_KEY =
            """
              foreign_key "owner" {
                columns     = [column.author_id]
                ref_columns = [table.users.column.id]
              }
            """;

    @Test
    void inspectionShowsTheIndexTheServerMadeForAForeignKey() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        applied(db, FOREIGN_KEY);
        Table posts = posts(db);
        assertThat(posts.indexes()).extracting(Index::name).containsExactly("owner");
        assertThat(posts.indexes().get(0).unique()).isFalse();
    }

    @Test
    void aDesiredStateThatDoesNotNameTheServersIndexPlansNothing() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        assertThat(applied(db, FOREIGN_KEY)).hasSize(2);
        assertThat(applied(db, FOREIGN_KEY)).isEmpty();
    }

    @Test
    void aDesiredStateThatNamesTheIndexOfAForeignKeyMatchesIt() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        String named = FOREIGN_KEY + "  index \"owner\" {\n    columns = [column.author_id]\n  }\n";
        applied(db, named);
        // Before inspection showed the index, the second run planned it again and the server refused the duplicate.
        assertThat(applied(db, named)).isEmpty();
        assertThat(posts(db).indexes()).extracting(Index::name).containsExactly("owner");
    }

    @Test
    void anIndexOfAnotherNameOverTheKeysColumnsIsLeftToo() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        applied(db, FOREIGN_KEY + "  index \"by_author\" {\n    columns = [column.author_id]\n  }\n");
        // The file keeps the key and names no index for it, so the key relies on this one, which the server would
        // refuse to drop: it stays, as the reference keeps it.
        assertThat(applied(db, FOREIGN_KEY)).isEmpty();
        assertThat(posts(db).indexes()).extracting(Index::name).containsExactly("by_author");
    }

    @Test
    void aKeyDroppedFromTheDesiredStateTakesTheServersIndexWithIt() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        applied(db, FOREIGN_KEY);
        assertThat(applied(db, ""))
                .containsExactly(
                        "ALTER TABLE `posts` DROP FOREIGN KEY `owner`", "ALTER TABLE `posts` DROP INDEX `owner`");
        assertThat(posts(db).indexes()).isEmpty();
        assertThat(posts(db).foreignKeys()).isEmpty();
        // Back again: nothing of the first run is left to collide with.
        assertThat(applied(db, FOREIGN_KEY)).hasSize(1);
    }

    @Test
    void anotherIndexThatServesTheKeyReplacesTheServers() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        applied(db, FOREIGN_KEY);
        String named = FOREIGN_KEY + "  index \"by_author\" {\n    columns = [column.author_id]\n  }\n";
        assertThat(applied(db, named))
                .containsExactly("ALTER TABLE `posts` DROP INDEX `owner`, ADD INDEX `by_author` (`author_id`)");
        assertThat(posts(db).indexes()).extracting(Index::name).containsExactly("by_author");
        assertThat(applied(db, named)).isEmpty();
    }

    @Test
    void aUniqueIndexOverTheKeysColumnsIsTheSchemasAndIsDropped() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        applied(
                db,
                FOREIGN_KEY + "  index \"one_post\" {\n    unique  = true\n    columns = [column.author_id]\n  }\n");
        String plain = FOREIGN_KEY + "  index \"by_author\" {\n    columns = [column.author_id]\n  }\n";
        assertThat(applied(db, plain))
                .containsExactly("ALTER TABLE `posts` DROP INDEX `one_post`, ADD INDEX `by_author` (`author_id`)");
        assertThat(posts(db).indexes()).extracting(Index::name).containsExactly("by_author");
    }

    @Test
    void anIndexNoForeignKeyUsesIsDropped() throws Exception {
        String db = MariaServer.get().freshDatabase("fki");
        applied(db, "  index \"by_author\" {\n    columns = [column.author_id]\n  }\n");
        assertThat(applied(db, "")).containsExactly("ALTER TABLE `posts` DROP INDEX `by_author`");
        assertThat(posts(db).indexes()).isEmpty();
    }

    private static Table posts(String db) throws SQLException {
        try (Connection c = MariaServer.get().connect(db)) {
            return HclApply.inspect(c, db).schemas().get(0).table("posts").orElseThrow();
        }
    }

    /** Plans the file with the table parts of {@code posts} on the database, runs the plan and returns it. */
    private static List<String> applied(String db, String parts) throws SQLException {
        return HclApply.applied(db, FILE.formatted(parts));
    }
}
