package io.plumb.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.source.SourceLoader.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlImportsTest {

    @TempDir
    Path root;

    @Test
    void importsRunBeforeTheirFileAndEachFileRunsOnce() throws IOException {
        write("schema/public.sql", "CREATE SCHEMA app;\n");
        write("schema/tables/users.sql", "-- atlas:import ../public.sql\n\nCREATE TABLE app.users (id int);\n");
        write(
                "schema/tables/posts.sql",
                "-- atlas:import ../public.sql\n-- atlas:import users.sql\n\nCREATE TABLE app.posts (id int);\n");
        write(
                "schema/main.sql",
                "-- a comment before the directives\n-- atlas:import ./tables/posts.sql\n"
                        + "-- atlas:import ./tables/users.sql\n");

        assertThat(displays(List.of(file("schema/main.sql"), file("schema/public.sql"))))
                .containsExactly(
                        "schema/public.sql", "schema/tables/users.sql", "schema/tables/posts.sql", "schema/main.sql");
    }

    @Test
    void aDirectoryImportsItsSqlFilesInNameOrder() throws IOException {
        write("schema/tables/b.sql", "CREATE TABLE b (id int);\n");
        write("schema/tables/a.sql", "CREATE TABLE a (id int);\n");
        write("schema/tables/nested/c.sql", "CREATE TABLE c (id int);\n");
        write("schema/tables/notes.txt", "not SQL\n");
        write("schema/main.sql", "-- atlas:import tables\n");

        assertThat(displays(List.of(file("schema/main.sql"))))
                .containsExactly(
                        "schema/tables/a.sql", "schema/tables/b.sql", "schema/tables/nested/c.sql", "schema/main.sql");
    }

    @Test
    void onlyTheLeadingCommentsHoldDirectives() throws IOException {
        write("schema/main.sql", "CREATE TABLE t (id int);\n-- atlas:import missing.sql\n");

        assertThat(displays(List.of(file("schema/main.sql")))).containsExactly("schema/main.sql");
    }

    @Test
    void aCycleLoadsEveryFileOnce() throws IOException {
        write("schema/a.sql", "-- atlas:import b.sql\nCREATE TABLE a (id int);\n");
        write("schema/b.sql", "-- atlas:import a.sql\nCREATE TABLE b (id int);\n");

        assertThat(displays(List.of(file("schema/a.sql"), file("schema/b.sql"))))
                .containsExactly("schema/b.sql", "schema/a.sql");
    }

    @Test
    void aMissingImportIsAnErrorAtItsDirective() throws IOException {
        write("schema/main.sql", "-- header\n  -- atlas:import tables/gone.sql\n");

        assertThatThrownBy(() -> SqlImports.expand(List.of(file("schema/main.sql"))))
                .isInstanceOf(SourceException.class)
                .hasMessage("schema/main.sql:2:3: atlas:import \"tables/gone.sql\": no such file or directory");
    }

    @Test
    void anImportMustBeSqlAndADirectoryMustHoldSome() throws IOException {
        write("schema/schema.hcl", "table \"t\" {}\n");
        Files.createDirectories(root.resolve("schema/empty"));
        write("schema/main.sql", "-- atlas:import schema.hcl\n");
        write("schema/other.sql", "-- atlas:import empty\n");

        assertThatThrownBy(() -> SqlImports.expand(List.of(file("schema/main.sql"))))
                .hasMessage("schema/main.sql:1:1: atlas:import \"schema.hcl\": not an SQL (.sql) file");
        assertThatThrownBy(() -> SqlImports.expand(List.of(file("schema/other.sql"))))
                .hasMessage("schema/other.sql:1:1: atlas:import \"empty\": the directory holds no .sql file");
    }

    private List<String> displays(List<SourceFile> files) {
        return SqlImports.expand(files).stream().map(SourceFile::display).toList();
    }

    private SourceFile file(String name) {
        return new SourceFile(root.resolve(name), name);
    }

    private void write(String name, String text) throws IOException {
        Path path = root.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
