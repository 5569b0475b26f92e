package io.plumb.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void parsesSqliteUrlsAsDataSourceNamePlusQuery() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite://file:/w/atlas.sqlite?cache=shared&_fk=1");
        assertThat(url.isSqlite()).isTrue();
        assertThat(url.path()).isEqualTo("file:/w/atlas.sqlite");
        assertThat(url.query()).containsExactly(Map.entry("cache", "shared"), Map.entry("_fk", "1"));
        assertThat(DatabaseUrl.parse("sqlite://dev?mode=memory").isMemory()).isTrue();
        assertThat(DatabaseUrl.parse("sqlite3://x.db").isSqlite()).isTrue();
    }

    @Test
    void parsesServerUrlsWithDecodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://user:p%40ss@localhost:5432/app?sslmode=disable");
        assertThat(url.scheme()).isEqualTo("postgres");
        assertThat(url.user()).isEqualTo("user");
        assertThat(url.password()).isEqualTo(Optional.of("p@ss"));
        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.path()).isEqualTo("app");
        assertThat(url.query()).containsEntry("sslmode", "disable");
    }

    @Test
    void neverPrintsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://root:s3cret@localhost:3306/app");
        assertThat(url.toString())
                .isEqualTo("mysql://root:xxxxx@localhost:3306/app")
                .doesNotContain("s3cret");
        assertThat(DatabaseUrl.redact("connect mysql://root:s3cret@h/x failed"))
                .isEqualTo("connect mysql://root:xxxxx@h/x failed");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:s3cret@local host/app"))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void rejectsTextThatIsNoUrl() {
        assertThatThrownBy(() -> DatabaseUrl.parse("schema.db"))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage("invalid URL \"schema.db\": missing scheme, expected a URL such as sqlite://file.db");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite://?mode=memory"))
                .hasMessageContaining("missing database file");
    }

    @Test
    void opensSqliteRelativeToTheWorkingDirectoryAndRejectsUnknownSchemes(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (Database db = Database.open("sqlite://x.db?_fk=1", dir)) {
            assertThat(db.dialect().name()).isEqualTo("sqlite");
            assertThat(db.boundSchema()).contains("main");
        }
        // Nothing was written, so the file this run created is gone again (SqliteFileTest).
        assertThat(dir.resolve("x.db")).doesNotExist();
        assertThatThrownBy(() -> Database.open("oracle://u:pw@h/x", dir))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage(
                        "invalid URL \"oracle://u:xxxxx@h/x\": unsupported scheme \"oracle\" (expected sqlite, postgres, postgresql, mysql, maria, mariadb, embedded or docker)");
        assertThatThrownBy(() -> Database.open("sqlite://no/such/dir/x.db", dir))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot open sqlite://no/such/dir/x.db: ");
    }
}
