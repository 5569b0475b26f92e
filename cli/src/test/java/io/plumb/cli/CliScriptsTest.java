package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptFiles;
import io.plumb.runner.ScriptOutcome;
import io.plumb.runner.ScriptResult;
import io.plumb.runner.ScriptRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs the scripts under {@code testdata/cli}, which test the command line through the {@code plumb} command. */
class CliScriptsTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
        URL testdata = Objects.requireNonNull(CliScriptsTest.class.getResource("/testdata/cli"), "testdata/cli");
        List<Path> scripts = ScriptFiles.find(List.of(Path.of(testdata.toURI())));
        assertThat(scripts).isNotEmpty();
        ScriptRunner runner = new ScriptRunner(RunnerOptions.defaults().withWorkRoot(Files.createDirectories(work)));
        return ScriptFiles.uniqueNames(scripts).entrySet().stream()
                .map(script -> DynamicTest.dynamicTest(
                        script.getValue(), script.getKey().toUri(), () -> {
                            ScriptResult result = runner.run(script.getKey(), script.getValue());
                            assertThat(result.outcome()).as(result.log()).isEqualTo(ScriptOutcome.PASSED);
                        }));
    }
}
