package io.plumb.engine.realworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.realworld.FlowableScripts.Script;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowableScriptsTest {

    @Test
    void upgradePathStartsWithTheBaseCreateScriptsAndRunsTheStepsInVersionOrder() {
        List<String> names = FlowableScripts.of("postgres").upgradePath().stream()
                .map(Script::name)
                .toList();
        assertThat(names).startsWith("create_engine", "create_history", "upgrade_6005_to_6010_engine");
        assertThat(names)
                .endsWith(
                        "upgrade_7100_to_7101_common",
                        "upgrade_7100_to_7101_engine",
                        "upgrade_7101_to_7102_common",
                        "upgrade_7101_to_7102_engine");
        // Within one step the shared tables go first, then the engine's, then the history's.
        assertThat(names).containsSubsequence("upgrade_6120_to_6200_common", "upgrade_6120_to_6200_engine");
        assertThat(names).noneMatch(n -> n.contains("cam"));
    }

    @Test
    void readsTheSchemaVersionACreateScriptRecords() {
        String sql = "insert into ACT_GE_PROPERTY\nvalues ('schema.version', '6.0.0.5', 1);\n";
        assertThat(FlowableScripts.schemaVersion(sql)).isEqualTo("6.0.0.5");
        assertThatThrownBy(() -> FlowableScripts.schemaVersion("create table T (ID_ int);"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no schema.version in create script");
    }

    @Test
    void failsOnScriptsTheBuildDidNotUnpack(@TempDir Path empty) {
        FlowableScripts missing = new FlowableScripts(empty, "postgres", "6.0.0", "7.1.0");
        assertThat(missing.create("7.1.0")).isEmpty();
        assertThatThrownBy(missing::upgradePath)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no postgres create scripts of flowable 6.0.0 under " + empty);
    }
}
