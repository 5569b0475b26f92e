package io.plumb.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.diff.ChangeKind;
import io.plumb.engine.diff.DiffPolicy;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.plan.ConcurrentIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks how an env's {@code diff} block becomes a {@link DiffPolicy}: {@code skip} and {@code concurrent_index}. */
class DiffPolicyBlockTest {

    @TempDir
    Path dir;

    private DiffPolicy policy(String diffBlock) throws IOException {
        Path file = dir.resolve("atlas.hcl");
        Files.writeString(file, "env \"local\" {\n  url = \"sqlite://a.db\"\n" + diffBlock + "}\n");
        return ProjectFile.load(file, "atlas.hcl", Map.of(), name -> null, "local")
                .envs("local")
                .get(0)
                .diff();
    }

    @Test
    void noDiffBlockSkipsNothingAndPlansIndexesInTheTransaction() throws IOException {
        assertThat(policy("")).isEqualTo(DiffPolicy.none());
        assertThat(policy("").concurrentIndex()).isEqualTo(ConcurrentIndex.none());
    }

    @Test
    void concurrentIndexReadsCreateOrItsAliasAddAndDrop() throws IOException {
        assertThat(policy("diff {\n  concurrent_index {\n    create = true\n    drop = true\n  }\n}\n")
                        .concurrentIndex())
                .isEqualTo(new ConcurrentIndex(true, true));
        assertThat(policy("diff {\n  concurrent_index {\n    add = true\n  }\n}\n")
                        .concurrentIndex())
                .isEqualTo(new ConcurrentIndex(true, false));
    }

    @Test
    void skipAndConcurrentIndexLiveSideBySide() throws IOException {
        DiffPolicy policy = policy(
                "diff {\n  skip {\n    drop_table = true\n  }\n" + "  concurrent_index {\n    drop = true\n  }\n}\n");
        assertThat(policy.skip()).isEqualTo(Set.of(ChangeKind.DROP_TABLE));
        assertThat(policy.concurrentIndex()).isEqualTo(new ConcurrentIndex(false, true));
    }

    @Test
    void anUnknownAttributeOrANonBoolIsAnErrorAtItsPosition() {
        assertThatThrownBy(() -> policy("diff {\n  concurrent_index {\n    rebuild = true\n  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessageEndingWith(
                        "atlas.hcl:5:5: unsupported attribute \"rebuild\" in concurrent_index: expected create, add or drop");
        assertThatThrownBy(() -> policy("diff {\n  concurrent_index {\n    drop = \"yes\"\n  }\n}\n"))
                .isInstanceOf(HclException.class)
                .hasMessageEndingWith("atlas.hcl:5:12: concurrent_index \"drop\": expected a bool, found string");
    }
}
