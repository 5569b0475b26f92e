package io.plumb.junit.internal;

import java.io.File;
import java.nio.file.Path;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * The {@code ScriptIdScheme} defines the unique ids of the {@code plumb} engine's test tree, so that a script can be
 * selected again by id.
 *
 * <p>A selected directory is {@code [engine:plumb]/[directory:<path>]}; a directory below it adds {@code
 * [directory:<name>]}, and a script in it {@code [script:<file name>]}. A script selected on its own is {@code
 * [engine:plumb]/[script:<path>]}. Test files are named like scripts with {@code [test-file:...]}; below one, a
 * {@code test} block is {@code [test:<name>]} ({@code <name>#1} for a second block of that name) and a {@code
 * for_each} case of it {@code [case:<name>/<i>]}; the lint results of the file's migration directory are {@code
 * [lint:lint]/[lint-file:<migration file name>]}. A {@code <path>} is stable: relative to the working directory (with {@code /}
 * separators) when the file lies below it, absolute otherwise.
 */
public final class ScriptIdScheme {

    /** The segment type of an engine's root. */
    public static final String ENGINE = "engine";

    /** The segment type of a directory. */
    public static final String DIRECTORY = "directory";

    /** The segment type of a script. */
    public static final String SCRIPT = "script";

    /** The segment type of a {@code *.test.hcl} file, named like a script. */
    public static final String TEST_FILE = "test-file";

    /** The segment type of a {@code test} block in a test file, named by the block's name. */
    public static final String TEST = "test";

    /** The segment type of the node that validates the pre-migration checks a file's migration tests use. */
    public static final String CHECKS = "checks";

    /** The segment type of the container of lint results of the migration directory a file's migration tests use. */
    public static final String LINT = "lint";

    /** The segment type of the lint result of one migration file, named by the file's name. */
    public static final String LINT_FILE = "lint-file";

    /** The segment type of a {@code for_each} case of a test block, named {@code NAME/i}. */
    public static final String CASE = "case";

    private ScriptIdScheme() {}

    /** Returns the id of a file or directory as a child of the given parent: its stable path under the engine. */
    public static UniqueId childId(TestDescriptor parent, String type, Path path) {
        String value = isTopLevel(parent) ? stablePath(path) : String.valueOf(path.getFileName());
        return parent.getUniqueId().append(type, value);
    }

    /** Returns the path a segment value names under the given parent: a stable path, or a name in a directory. */
    public static Path resolve(TestDescriptor parent, String value) {
        if (parent instanceof ScriptDirectoryDescriptor directory) {
            return directory.directory().resolve(value).normalize();
        }
        return absolute(Path.of(value));
    }

    /** Returns a path as it appears in ids and messages: relative to the working directory when below it. */
    public static String stablePath(Path path) {
        Path absolute = absolute(path);
        Path cwd = absolute(Path.of(""));
        Path shown = absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace(File.separatorChar, '/');
    }

    /** Returns a path made absolute and normalised. */
    public static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    /**
     * Returns whether an id names a node right below the {@code plumb} engine's root, whose id may carry a prefix of
     * other engines' segments (under the suite engine, {@code [engine:junit-platform-suite]/[suite:...]/[engine:plumb]}).
     */
    public static boolean isTopLevel(UniqueId id) {
        UniqueId parent = id.removeLastSegment();
        return !parent.getSegments().isEmpty()
                && parent.getLastSegment().getType().equals(ENGINE);
    }

    private static boolean isTopLevel(TestDescriptor parent) {
        return parent.getUniqueId().getLastSegment().getType().equals(ENGINE);
    }
}
