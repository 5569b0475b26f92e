package io.plumb.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.Value;
import io.plumb.engine.testing.TestSetup;
import io.plumb.junit.TestParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSetupResolverTest {

    private static final Function<String, @Nullable String> NO_ENV = name -> null;

    @TempDir
    Path root;

    private TestSetupResolver resolver(TestParameters parameters) {
        return new TestSetupResolver(parameters, root, false, NO_ENV);
    }

    private Path testFile(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        return file;
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void nothingConfiguredGivesTheDefaultDevDatabaseOnly() throws IOException {
        TestSetup setup = resolver(TestParameters.none()).resolve(testFile("a.test.hcl"));

        assertThat(setup.devUrl()).isEqualTo("sqlite://plumb-dev?mode=memory");
        assertThat(setup.desiredSchema()).isEmpty();
        assertThat(setup.migrationDir()).isEmpty();
        assertThat(setup.workingDirectory()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(setup.update()).isFalse();
    }

    @Test
    void parametersAloneConfigureEverything() throws IOException {
        write("atlas.hcl", "env \"ignored\" {\n  dev = \"sqlite://other?mode=memory\"\n}\n");
        TestParameters parameters = TestParameters.none()
                .withDevUrl("sqlite://mine?mode=memory")
                .withSchema(List.of("schema.sql", "more.sql"))
                .withDir("file://migrations")
                .withRevisionsSchema("revisions")
                .withVars(Map.of("tenant", "a"));

        TestSetup setup = resolver(parameters).resolve(testFile("sub/a.test.hcl"));

        assertThat(setup.devUrl()).isEqualTo("sqlite://mine?mode=memory");
        assertThat(setup.desiredSchema()).containsExactly("schema.sql", "more.sql");
        assertThat(setup.schemaVariables()).isEqualTo(Map.of("tenant", new Value.Str("a")));
        assertThat(setup.migrationDir()).contains("file://migrations");
        assertThat(setup.revisionsSchema()).contains("revisions");
        assertThat(setup.workingDirectory()).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void projectFileAboveTheTestFileGivesItsOnlyEnv() throws IOException {
        write(
                "project/atlas.hcl",
                """
                env "local" {
                  src = "schema.hcl"
                  dev = "sqlite://dev?mode=memory"
                  tenant = "t1"
                  migration {
                    dir = "file://migrations"
                    revisions_schema = "audit"
                  }
                }
                """);

        TestSetup setup = resolver(TestParameters.none()).resolve(testFile("project/tests/deep/a.test.hcl"));

        Path project = root.resolve("project").toAbsolutePath().normalize();
        assertThat(setup.devUrl()).isEqualTo("sqlite://dev?mode=memory");
        assertThat(setup.desiredSchema()).containsExactly("file://" + project.resolve("schema.hcl"));
        assertThat(setup.schemaVariables()).containsEntry("tenant", new Value.Str("t1"));
        assertThat(setup.migrationDir()).contains("file://migrations");
        assertThat(setup.revisionsSchema()).contains("audit");
        assertThat(setup.workingDirectory()).isEqualTo(project);
    }

    @Test
    void theEnvsDirectoryFormatJoinsItsUrl() throws IOException {
        write(
                "atlas.hcl",
                """
                env "flyway" {
                  migration {
                    dir    = "file://src/main/resources/db/migration"
                    format = flyway
                  }
                }
                """);

        TestSetup setup = resolver(TestParameters.none()).resolve(testFile("a.test.hcl"));

        assertThat(setup.migrationDir()).contains("file://src/main/resources/db/migration?format=flyway");
    }

    @Test
    void parametersOverrideTheEnv() throws IOException {
        write("atlas.hcl", "env \"local\" {\n  src = \"schema.hcl\"\n  dev = \"sqlite://dev?mode=memory\"\n}\n");

        TestSetup setup = resolver(TestParameters.none()
                        .withEnv("local")
                        .withDevUrl("sqlite://override?mode=memory")
                        .withDir("file://elsewhere"))
                .resolve(testFile("a.test.hcl"));

        assertThat(setup.devUrl()).isEqualTo("sqlite://override?mode=memory");
        assertThat(setup.desiredSchema()).hasSize(1);
        assertThat(setup.migrationDir()).contains("file://elsewhere");
    }

    @Test
    void plumbHclCountsAsAProjectFile() throws IOException {
        write("plumb.hcl", "env \"only\" {\n  dev = \"sqlite://p?mode=memory\"\n}\n");

        TestSetup setup = resolver(TestParameters.none()).resolve(testFile("x/a.test.hcl"));

        assertThat(setup.devUrl()).isEqualTo("sqlite://p?mode=memory");
    }

    @Test
    void severalEnvsNeedOneNamed() throws IOException {
        write("atlas.hcl", "env \"dev\" {\n  src = \"a.hcl\"\n}\nenv \"prod\" {\n  src = \"b.hcl\"\n}\n");
        Path file = testFile("a.test.hcl");

        assertThatThrownBy(() -> resolver(TestParameters.none()).resolve(file))
                .isInstanceOf(TestSetupException.class)
                .hasMessageEndingWith(
                        "atlas.hcl: found envs \"dev\", \"prod\"; set plumb.test.env to the one the tests use");
        assertThat(resolver(TestParameters.none().withEnv("prod")).resolve(file).desiredSchema())
                .singleElement()
                .asString()
                .endsWith("/b.hcl");
    }

    @Test
    void namedEnvWithoutAProjectFileIsAnError() throws IOException {
        Path file = testFile("a.test.hcl");

        assertThatThrownBy(
                        () -> resolver(TestParameters.none().withEnv("local")).resolve(file))
                .isInstanceOf(TestSetupException.class)
                .hasMessageStartingWith("plumb.test.env is \"local\" but there is no atlas.hcl or plumb.hcl in ")
                .hasMessageEndingWith(" or above");
    }

    @Test
    void filesOfOneProjectGetEqualSetups() throws IOException {
        write("atlas.hcl", "env \"local\" {\n  src = \"schema.hcl\"\n}\n");
        TestSetupResolver resolver = resolver(TestParameters.none());
        TestRunners runners = new TestRunners();

        TestSetup first = resolver.resolve(testFile("a/one.test.hcl"));
        TestSetup second = resolver.resolve(testFile("b/two.test.hcl"));

        assertThat(first).isEqualTo(second);
        assertThat(runners.of(first)).isSameAs(runners.of(second));
        assertThat(runners.size()).isEqualTo(1);
        runners.close();
        assertThat(runners.size()).isZero();
    }

    @Test
    void findsTheNearestProjectFile() throws IOException {
        write("atlas.hcl", "");
        Path inner = write("a/plumb.hcl", "");

        assertThat(TestSetupResolver.findProjectFile(root.resolve("a/b/c"))).contains(inner);
        assertThat(TestSetupResolver.findProjectFile(root.resolve("z"))).contains(root.resolve("atlas.hcl"));
        assertThat(TestSetupResolver.findProjectFile(root.resolve("a")).map(Path::getFileName))
                .isEqualTo(Optional.of(Path.of("plumb.hcl")));
    }
}
