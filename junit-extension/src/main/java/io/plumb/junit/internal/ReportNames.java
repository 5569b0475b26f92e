package io.plumb.junit.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;

/**
 * {@code ReportNames} names the tests of the {@code plumb} engine so that a report that lists them flat, as
 * Surefire's XML does, keeps them apart: a script is named by its path below the selected directory ({@code
 * sqlite/users.txtar}), a test case by its file's and its own name ({@code schema.test.hcl > users}, {@code
 * pass/schema.test.hcl > letters/1}). A file selected on its own is named by its file name.
 */
public final class ReportNames {

    /** The separator between a test file's name and its case's name. */
    public static final String SEPARATOR = " > ";

    private ReportNames() {}

    /** Returns the name of a file below the given parent: its path relative to the selected directory. */
    public static String fileLabel(TestDescriptor parent, Path file) {
        return topDirectory(parent)
                .filter(file::startsWith)
                .map(top -> top.relativize(file).toString().replace(File.separatorChar, '/'))
                .orElse(String.valueOf(file.getFileName()));
    }

    /** Returns the name of a case of a test file. */
    public static String caseName(String fileLabel, String caseName) {
        return fileLabel + SEPARATOR + caseName;
    }

    private static Optional<Path> topDirectory(TestDescriptor node) {
        Optional<Path> top = Optional.empty();
        for (Optional<TestDescriptor> current = Optional.of(node);
                current.isPresent();
                current = current.get().getParent()) {
            if (current.get() instanceof ScriptDirectoryDescriptor directory) {
                top = Optional.of(directory.directory());
            }
        }
        return top;
    }
}
