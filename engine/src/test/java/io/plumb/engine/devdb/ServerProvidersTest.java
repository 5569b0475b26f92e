package io.plumb.engine.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.DatabaseException;
import io.plumb.provider.ServerProvider;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProvidersTest {

    private static final String SERVICES = "META-INF/services/" + ServerProvider.class.getName();

    @Test
    void theProviderModulesOnTheClassPathAreFound() {
        ServerProviders providers = ServerProviders.system();
        assertThat(providers.provider("embedded", "postgres"))
                .get()
                .extracting(p -> p.getClass().getName())
                .isEqualTo("io.plumb.provider.postgres.EmbeddedPostgresProvider");
        assertThat(providers.provider("embedded", "mariadb"))
                .get()
                .extracting(p -> p.getClass().getName())
                .isEqualTo("io.plumb.provider.mariadb.EmbeddedMariadbProvider");
        assertThat(providers.provider("docker", "maria"))
                .get()
                .extracting(p -> p.getClass().getName())
                .isEqualTo("io.plumb.provider.testcontainers.TestcontainersProvider");
        assertThat(providers.provider("embedded", "mysql")).isEmpty();
    }

    @Test
    void aUrlWhoseProviderIsAbsentNamesTheArtifactToAdd() {
        ServerProviders none = new ServerProviders(new WithoutProviders());
        assertThatThrownBy(() -> none.server("embedded", "postgres", "17", "embedded://postgres/17"))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("embedded://postgres/17 needs io.plumb:plumb-provider-postgres-embedded on the class path");
        assertThatThrownBy(() -> none.server("embedded", "mariadb", "11.4", "embedded://mariadb/11.4/dev"))
                .hasMessage(
                        "embedded://mariadb/11.4/dev needs io.plumb:plumb-provider-mariadb-embedded on the class path");
        assertThatThrownBy(() -> none.server("docker", "mysql", "8", "docker://mysql/8"))
                .hasMessage("docker://mysql/8 needs io.plumb:plumb-provider-testcontainers on the class path");
    }

    @Test
    void aJvmWithoutTheProviderJarsSaysWhichToAdd(@TempDir Path dir) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("provider-postgres-embedded")
                        && !entry.contains("provider-mariadb-embedded")
                        && !entry.contains("provider-testcontainers"))
                .collect(Collectors.joining(File.pathSeparator));
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        OpenChild.class.getName(),
                        "embedded://postgres/17/dev",
                        "embedded://mariadb/11.4",
                        "docker://postgres/15"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.nio.file.Files.readString(dir.resolve("out"), StandardCharsets.UTF_8))
                .isEqualTo(
                        "embedded://postgres/17/dev needs io.plumb:plumb-provider-postgres-embedded on the class path\n"
                                + "embedded://mariadb/11.4 needs io.plumb:plumb-provider-mariadb-embedded on the class path\n"
                                + "docker://postgres/15 needs io.plumb:plumb-provider-testcontainers on the class path\n");
    }

    /** A class loader that sees every class but no provider registration. */
    private static final class WithoutProviders extends ClassLoader {

        WithoutProviders() {
            super(ServerProvidersTest.class.getClassLoader());
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals(SERVICES) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
