package io.plumb.engine.lint;

import io.plumb.engine.migrate.MigrationFile;
import java.util.List;

/**
 * A {@code ChangeDetector} splits a migration directory's files into the base, which is replayed without
 * analysis, and the new files, which are linted.
 */
public interface ChangeDetector {

    /**
     * The split.
     *
     * @param base the files replayed without analysis
     * @param changed the files to lint
     */
    record Split(List<MigrationFile> base, List<MigrationFile> changed) {

        public Split {
            base = List.copyOf(base);
            changed = List.copyOf(changed);
        }
    }

    /** Splits the directory's files, in order. */
    Split detect(List<MigrationFile> files);

    /** Returns the detector of {@code --latest N}: the last N files are new (all of them when there are fewer). */
    static ChangeDetector latest(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("latest must not be negative, found " + n);
        }
        return files -> files.size() <= n
                ? new Split(List.of(), files)
                : new Split(files.subList(0, files.size() - n), files.subList(files.size() - n, files.size()));
    }
}
