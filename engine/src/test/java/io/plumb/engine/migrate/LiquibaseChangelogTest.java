package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquibaseChangelogTest {

    private static final String HEADER =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
            """;

    @TempDir
    Path root;

    private MigrationDir changelog(String master, String included) throws IOException {
        Path dir = Files.createDirectories(root.resolve("changelog"));
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("db.changelog-master.xml"), HEADER + master + "</databaseChangeLog>\n");
        Files.writeString(dir.resolve("parts/people.xml"), HEADER + included + "</databaseChangeLog>\n");
        return MigrationDir.open("file://changelog?format=liquibase", root);
    }

    /** Returns the statements Liquibase writes for a migration file on a dialect, as text. */
    private static List<String> texts(MigrationFile file, ScannerOptions options) {
        return MigrationScript.parse(file, options).statements().stream()
                .map(Statement::text)
                .toList();
    }

    @Test
    void eachRunOfOneFilesChangesetsIsAMigrationNumberedInRunOrder() throws IOException {
        MigrationDir dir = changelog(
                """
                  <changeSet id="first" author="ada"><sql>CREATE TABLE a (id int)</sql></changeSet>
                  <include file="parts/people.xml" relativeToChangelogFile="true"/>
                  <changeSet id="last" author="ada"><sql>CREATE TABLE z (id int)</sql></changeSet>
                """,
                """
                  <changeSet id="1" author="bob"><sql>CREATE TABLE b (id int)</sql></changeSet>
                  <changeSet id="2" author="bob"><sql>CREATE TABLE c (id int)</sql></changeSet>
                """);

        List<MigrationFile> files = dir.files();

        assertThat(files)
                .extracting(MigrationFile::name, MigrationFile::version, MigrationFile::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("db.changelog-master.xml", "0001", "db.changelog-master"),
                        org.assertj.core.groups.Tuple.tuple("parts/people.xml", "0002", "people"),
                        org.assertj.core.groups.Tuple.tuple(
                                "db.changelog-master.xml#2", "0003", "db.changelog-master"));
        assertThat(files.get(1).content()).isEqualTo(Files.readAllBytes(root.resolve("changelog/parts/people.xml")));
        MigrationScript people = MigrationScript.parse(files.get(1), ScannerOptions.POSTGRES);
        assertThat(people.statements())
                .extracting(Statement::text, Statement::line, Statement::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CREATE TABLE b (id int);", 5, 34),
                        org.assertj.core.groups.Tuple.tuple("CREATE TABLE c (id int);", 6, 34));
        assertThat(texts(files.get(2), ScannerOptions.SQLITE)).containsExactly("CREATE TABLE z (id int);");
    }

    @Test
    void aChangesetForAnotherDatabaseWritesNothingThere() throws IOException {
        MigrationDir dir = changelog(
                """
                  <property name="id.type" value="uuid" dbms="postgresql"/>
                  <property name="id.type" value="char(36)"/>
                  <include file="parts/people.xml" relativeToChangelogFile="true"/>
                """,
                """
                  <changeSet id="1" author="bob">
                    <createTable tableName="people"><column name="id" type="${id.type}"/></createTable>
                  </changeSet>
                  <changeSet id="2" author="bob" dbms="postgresql">
                    <sql>CREATE EXTENSION IF NOT EXISTS citext</sql>
                  </changeSet>
                """);

        MigrationFile people = dir.files().get(0);

        assertThat(texts(people, ScannerOptions.POSTGRES))
                .containsExactly("CREATE TABLE people (id UUID);", "CREATE EXTENSION IF NOT EXISTS citext;");
        assertThat(texts(people, ScannerOptions.MYSQL)).containsExactly("CREATE TABLE people (id CHAR(36) NULL);");
    }

    @Test
    void aChangeSqliteCannotTakeWithoutTheLiveTableIsAnErrorAtTheChange() throws IOException {
        MigrationDir dir = changelog(
                "  <include file=\"parts/people.xml\" relativeToChangelogFile=\"true\"/>\n",
                """
                  <changeSet id="1" author="bob">
                    <dropColumn tableName="people" columnName="nick"/>
                  </changeSet>
                """);

        MigrationFile people = dir.files().get(0);

        assertThatThrownBy(() -> MigrationScript.parse(people, ScannerOptions.SQLITE))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageStartingWith("parts/people.xml:6:5: changeset bob:1: dropColumn on SQLite: Liquibase writes"
                        + " it from the table as it is in the database");
        assertThat(texts(people, ScannerOptions.POSTGRES)).containsExactly("ALTER TABLE people DROP COLUMN nick;");
    }

    @Test
    void changelogsAreReadOnManyThreadsAtOnce() throws Exception {
        List<MigrationDir> dirs = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path top = root.resolve("many/" + i);
            Path dir = Files.createDirectories(top.resolve("parts"));
            Files.writeString(
                    top.resolve("db.changelog-master.xml"),
                    HEADER
                            + "  <include file=\"parts/t.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n");
            Files.writeString(
                    dir.resolve("t.xml"),
                    HEADER + "  <changeSet id=\"1\" author=\"a\"><createTable tableName=\"t" + i
                            + "\"><column name=\"id\" type=\"int\"/></createTable></changeSet>\n</databaseChangeLog>\n");
            dirs.add(MigrationDir.open("file://many/" + i + "?format=liquibase", root));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<String>>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (MigrationDir dir : dirs) {
                    results.add(pool.submit(() -> List.of(
                            MigrationScript.parse(dir.files().get(0), ScannerOptions.POSTGRES)
                                    .statements()
                                    .get(0)
                                    .text(),
                            MigrationScript.parse(dir.files().get(0), ScannerOptions.MYSQL)
                                    .statements()
                                    .get(0)
                                    .text(),
                            MigrationScript.parse(dir.files().get(0), ScannerOptions.SQLITE)
                                    .statements()
                                    .get(0)
                                    .text())));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                String table = "t" + (i % dirs.size());
                assertThat(results.get(i).get())
                        .containsExactly(
                                "CREATE TABLE " + table + " (id INTEGER);",
                                "CREATE TABLE " + table + " (id INT NULL);",
                                "CREATE TABLE " + table + " (id INTEGER);");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileWithALogicalPathIsNamedByItsPlaceInTheDirectory() throws IOException {
        MigrationDir dir = changelog(
                "  <include file=\"parts/people.xml\" relativeToChangelogFile=\"true\"/>\n",
                """
                  <changeSet id="1" author="bob" logicalFilePath="people-v1">
                    <sql>CREATE TABLE people (id int)</sql>
                  </changeSet>
                """);

        List<MigrationFile> files = dir.files();

        assertThat(files).extracting(MigrationFile::name).containsExactly("parts/people.xml");
        assertThat(texts(files.get(0), ScannerOptions.POSTGRES)).containsExactly("CREATE TABLE people (id int);");
    }

    @Test
    void aChangesetsQuotingStrategyIsTheOneItsSqlIsWrittenWith() throws IOException {
        MigrationDir dir = changelog(
                "  <include file=\"parts/people.xml\" relativeToChangelogFile=\"true\"/>\n",
                """
                  <changeSet id="1" author="bob" objectQuotingStrategy="QUOTE_ONLY_RESERVED_WORDS">
                    <addColumn tableName="Orders">
                      <column name="personId" type="int"><constraints references="People(id)" foreignKeyName="fk"/></column>
                    </addColumn>
                  </changeSet>
                  <changeSet id="2" author="bob">
                    <dropTable tableName="Orders"/>
                  </changeSet>
                """);

        MigrationFile people = dir.files().get(0);

        assertThat(texts(people, ScannerOptions.POSTGRES))
                .containsExactly(
                        "ALTER TABLE Orders ADD personId INTEGER;",
                        "ALTER TABLE Orders ADD CONSTRAINT fk FOREIGN KEY (personId) REFERENCES People (id);",
                        "DROP TABLE \"Orders\";");
    }

    @Test
    void loadDataReadsItsCsvFromTheDirectory() throws IOException {
        MigrationDir dir = changelog(
                "  <include file=\"parts/people.xml\" relativeToChangelogFile=\"true\"/>\n",
                """
                  <changeSet id="1" author="bob">
                    <loadData tableName="people" file="people.csv" relativeToChangelogFile="true">
                      <column name="id" type="numeric"/>
                    </loadData>
                  </changeSet>
                """);
        Files.writeString(root.resolve("changelog/parts/people.csv"), "id,name\n1,ada\n");

        MigrationFile people = dir.files().get(0);

        assertThat(MigrationScript.parse(people, ScannerOptions.POSTGRES).statements())
                .extracting(Statement::text, Statement::line, Statement::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INSERT INTO people (id, name) VALUES (1, 'ada');", 6, 5));
    }

    @Test
    void aPropertyForMysqlHoldsOnTheMysqlDialect() throws IOException {
        MigrationDir dir = changelog(
                """
                  <property name="when.type" value="datetime(6)" dbms="mysql"/>
                  <property name="when.type" value="timestamp" dbms="postgresql"/>
                  <property name="flag.type" value="bit" dbms="!mysql"/>
                  <property name="flag.type" value="boolean"/>
                  <include file="parts/people.xml" relativeToChangelogFile="true"/>
                """,
                """
                  <changeSet id="1" author="bob">
                    <createTable tableName="people">
                      <column name="seen" type="${when.type}"/>
                      <column name="ok" type="${flag.type}"/>
                    </createTable>
                  </changeSet>
                """);

        MigrationFile people = dir.files().get(0);

        assertThat(texts(people, ScannerOptions.MYSQL))
                .containsExactly("CREATE TABLE people (seen datetime(6) NULL, ok TINYINT(1) NULL);");
        assertThat(texts(people, ScannerOptions.POSTGRES))
                .containsExactly("CREATE TABLE people (seen TIMESTAMP WITHOUT TIME ZONE, ok BIT);");
    }

    @Test
    void aClassPathFileOfAChangeIsReadFromTheDirectory() throws IOException {
        MigrationDir dir = changelog(
                "  <include file=\"classpath:parts/people.xml\"/>\n",
                """
                  <changeSet id="1" author="bob">
                    <sqlFile path="classpath:parts/people.sql"/>
                    <loadData tableName="people" file="classpath:/parts/people.csv"/>
                  </changeSet>
                """);
        Files.writeString(root.resolve("changelog/parts/people.sql"), "CREATE TABLE people (id int, name text);\n");
        Files.writeString(root.resolve("changelog/parts/people.csv"), "id,name\n1,ada\n");

        MigrationFile people = dir.files().get(0);

        assertThat(texts(people, ScannerOptions.POSTGRES))
                .containsExactly(
                        "CREATE TABLE people (id int, name text);",
                        "INSERT INTO people (id, name) VALUES ('1', 'ada');");
    }

    @Test
    void aNewFileIsNotWrittenBesideAMasterChangelog() throws IOException {
        MigrationDir dir = changelog("", "");

        assertThatThrownBy(dir::requireFormat)
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining(
                        "db.changelog-master.xml:1:1: the directory runs what this Liquibase changelog" + " includes");
    }
}
