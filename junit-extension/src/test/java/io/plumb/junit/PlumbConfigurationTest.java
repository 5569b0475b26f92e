package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.runner.RunnerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlumbConfigurationTest {

    private static PlumbConfiguration of(Map<String, String> values) {
        return PlumbConfiguration.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsAreOffExceptParallel() {
        PlumbConfiguration configuration = of(Map.of());

        assertThat(configuration)
                .isEqualTo(new PlumbConfiguration(
                        false, false, false, RunnerOptions.DEFAULT_TIMEOUT, Optional.empty(), true, Optional.empty()));
        assertThat(configuration.toRunnerOptions().variables()).isEmpty();
        assertThat(configuration.toRunnerOptions().workRoot()).isEmpty();
    }

    @Test
    void parallelIsOnUnlessASwitchSaysOtherwise() {
        String plumb = "plumb.execution.parallel.enabled";
        String jupiter = "junit.jupiter.execution.parallel.enabled";

        assertThat(of(Map.of(plumb, "false")).parallel()).isFalse();
        assertThat(of(Map.of(plumb, " FALSE ")).parallel()).isFalse();
        assertThat(of(Map.of(plumb, "true")).parallel()).isTrue();
        // Jupiter's switch decides only when Plumb's own is not set.
        assertThat(of(Map.of(jupiter, "false")).parallel()).isFalse();
        assertThat(of(Map.of(jupiter, "true")).parallel()).isTrue();
        assertThat(of(Map.of(jupiter, "false", plumb, "true")).parallel()).isTrue();
        assertThat(of(Map.of(jupiter, "true", plumb, "false")).parallel()).isFalse();
        // A blank value is as good as none.
        assertThat(of(Map.of(plumb, " ", jupiter, "false")).parallel()).isFalse();
        assertThat(of(Map.of(plumb, "")).parallel()).isTrue();
    }

    @Test
    void readsEverySetting() {
        PlumbConfiguration configuration = of(Map.of(
                "plumb.update", "true",
                "plumb.keepWork", "TRUE",
                "plumb.short", "true",
                "plumb.timeout", "PT30S",
                "plumb.workRoot", "/tmp/plumb",
                "junit.jupiter.execution.parallel.enabled", "true",
                "plumb.script.dialect", " postgres "));

        assertThat(configuration)
                .isEqualTo(new PlumbConfiguration(
                        true,
                        true,
                        true,
                        Duration.ofSeconds(30),
                        Optional.of(Path.of("/tmp/plumb")),
                        true,
                        Optional.of("postgres")));
        RunnerOptions options = configuration.toRunnerOptions();
        assertThat(options.update()).isTrue();
        assertThat(options.keepWork()).isTrue();
        assertThat(options.isShort()).isTrue();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.workRoot()).contains(Path.of("/tmp/plumb"));
        assertThat(options.variables()).containsExactly(Map.entry("dialect", "postgres"));
    }

    @Test
    void scriptDialectAliasesAndErrors() {
        assertThat(of(Map.of("plumb.script.dialect", "mariadb"))
                        .toRunnerOptions()
                        .variables())
                .containsExactly(Map.entry("dialect", "mysql"));
        assertThatThrownBy(() -> of(Map.of("plumb.script.dialect", "oracle")).toRunnerOptions())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown script dialect \"oracle\", expected sqlite, postgres or mysql, or a server"
                        + " version such as postgres15 or maria1011");
        assertThat(of(Map.of("plumb.script.dialect", "postgres15"))
                        .toRunnerOptions()
                        .variables())
                .containsExactly(Map.entry("dialect", "postgres15"));
    }

    @Test
    void timeoutIsIsoOrSeconds() {
        assertThat(PlumbConfiguration.parseTimeout("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PlumbConfiguration.parseTimeout("pt2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> PlumbConfiguration.parseTimeout("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plumb.timeout: expected an ISO-8601 duration or a number of seconds, found \"soon\"");
    }

    @Test
    void aTimeoutMustBePositiveAndInRange() {
        for (String bad : new String[] {"0", "PT0S", "PT-5S", "-5", "99999999999999999999", "PT999999999999999999H"}) {
            assertThatThrownBy(() -> PlumbConfiguration.parseTimeout(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("plumb.timeout: expected ");
        }
    }

    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsAnError() {
        assertThatThrownBy(() -> of(Map.of("plumb.update", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plumb.update: expected true or false, found \"yes\"");
        assertThatThrownBy(() -> of(Map.of("plumb.execution.parallel.enabled", "on")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plumb.execution.parallel.enabled: expected true or false, found \"on\"");
        // Jupiter's own switch keeps Jupiter's reading.
        assertThat(of(Map.of("junit.jupiter.execution.parallel.enabled", "on")).parallel())
                .isFalse();
        assertThat(of(Map.of("plumb.short", " True ")).isShort()).isTrue();
        assertThat(of(Map.of("plumb.short", " ")).isShort()).isFalse();
    }

    @Test
    void lintTargetsRefuseASwitchThatIsNeitherTrueNorFalse() {
        io.plumb.junit.internal.TestSetupResolver resolver =
                new io.plumb.junit.internal.TestSetupResolver(TestParameters.none(), Path.of("."), false, name -> null);

        assertThatThrownBy(() -> io.plumb.junit.internal.LintTargets.from(
                        key -> Optional.ofNullable(
                                Map.of("plumb.lint.enabled", "no").get(key)),
                        resolver))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plumb.lint.enabled: expected true or false, found \"no\"");
    }
}
