package io.plumb.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.HclException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintConfigsTest {

    private static final LintConfig GLOBAL = LintConfigs.parse(
            "lint {\n  review = \"ERROR\"\n  latest = 2\n  format = \"{{ json . }}\"\n"
                    + "  destructive {\n    error = false\n  }\n}\n",
            "atlas.hcl");

    @Test
    void readsEveryAttributeAndAnalyzerBlock() {
        LintConfig config = LintConfigs.parse(
                "lint {\n  log = \"x\"\n  git {\n    base = \"main\"\n    dir = \"repo\"\n  }\n"
                        + "  naming {\n    match = \"^[a-z]+$\"\n    index {\n      match = \"_idx$\"\n    }\n  }\n}\n",
                "atlas.hcl");

        assertThat(config.format()).contains("x");
        assertThat(config.gitBase()).contains("main");
        assertThat(config.gitDir()).contains("repo");
        assertThat(config.analyzer("naming").attribute("match")).contains("^[a-z]+$");
        assertThat(config.analyzer("naming").block("index").flatMap(b -> b.attribute("match")))
                .contains("_idx$");
        assertThat(GLOBAL.review()).contains(ReviewPolicy.ERROR);
        assertThat(GLOBAL.latest()).hasValue(2);
        assertThat(GLOBAL.analyzer("destructive").error()).contains(false);
        assertThat(GLOBAL.analyzer("data_depend").error()).isEmpty();
    }

    @Test
    void anEnvInheritsWhatItLeavesUnsetAsTheReferenceMerges() {
        LintConfig bare = LintConfigs.parse("lint {\n}\n", "env.hcl").extend(GLOBAL);
        assertThat(bare.review()).contains(ReviewPolicy.ERROR);
        assertThat(bare.format()).contains("{{ json . }}");
        assertThat(bare.latest()).hasValue(2);
        assertThat(bare.analyzer("destructive").error()).contains(false);

        // Its own analyzer blocks replace the global ones entirely; its own detector replaces the global one.
        LintConfig own = LintConfigs.parse(
                        "lint {\n  git {\n    base = \"dev\"\n  }\n  data_depend {\n    error = true\n  }\n}\n",
                        "env.hcl")
                .extend(GLOBAL);
        assertThat(own.analyzer("destructive").error()).isEmpty();
        assertThat(own.analyzer("data_depend").error()).contains(true);
        assertThat(own.latest()).isEmpty();
        assertThat(own.gitBase()).contains("dev");
        assertThat(own.review()).contains(ReviewPolicy.ERROR);
    }

    @Test
    void malformedBlocksAreErrorsWithTheirPosition() {
        assertThatThrownBy(() -> LintConfigs.parse("lint {\n  review = \"SOMETIMES\"\n}\n", "atlas.hcl"))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("atlas.hcl:2:")
                .hasMessageContaining("unknown review policy \"SOMETIMES\"");
        assertThatThrownBy(
                        () -> LintConfigs.parse("lint {\n  destructive {\n    error = \"no\"\n  }\n}\n", "atlas.hcl"))
                .isInstanceOf(HclException.class)
                .hasMessageStartingWith("atlas.hcl:3:")
                .hasMessageContaining("attribute \"error\" of destructive must be a bool");
        assertThatThrownBy(() -> LintConfigs.parse("lint {\n  lastest = 1\n}\n", "atlas.hcl"))
                .hasMessageContaining("unknown attribute \"lastest\" in the lint block");
        assertThatThrownBy(() -> new NamingAnalyzer(
                        LintConfigs.parse("lint {\n  naming {\n    match = \"([a-z\"\n  }\n}\n", "atlas.hcl")
                                .analyzer("naming")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lint naming: invalid match regular expression \"([a-z\"");
        assertThat(Optional.of(LintConfig.NONE.hasDetector())).contains(false);
    }
}
