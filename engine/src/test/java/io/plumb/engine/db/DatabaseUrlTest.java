package io.plumb.engine.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
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

    @Test
    void theUserInfoEndsAtTheLastAtOfTheAuthority() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:S3cr@etPW@127.0.0.1:1/db");
        assertThat(url.user()).isEqualTo("u");
        assertThat(url.password()).contains("S3cr@etPW");
        assertThat(url.host()).isEqualTo("127.0.0.1");
        assertThat(url.port()).isEqualTo(1);
        assertThat(url.toString()).isEqualTo("postgres://u:xxxxx@127.0.0.1:1/db");
    }

    @Test
    void unencodedReservedCharactersInAPasswordStayInThePassword() {
        for (String password : List.of(
                "S3cretPW#x", "S3cr/etPW", "S3cr?etPW", "S3cr:etPW", "S3cr%zzPW", "12/x", "S3 cr", "S3cr@et/PW#?%:")) {
            DatabaseUrl url = DatabaseUrl.parse("postgres://u:" + password + "@127.0.0.1:5433/db?sslmode=disable");
            assertThat(url.password()).as(password).contains(password);
            assertThat(url.host()).as(password).isEqualTo("127.0.0.1");
            assertThat(url.port()).as(password).isEqualTo(5433);
            assertThat(url.path()).as(password).isEqualTo("db");
            assertThat(url.query()).as(password).containsExactly(Map.entry("sslmode", "disable"));
            assertThat(url.toString()).isEqualTo("postgres://u:xxxxx@127.0.0.1:5433/db?sslmode=disable");
        }
    }

    @Test
    void percentEncodedPasswordsAreDecodedAsUtf8() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://u:S3cr%40%23%2F%3F%25%3A%C3%A9PW@h/db");
        assertThat(url.password()).contains("S3cr@#/?%:éPW");
        assertThat(url.toString()).isEqualTo("mysql://u:xxxxx@h/db");
    }

    @Test
    void credentialQueryParametersAreMaskedButKept() {
        DatabaseUrl pg = DatabaseUrl.parse("postgres://u@host/app?password=S3cretPWx&sslmode=disable");
        assertThat(pg.loginPassword()).contains("S3cretPWx");
        assertThat(pg.toString()).isEqualTo("postgres://u@host/app?password=xxxxx&sslmode=disable");
        DatabaseUrl my = DatabaseUrl.parse("mysql://host:3306/app?user=u&password=S3cr@et&sslPassword=k");
        assertThat(my.loginUser()).isEqualTo("u");
        assertThat(my.loginPassword()).contains("S3cr@et");
        assertThat(my.host()).isEqualTo("host");
        assertThat(my.toString()).isEqualTo("mysql://host:3306/app?user=u&password=xxxxx&sslPassword=xxxxx");
        assertThat(DatabaseUrl.parse("sqlite://f.db?_auth_user=a&_auth_pass=S3cretPW")
                        .toString())
                .isEqualTo("sqlite://f.db?_auth_user=a&_auth_pass=xxxxx");
    }

    @Test
    void anInvalidUrlNeverShowsItsUserInfo() {
        for (String text : List.of(
                "postgres://u:S3cretPW@h:99999/db",
                "postgres://u:S3cretPW@h:port/db",
                "postgres://u:S3cretPW/db",
                "postgres://u:S3cretPW@h:1:2/db",
                "mysql://h:x/app?user=u&password=S3cr@etPW",
                "postgres://u:S3cr@et/PW@local host/db",
                "postgres://u:S3cretPW@local host/db",
                "postgres://u:S3cretPW@h/db?=x",
                "u:S3cretPW@h/db",
                "oracle://u:S3cretPW@h/db")) {
            assertThatThrownBy(() -> Database.open(text, Path.of(".")))
                    .as(text)
                    .isInstanceOf(InvalidUrlException.class)
                    .hasMessageNotContaining("S3cr")
                    .hasMessageNotContaining("PW");
        }
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:S3cretPW@h:99999/db"))
                .hasMessage("invalid URL \"postgres://u:xxxxx@h:99999/db\": port 99999 is out of range, expected 1 to"
                        + " 65535");
    }

    @Test
    void aUrlOfNoKnownFormIsToldTheExpectedFormWhole() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:S3cretPW@[::1"))
                .hasMessage("invalid URL \"postgres://xxxxx@[::1\": expected postgres://[USER[:PASS]@]HOST[:PORT]/...");
    }

    @Test
    void redactsUrlsInsideMessages() {
        assertThat(DatabaseUrl.redact("a postgres://u:S3cr@et@h/db?password=p1 and mysql://h/x?pwd=p2: b"))
                .isEqualTo("a postgres://u:xxxxx@h/db?password=xxxxx and mysql://h/x?pwd=xxxxx: b");
        assertThat(DatabaseUrl.parse("postgres://u:p@h/db?password=x@y").toString())
                .isEqualTo("postgres://u:xxxxx@h/db?password=xxxxx");
        assertThat(DatabaseUrl.redact("password=S3cretPW user=u")).isEqualTo("password=xxxxx user=u");
        assertThat(DatabaseUrl.redact("file postgres:/u:S3cr/et@h/db does not exist"))
                .isEqualTo("file postgres:xxxxx@h/db does not exist");
        assertThat(DatabaseUrl.redact("Access denied for user 'u'@'localhost' (using password: YES)"))
                .isEqualTo("Access denied for user 'u'@'localhost' (using password: YES)");
        assertThat(DatabaseUrl.redact("cannot connect to postgres://u:xxxxx@h:1/db: connection refused"))
                .isEqualTo("cannot connect to postgres://u:xxxxx@h:1/db: connection refused");
    }

    @Test
    void redactsAMessageThatQuotesALongLine() {
        // A long run of letters (a line of a malformed file, quoted) once made the patterns take quadratic time.
        String run = "y".repeat(200_000);
        String dots = "a.".repeat(50_000);
        assertThat(DatabaseUrl.redact(
                        run + " postgres://u:S3cretPW@h/db " + dots + "password=S3cretPW " + run + " u:S3cretPW@h"))
                .isEqualTo(run + " postgres://u:xxxxx@h/db " + dots + "password=xxxxx " + run + " u:xxxxx@h");
    }

    @Test
    void refusesAnUnknownSqliteMode() {
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite://x.db?mode=bogus"))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage("invalid URL \"sqlite://x.db?mode=bogus\": no such access mode \"bogus\", expected ro, rw,"
                        + " rwc or memory");
        assertThat(DatabaseUrl.parse("sqlite://x.db?mode=ro").isSqlite()).isTrue();
    }
}
