package io.plumb.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes test files and runs every case of them, in order, on one runner. */
final class RunnerFixture {

    static final String DEV = "sqlite://dev?mode=memory";

    private RunnerFixture() {}

    static TestFile write(Path dir, String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestFile.load(file, name, Map.of(), key -> null);
    }

    static List<CaseResult> runAll(TestRunner runner, TestFile file) {
        List<CaseResult> results = new ArrayList<>();
        for (TestBlock block : file.tests()) {
            for (TestBlock.CaseRef ref : block.cases()) {
                results.add(runner.run(file, block, ref));
            }
        }
        return results;
    }

    static List<CaseResult> runAll(TestSetup setup, TestFile file) {
        try (TestRunner runner = new TestRunner(setup)) {
            return runAll(runner, file);
        }
    }

    static CaseResult runOne(TestSetup setup, Path dir, String text) {
        List<CaseResult> results = runAll(setup, write(dir, "case.test.hcl", text));
        if (results.size() != 1) {
            throw new IllegalStateException("expected one case, found " + results.size());
        }
        return results.get(0);
    }

    static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
