package io.plumb.junit.internal;

import io.plumb.engine.lint.LintConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code LintTarget} is what the {@code lint} container of a test file lints: the newest files of a migration
 * directory, replayed on a dev database under a {@code lint {}} configuration. It is decided at discovery, so that
 * every linted file is a node of its own; equal targets are linted once per engine run.
 *
 * @param devUrl the dev database the directory is replayed on, the one the migration tests use
 * @param workingDirectory the directory the directory URL resolves against
 * @param dirUrl the migration directory's URL
 * @param directory the migration directory's path
 * @param config the {@code lint {}} configuration: the env's block extended by the global one
 * @param files the names of the linted files, the last ones of the directory, in order
 * @param error why the linted files could not be decided, or empty when they were
 */
public record LintTarget(
        String devUrl,
        Path workingDirectory,
        String dirUrl,
        Path directory,
        LintConfig config,
        List<String> files,
        String error) {

    public LintTarget {
        files = List.copyOf(files);
    }

    /** Returns whether the linted files were decided. */
    public boolean isResolved() {
        return error.isEmpty();
    }
}
