package io.plumb.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.Realm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLoaderTest {

    @TempDir
    Path dir;

    private final String schema = "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n  column \"id\" {\n"
            + "    type = integer\n  }\n}\n";

    private SourceLoader loader() {
        return new SourceLoader(dir, Map.of(), name -> null);
    }

    @Test
    void loadsHclFromAFileUrlAPathAndADirectory() throws IOException {
        Files.createDirectories(dir.resolve("schema"));
        Files.writeString(dir.resolve("schema/a.hcl"), schema);
        try (Database dev = Database.open("sqlite://dev?mode=memory", dir)) {
            for (String source : List.of("file://schema/a.hcl", "schema/a.hcl", "file://schema", "schema/")) {
                Realm realm = loader().load(List.of(source), dev.dialect(), null);
                assertThat(realm.schema("main").orElseThrow().table("t"))
                        .as(source)
                        .isPresent();
            }
            // Normalised through the dev database, and the dev database is left clean.
            assertThat(loader().load(List.of("schema"), dev.dialect(), dev)
                            .schema("main")
                            .orElseThrow()
                            .tables())
                    .hasSize(1);
            assertThat(dev.inspect(List.of()).schemas().get(0).tables()).isEmpty();
        }
    }

    @Test
    void loadsSqlThroughTheDevDatabase() throws IOException {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\n");
        try (Database dev = Database.open("sqlite://dev?mode=memory", dir)) {
            Realm realm = loader().load(List.of("a.sql"), dev.dialect(), dev);
            assertThat(realm.schemas().get(0).table("a").orElseThrow().indexes())
                    .hasSize(1);
            assertThat(dev.inspect(List.of()).schemas().get(0).tables()).isEmpty();
        }
    }

    @Test
    void reportsEveryBadSourceInOneLine() throws IOException {
        Files.write(dir.resolve("bin.hcl"), new byte[] {(byte) 0xff, (byte) 0xfe});
        Files.writeString(dir.resolve("bad.sql"), "CREATE TABLE (;\n");
        Files.writeString(dir.resolve("fails.sql"), "CREATE TABLE a (id int);\n\n  CREATE TABLE a (id int);\n");
        Files.createDirectories(dir.resolve("empty"));
        try (Database dev = Database.open("sqlite://dev?mode=memory", dir)) {
            assertThatThrownBy(() -> loader().load(List.of("bin.hcl"), dev.dialect(), null))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("bin.hcl:1:1: not UTF-8 text (byte 0xff)");
            assertThatThrownBy(() -> loader().load(List.of("bad.sql"), dev.dialect(), dev))
                    .hasMessage("bad.sql:1:14: unclosed '(': expected a matching ')'");
            assertThatThrownBy(() -> loader().load(List.of("fails.sql"), dev.dialect(), dev))
                    .hasMessage("fails.sql:3:3: executing statement \"CREATE TABLE a (id int);\": table a already"
                            + " exists");
            assertThatThrownBy(() -> loader().load(List.of("empty"), dev.dialect(), dev))
                    .hasMessage("directory empty has no .hcl or .sql files");
            assertThatThrownBy(() -> loader().load(List.of(), dev.dialect(), dev))
                    .hasMessageStartingWith("no desired state given");
            assertThatThrownBy(() -> loader().load(List.of("bad.sql"), dev.dialect(), null))
                    .hasMessageStartingWith("SQL schema files need a dev database");
            // A failed SQL source leaves the dev database clean for the next use.
            assertThat(dev.inspect(List.of()).schemas().get(0).tables()).isEmpty();
        }
    }
}
