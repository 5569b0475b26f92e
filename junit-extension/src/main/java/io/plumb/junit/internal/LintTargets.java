package io.plumb.junit.internal;

import io.plumb.engine.lint.ChangeDetector;
import io.plumb.engine.lint.GitChangeDetector;
import io.plumb.engine.lint.LintConfig;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.testing.TestSetup;
import io.plumb.junit.PlumbConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code LintTargets} decide, at discovery, what the {@code lint} container of a file with migration tests lints:
 * the migration directory of the file's setup ({@link TestSetupResolver}), on its dev database, and of its files
 * the last {@value PlumbConfiguration#LINT_LATEST} ones, else those the env's {@code lint { latest = N }} or {@code
 * lint { git { base = ... } }} names (as {@code plumb migrate lint} without flags), else all of them. A file whose
 * setup cannot be decided, or that has no migration directory, gets no container: its own node and its cases fail
 * with the reason when they run.
 */
public final class LintTargets {
    private final boolean enabled;
    private final String latest;
    private final TestSetupResolver resolver;
    private final Map<Path, Optional<LintTarget>> byDirectory = new ConcurrentHashMap<>();

    private LintTargets(boolean enabled, String latest, TestSetupResolver resolver) {
        this.enabled = enabled;
        this.latest = latest;
        this.resolver = resolver;
    }

    /** Returns the targets of a run configured through a lookup of configuration keys. */
    public static LintTargets from(Function<String, Optional<String>> lookup, TestSetupResolver resolver) {
        boolean enabled = lookup.apply(PlumbConfiguration.LINT_ENABLED)
                .filter(value -> !value.isBlank())
                .map(value -> PlumbConfiguration.parseFlag(PlumbConfiguration.LINT_ENABLED, value))
                .orElse(true);
        String latest =
                lookup.apply(PlumbConfiguration.LINT_LATEST).map(String::strip).orElse("");
        return new LintTargets(enabled, latest, resolver);
    }

    /** Returns the target of a test file's {@code lint} container, or empty when the file gets none. */
    public Optional<LintTarget> of(TestFileDescriptor file) {
        if (!enabled || !ChecksDescriptor.applies(file)) {
            return Optional.empty();
        }
        Path directory = file.path().getParent();
        if (directory == null) {
            return resolve(file.path());
        }
        // Test files of one directory share their setup: decide it, and run git, once.
        return byDirectory.computeIfAbsent(directory, d -> resolve(file.path()));
    }

    private Optional<LintTarget> resolve(Path testFile) {
        TestSetup setup;
        try {
            setup = resolver.resolve(testFile);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (setup.migrationDir().isEmpty()) {
            return Optional.empty();
        }
        String url = setup.migrationDir().get();
        Path wd = setup.workingDirectory();
        Path path = wd;
        LintConfig config = LintConfig.NONE;
        try {
            MigrationDir dir = MigrationDir.open(url, wd);
            path = dir.path();
            config = resolver.lintConfig(testFile);
            List<MigrationFile> files = dir.files();
            List<String> linted = detector(config, dir, wd).detect(files).changed().stream()
                    .map(MigrationFile::name)
                    .toList();
            return Optional.of(new LintTarget(setup.devUrl(), wd, url, path, config, linted, ""));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return Optional.of(new LintTarget(setup.devUrl(), wd, url, path, config, List.of(), message));
        }
    }

    private ChangeDetector detector(LintConfig config, MigrationDir dir, Path workingDirectory) {
        if (!latest.isEmpty()) {
            return ChangeDetector.latest(latestParameter());
        }
        OptionalInt configured = config.latest();
        if (configured.isPresent() && configured.getAsInt() > 0) {
            return ChangeDetector.latest(configured.getAsInt());
        }
        if (config.gitBase().isPresent()) {
            Path repository =
                    workingDirectory.resolve(config.gitDir().orElse(".")).normalize();
            return new GitChangeDetector(repository, config.gitBase().get(), dir.path());
        }
        return files -> new ChangeDetector.Split(List.of(), files);
    }

    private int latestParameter() {
        try {
            int n = Integer.parseInt(latest);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                PlumbConfiguration.LINT_LATEST + ": expected a number of files, 1 or more, found \"" + latest + "\"");
    }
}
