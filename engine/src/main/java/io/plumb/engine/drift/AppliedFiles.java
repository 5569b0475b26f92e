package io.plumb.engine.drift;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code AppliedFiles} is the rule for which files a database's revisions say it holds the effects of, and so which
 * files are replayed to build the state it should be in ({@code migrate drift}, {@code migrate down}).
 */
public final class AppliedFiles {

    private AppliedFiles() {}

    /**
     * Returns the files whose effects the database should hold, in order: every file up to the last complete
     * revision that has a revision of its own or precedes the first revision (a baseline stands for the files
     * before it), starting from the last checkpoint among them, which holds the whole state of its version.
     *
     * @param lastFailed whether the last revision failed or stopped part-way, and so is left out
     */
    public static List<MigrationFile> of(List<MigrationFile> files, List<Revision> revisions, boolean lastFailed) {
        List<Revision> complete = lastFailed ? revisions.subList(0, revisions.size() - 1) : revisions;
        if (complete.isEmpty()) {
            return List.of();
        }
        String first = complete.get(0).version();
        String last = complete.get(complete.size() - 1).version();
        Set<String> recorded = new HashSet<>();
        complete.forEach(r -> recorded.add(r.version()));
        List<MigrationFile> applied = new ArrayList<>();
        for (MigrationFile file : files) {
            if (file.compareVersionTo(last) <= 0
                    && (file.compareVersionTo(first) <= 0 || recorded.contains(file.version()))) {
                applied.add(file);
            }
        }
        for (int i = applied.size() - 1; i > 0; i--) {
            if (isCheckpoint(applied.get(i))) {
                return List.copyOf(applied.subList(i, applied.size()));
            }
        }
        return applied;
    }

    private static boolean isCheckpoint(MigrationFile file) {
        try {
            return file.directives().checkpoint().isPresent();
        } catch (MigrateException e) {
            return false;
        }
    }
}
