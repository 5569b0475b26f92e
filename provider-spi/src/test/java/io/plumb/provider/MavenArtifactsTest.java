package io.plumb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenArtifactsTest {

    private static final String GROUP = "org.example.plumbtest";
    private static final String ARTIFACT = "plumb-test-binaries";
    private static final String[] PROPERTIES = {
        "maven.repo.local", "plumb.maven.settings", "plumb.maven.repository", "user.home"
    };

    private final Map<String, @Nullable String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
        // Nothing in these tests may be fetched: a closed port instead of Maven Central.
        System.setProperty("plumb.maven.repository", "http://127.0.0.1:1/maven2");
        System.setProperty("user.home", String.valueOf(saved.get("user.home")));
    }

    @AfterEach
    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void theSettingsFilesLocalRepositoryIsSearched(@TempDir Path dir) throws IOException {
        Path repository = dir.resolve("repo with space");
        Path jar = install(repository, "17.6.0");
        install(repository, "16.4.0");
        Path settings = dir.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings>\n  <!-- <localRepository>/not/this/one</localRepository> -->\n"
                        + "  <localRepository>\n    " + repository + "\n  </localRepository>\n</settings>\n",
                StandardCharsets.UTF_8);
        System.setProperty("plumb.maven.settings", settings.toString());

        assertThat(MavenArtifacts.localRepository()).isEqualTo(repository);
        assertThat(MavenArtifacts.find(GROUP, ARTIFACT, "17", "Test 17")).isEqualTo(jar);
    }

    @Test
    void theSettingsExpandUserHomeAndEnvironmentPlaceholders(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings><localRepository>${user.home}/elsewhere/${env.PLUMB_NO_SUCH_VARIABLE}</localRepository>"
                        + "</settings>",
                StandardCharsets.UTF_8);
        System.setProperty("plumb.maven.settings", settings.toString());

        assertThat(MavenArtifacts.localRepository())
                .isEqualTo(Path.of(System.getProperty("user.home"), "elsewhere", "${env.PLUMB_NO_SUCH_VARIABLE}"));
    }

    @Test
    void mavenRepoLocalWinsOverTheSettings(@TempDir Path dir) throws IOException {
        Path fromSettings = dir.resolve("settings-repo");
        install(fromSettings, "17.6.0");
        Path fromProperty = dir.resolve("property-repo");
        Path jar = install(fromProperty, "17.2.0");
        Path settings = dir.resolve("settings.xml");
        Files.writeString(
                settings,
                "<settings><localRepository>" + fromSettings + "</localRepository></settings>",
                StandardCharsets.UTF_8);
        System.setProperty("plumb.maven.settings", settings.toString());
        System.setProperty("maven.repo.local", fromProperty.toString());

        assertThat(MavenArtifacts.find(GROUP, ARTIFACT, "17", "Test 17")).isEqualTo(jar);
    }

    @Test
    void aSettingsFileWithoutALocalRepositoryMeansTheDefault(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings><offline>true</offline></settings>", StandardCharsets.UTF_8);
        System.setProperty("plumb.maven.settings", settings.toString());

        assertThat(MavenArtifacts.localRepository())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    @Test
    void aVersionInNoRepositoryFailsNamingWhatWasSearched(@TempDir Path dir) throws IOException {
        install(dir.resolve("repo"), "16.4.0");
        System.setProperty("maven.repo.local", dir.resolve("repo").toString());

        assertThatThrownBy(() -> MavenArtifacts.find(GROUP, ARTIFACT, "17", "Test 17"))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("no Test 17 binaries found (looked in the class path, " + dir.resolve("repo")
                        + " and Maven Central, which is unreachable: connection refused)");
    }

    @Test
    void aDownloadSaysWhatItFetchesFromWhereHowFarItGotAndWhenItIsDone(@TempDir Path dir) throws IOException {
        // A home of the test's own: no ~/.m2 to find the jar in, and the download cached where the test can see it.
        System.setProperty("user.home", dir.toString());
        byte[] jar = new byte[300_000];
        new Random(17).nextBytes(jar);
        HttpServer server = repository(Map.of(
                "maven-metadata.xml",
                ("<metadata><versioning><versions><version>16.4.0</version><version>17.2.0</version>"
                                + "<version>17.6.0</version><version>18.0.0</version></versions></versioning></metadata>")
                        .getBytes(StandardCharsets.UTF_8),
                "17.6.0/" + ARTIFACT + "-17.6.0.jar",
                jar));
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2";
            System.setProperty("plumb.maven.repository", base);
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            // An interval of zero: a progress line after every read, whatever the speed.
            Path found = MavenArtifacts.find(
                    GROUP,
                    ARTIFACT,
                    "17",
                    "Test 17",
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Duration.ZERO);

            assertThat(found).isEqualTo(dir.resolve(".cache/plumb/artifacts/" + ARTIFACT + "-17.6.0.jar"));
            assertThat(Files.readAllBytes(found)).isEqualTo(jar);
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0))
                    .isEqualTo("plumb: downloading Test 17 (" + ARTIFACT + "-17.6.0.jar, 0.3 MB) from " + base
                            + "/org/example/plumbtest/" + ARTIFACT + "/17.6.0/" + ARTIFACT + "-17.6.0.jar");
            assertThat(lines.subList(1, lines.size() - 1))
                    .isNotEmpty()
                    .allMatch(line -> line.matches("plumb: downloading Test 17: 0\\.[0-3] MB of 0\\.3 MB"));
            assertThat(lines.get(lines.size() - 2)).isEqualTo("plumb: downloading Test 17: 0.3 MB of 0.3 MB");
            assertThat(lines.get(lines.size() - 1))
                    .matches("plumb: downloading Test 17 done \\(0\\.3 MB\\) in [0-9]+ s");
        } finally {
            server.stop(0);
        }
        // Cached: found again with the repository gone, and nothing said.
        System.setProperty("plumb.maven.repository", "http://127.0.0.1:1/maven2");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(MavenArtifacts.find(
                        GROUP,
                        ARTIFACT,
                        "17",
                        "Test 17",
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Duration.ZERO))
                .isEqualTo(dir.resolve(".cache/plumb/artifacts/" + ARTIFACT + "-17.6.0.jar"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aJarTheRepositoryDoesNotServeFailsAndLeavesNoPartialFile(@TempDir Path dir) throws IOException {
        System.setProperty("user.home", dir.toString());
        HttpServer server = repository(Map.of(
                "maven-metadata.xml",
                "<metadata><versions><version>17.6.0</version></versions></metadata>"
                        .getBytes(StandardCharsets.UTF_8)));
        try {
            System.setProperty(
                    "plumb.maven.repository",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/maven2");
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            assertThatThrownBy(() -> MavenArtifacts.find(
                            GROUP,
                            ARTIFACT,
                            "17",
                            "Test 17",
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            Duration.ZERO))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("no Test 17 binaries found (looked in the class path, ~/.m2"
                            + " and Maven Central: HTTP 404 for " + ARTIFACT + "-17.6.0.jar)");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            try (Stream<Path> cached = Files.list(dir.resolve(".cache/plumb/artifacts"))) {
                assertThat(cached).isEmpty();
            }
        } finally {
            server.stop(0);
        }
    }

    // A Maven repository on 127.0.0.1 serving the test artifact's files, by their path under the artifact.
    private static HttpServer repository(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String prefix = "/maven2/" + GROUP.replace('.', '/') + "/" + ARTIFACT + "/";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.startsWith(prefix) ? files.get(path.substring(prefix.length())) : null;
            try (exchange) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
        return server;
    }

    private static Path install(Path repository, String version) throws IOException {
        Path dir = repository.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(version);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(ARTIFACT + "-" + version + ".jar"), new byte[] {'P', 'K'});
    }
}
