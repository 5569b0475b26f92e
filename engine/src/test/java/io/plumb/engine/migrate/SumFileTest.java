package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SumFileTest {

    // The reference vector of atlas-behaviour.md 4.2.
    private static final String VECTOR =
            """
            h1:tQ+Dff+GsCGpLtHlRjFhEOP/jt2aB21kO5/bbCvBEis=
            1_init.sql h1:eV5xrbK/rnpxbu1HbxjWF8QlHhcGcBgWs7XTEIMUU4c=
            2_second.sql h1:3NqWSASXbLMM3kVNmnxv/G87Ggh8oNyq/Bv3CkqBziw=
            """;

    private static MigrationFile file(String name, String content) {
        return new MigrationFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static final MigrationFile INIT = file("1_init.sql", "CREATE TABLE t1 (id int);\n");
    private static final MigrationFile SECOND = file("2_second.sql", "CREATE TABLE t2 (id int);\n");

    @Test
    void computesTheReferenceVectorByteForByte() {
        assertThat(SumFile.compute(List.of(INIT, SECOND)).render()).isEqualTo(VECTOR);
    }

    @Test
    void parsesWhatItRenders() {
        SumFile parsed = SumFile.parse(VECTOR);
        assertThat(parsed.render()).isEqualTo(VECTOR);
        assertThat(parsed.hashOf("2_second.sql")).contains("3NqWSASXbLMM3kVNmnxv/G87Ggh8oNyq/Bv3CkqBziw=");
        assertThat(parsed.hashOf("3_missing.sql")).isEmpty();
    }

    @Test
    void anEmptyDirectoryHasTheHashOfNothing() {
        assertThat(SumFile.compute(List.of()).render()).isEqualTo("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void eachHashDependsOnEveryEarlierFile() {
        MigrationFile editedInit = file("1_init.sql", "CREATE TABLE t1 (id bigint);\n");
        SumFile edited = SumFile.compute(List.of(editedInit, SECOND));
        SumFile original = SumFile.compute(List.of(INIT, SECOND));
        assertThat(edited.entries().get(1).hash())
                .isNotEqualTo(original.entries().get(1).hash());
    }

    @Test
    void anIgnoredFileIsNamedInTheHashButHasNoEntry() {
        MigrationFile ignored = file("1_init.sql", "-- atlas:sum ignore\nCREATE TABLE t1 (id int);\n");
        SumFile sum = SumFile.compute(List.of(ignored, SECOND));
        assertThat(sum.entries()).extracting(SumFile.Entry::name).containsExactly("2_second.sql");
        // The second hash differs from one computed without the first file: its name went into the running hash.
        assertThat(sum.entries().get(0).hash())
                .isNotEqualTo(SumFile.compute(List.of(SECOND)).entries().get(0).hash());
    }

    @Test
    void aFileThatIsNotUtf8TextIsHashedOverItsBytes() {
        // "-- café" in Latin-1: hashing needs no text, so the sum can be written; running the file is what refuses it.
        byte[] latin1 = "-- caf\u00e9\nCREATE TABLE t (a int);\n".getBytes(StandardCharsets.ISO_8859_1);
        MigrationFile file = new MigrationFile("1_a.sql", latin1);
        SumFile sum = SumFile.compute(List.of(file));
        assertThat(sum.entries()).extracting(SumFile.Entry::name).containsExactly("1_a.sql");
        assertThat(sum.entries().get(0).hash())
                .isNotEqualTo(SumFile.compute(List.of(file("1_a.sql", "-- caf\u00e9\nCREATE TABLE t (a int);\n")))
                        .entries()
                        .get(0)
                        .hash());
        assertThat(SumFile.isIgnored(new MigrationFile(
                        "2_b.sql", "-- atlas:sum ignore\n-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))))
                .isTrue();
        assertThatThrownBy(file::text).hasMessageContaining("1_a.sql:1:7: not UTF-8 text (byte 0xe9)");
    }

    @Test
    void onlyTheFirstLineCanOptOut() {
        assertThat(SumFile.isIgnored(file("a.sql", "/* atlas:sum ignore */"))).isFalse();
        assertThat(SumFile.isIgnored(file("a.sql", "# atlas:sum ignore\r\nx"))).isTrue();
        assertThat(SumFile.isIgnored(file("a.sql", "SELECT 1;\n-- atlas:sum ignore\n")))
                .isFalse();
        assertThat(SumFile.isIgnored(file("a.sql", "-- atlas:sum ignored\n"))).isFalse();
    }

    @Test
    void aLineWithoutHashIsAFormatError() {
        assertThatThrownBy(() -> SumFile.parse("h1:x\n1_init.sql h1:y\n2_next.sql\n"))
                .isInstanceOf(ChecksumException.class)
                .hasMessage("atlas.sum:3:1: checksum file format invalid: expected \"NAME h1:HASH\", found"
                        + " \"2_next.sql\"");
    }

    @Test
    void aTotalThatDoesNotMatchItsLinesIsAMismatch() {
        assertThatThrownBy(() -> SumFile.parse(VECTOR.replace("tQ+D", "AAAA")))
                .isInstanceOf(ChecksumException.class)
                .hasMessage("checksum mismatch");
    }

    @Test
    void blamesAnEditedFileAtItsLine() {
        SumFile stored = SumFile.parse(VECTOR);
        MigrationFile edited = file("2_second.sql", "CREATE TABLE t2 (id bigint);\n");
        assertThatThrownBy(() -> stored.verify(List.of(INIT, edited)))
                .isInstanceOfSatisfying(
                        ChecksumException.class,
                        e -> assertThat(e.blame().orElseThrow().describe()).isEqualTo("L3: 2_second.sql was edited"));
    }

    @Test
    void blamesAnAddedFile() {
        SumFile stored = SumFile.parse(VECTOR);
        MigrationFile added = file("3_third.sql", "CREATE TABLE t3 (id int);\n");
        assertThatThrownBy(() -> stored.verify(List.of(INIT, SECOND, added)))
                .isInstanceOfSatisfying(
                        ChecksumException.class,
                        e -> assertThat(e.blame().orElseThrow().describe()).isEqualTo("L4: 3_third.sql was added"));
        MigrationFile between = file("1a_between.sql", "SELECT 1;\n");
        assertThatThrownBy(() -> stored.verify(List.of(INIT, between, SECOND)))
                .isInstanceOfSatisfying(
                        ChecksumException.class,
                        e -> assertThat(e.blame().orElseThrow().describe()).isEqualTo("L3: 1a_between.sql was added"));
    }

    @Test
    void blamesARemovedFile() {
        SumFile stored = SumFile.parse(VECTOR);
        assertThatThrownBy(() -> stored.verify(List.of(INIT)))
                .isInstanceOfSatisfying(
                        ChecksumException.class,
                        e -> assertThat(e.blame().orElseThrow().describe()).isEqualTo("L3: 2_second.sql was removed"));
        assertThatThrownBy(() -> stored.verify(List.of(SECOND)))
                .isInstanceOfSatisfying(
                        ChecksumException.class,
                        e -> assertThat(e.blame().orElseThrow().describe()).isEqualTo("L2: 1_init.sql was removed"));
    }

    @Test
    void acceptsTheFilesItWasComputedFrom() {
        SumFile.parse(VECTOR).verify(List.of(INIT, SECOND));
    }
}
