package io.plumb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenArtifactsTest {

    private static final String GROUP = "org.example.plumbtest";
    private static final String ARTIFACT = "plumb-test-binaries";
    private static final String[] PROPERTIES = {"maven.repo.local", "plumb.maven.settings", "plumb.maven.repository"};

    private final Map<String, @Nullable String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
        // Nothing in these tests may be fetched: a closed port instead of Maven Central.
        System.setProperty("plumb.maven.repository", "http://127.0.0.1:1/maven2");
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

    private static Path install(Path repository, String version) throws IOException {
        Path dir = repository.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(version);
        Files.createDirectories(dir);
        return Files.write(dir.resolve(ARTIFACT + "-" + version + ".jar"), new byte[] {'P', 'K'});
    }
}
