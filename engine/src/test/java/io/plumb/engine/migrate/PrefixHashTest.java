package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixHashTest {

    private static MigrationFile file(String name, String content) {
        return new MigrationFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static final MigrationFile ONE = file("1_a.sql", "CREATE TABLE a (x int);\n");
    private static final MigrationFile TWO = file("2_b.sql", "CREATE TABLE b (x int);\n");

    @Test
    void theRunningValueOfEachPrefixIsTheHashOfThatPrefix() {
        PrefixHash running = new PrefixHash();

        assertThat(running.add(ONE).value()).isEqualTo(PrefixHash.of(List.of(ONE)));
        assertThat(running.add(TWO).value()).isEqualTo(PrefixHash.of(List.of(ONE, TWO)));
    }

    @Test
    void namesContentsAndOrderAllCount() {
        String hash = PrefixHash.of(List.of(ONE, TWO));

        assertThat(PrefixHash.of(List.of(file("1_other.sql", "CREATE TABLE a (x int);\n"), TWO)))
                .isNotEqualTo(hash);
        assertThat(PrefixHash.of(List.of(file("1_a.sql", "CREATE TABLE a (y int);\n"), TWO)))
                .isNotEqualTo(hash);
        assertThat(PrefixHash.of(List.of(TWO, ONE))).isNotEqualTo(hash);
        assertThat(PrefixHash.of(List.of())).isNotEqualTo(hash).isEqualTo(new PrefixHash().value());
    }

    @Test
    void isTheSha256OfNamesAndBytesInOrder() throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update("1_a.sql".getBytes(StandardCharsets.UTF_8));
        sha.update(ONE.content());

        assertThat(PrefixHash.of(List.of(ONE)))
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(sha.digest()));
    }
}
