package io.plumb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestParametersTest {

    private static TestParameters of(Map<String, String> values) {
        return TestParameters.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void unsetMeansNone() {
        assertThat(of(Map.of())).isEqualTo(TestParameters.none());
        assertThat(of(Map.of("plumb.test.dev-url", "  ", "plumb.test.schema", " , ")))
                .isEqualTo(TestParameters.none());
    }

    @Test
    void readsEveryKey() {
        TestParameters parameters = of(Map.of(
                "plumb.test.env", "local",
                "plumb.test.dev-url", "sqlite://dev?mode=memory",
                "plumb.test.schema", "schema.sql, views.sql",
                "plumb.test.dir", "file://migrations",
                "plumb.test.revisions-schema", "audit",
                "plumb.test.vars", "tenant=a, url=x=y"));

        assertThat(parameters)
                .isEqualTo(new TestParameters(
                        Optional.of("local"),
                        Optional.of("sqlite://dev?mode=memory"),
                        List.of("schema.sql", "views.sql"),
                        Optional.of("file://migrations"),
                        Optional.of("audit"),
                        Map.of("tenant", "a", "url", "x=y")));
        assertThat(parameters.variables()).containsEntry("tenant", new Value.Str("a"));
        assertThat(parameters.setsSchemaOrDir()).isTrue();
    }

    @Test
    void varsMustBePairs() {
        assertThatThrownBy(() -> of(Map.of("plumb.test.vars", "a=1,oops")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plumb.test.vars: expected name=value pairs separated by commas, found \"oops\"");
    }
}
