package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code History} compares a migration directory with a database's revisions: which files are applied, which
 * one was left partly applied, which are pending, and which were added out of order (reference 4.4).
 *
 * @param files the directory's files
 * @param revisions the database's revisions, ordered by version
 * @param pending the files still to run, in order; a partly applied file comes first
 * @param outOfOrder files older than the last revision that have none, and were not skipped
 * @param resume the revision of the partly applied file that is pending first
 */
public record History(
        List<MigrationFile> files,
        List<Revision> revisions,
        List<MigrationFile> pending,
        List<MigrationFile> outOfOrder,
        Optional<Revision> resume) {

    public History {
        files = List.copyOf(files);
        revisions = List.copyOf(revisions);
        pending = List.copyOf(pending);
        outOfOrder = List.copyOf(outOfOrder);
    }

    /**
     * Computes the history of a database that has revisions, or none.
     *
     * <p>With no revisions, every file is pending from the last checkpoint file on. With revisions, the files after
     * the last revision are pending, preceded by that revision's file when it is partly applied. Checkpoint files are
     * for databases without a history: once a database has revisions they are neither pending nor out of order, as
     * the reference skips them, unless the partly applied file is one (it is then resumed, followed by the other
     * files after it).
     *
     * @throws MigrateException when a partly applied revision's file is gone
     */
    public static History of(List<MigrationFile> files, List<Revision> stored, ExecOrder order) {
        // The store orders revisions by version as strings; other formats than atlas compare versions their way.
        DirFormat format = files.isEmpty() ? DirFormat.ATLAS : files.get(0).format();
        List<Revision> revisions = new ArrayList<>(stored);
        if (format != DirFormat.ATLAS) {
            revisions.sort((a, b) -> format.compareVersions(a.version(), b.version()));
        }
        if (revisions.isEmpty()) {
            return new History(files, revisions, fromLastCheckpoint(files), List.of(), Optional.empty());
        }
        Revision first = revisions.get(0);
        Revision last = revisions.get(revisions.size() - 1);
        Map<String, Revision> byVersion = new HashMap<>();
        revisions.forEach(r -> byVersion.put(r.version(), r));
        List<MigrationFile> pending = new ArrayList<>();
        List<MigrationFile> outOfOrder = new ArrayList<>();
        Optional<Revision> resume = Optional.empty();
        if (last.isPartial()) {
            MigrationFile file = files.stream()
                    .filter(f -> f.version().equals(last.version()))
                    .findFirst()
                    .orElseThrow(() -> new MigrateException("sql/migrate: missing migration: revision \""
                            + fileName(last) + "\" is partially applied but migration file was not found"));
            pending.add(file);
            resume = Optional.of(last);
        }
        for (MigrationFile file : files) {
            if (isCheckpoint(file)) {
                continue;
            }
            int toLast = file.compareVersionTo(last.version());
            if (toLast > 0) {
                pending.add(file);
            } else if (toLast < 0
                    && file.compareVersionTo(first.version()) > 0
                    && !byVersion.containsKey(file.version())) {
                outOfOrder.add(file);
            }
        }
        if (order == ExecOrder.NON_LINEAR && !outOfOrder.isEmpty()) {
            List<MigrationFile> ordered = new ArrayList<>(outOfOrder);
            ordered.addAll(pending);
            pending = ordered;
        }
        if (order == ExecOrder.LINEAR_SKIP) {
            outOfOrder = List.of();
        }
        return new History(files, revisions, pending, outOfOrder, resume);
    }

    // A malformed directive is reported when the file is read to run; here it only means "not a checkpoint", so
    // that status can still describe the directory.
    static boolean isCheckpoint(MigrationFile file) {
        try {
            return file.directives().checkpoint().isPresent();
        } catch (MigrateException e) {
            return false;
        }
    }

    // The name the revision's file had: VERSION_DESCRIPTION.sql, or VERSION.sql without a description.
    private static String fileName(Revision revision) {
        return revision.version() + (revision.description().isEmpty() ? "" : "_" + revision.description()) + ".sql";
    }

    /**
     * Returns the files a database without a history runs: the last checkpoint file and those after it, or every
     * file when there is no checkpoint.
     */
    static List<MigrationFile> fromLastCheckpoint(List<MigrationFile> files) {
        for (int i = files.size() - 1; i >= 0; i--) {
            if (isCheckpoint(files.get(i))) {
                return files.subList(i, files.size());
            }
        }
        return files;
    }

    /**
     * Refuses out-of-order files under the linear order, naming them.
     *
     * @throws MigrateException {@code migration file X was added out of order...}
     */
    public void requireLinear() {
        if (!outOfOrder.isEmpty()) {
            throw new MigrateException(outOfOrderMessage(outOfOrder));
        }
    }

    /**
     * Returns the reference tool's message for files added out of order: {@code migration file 2.sql was added
     * ...}, {@code migration files 2.sql, 3.sql were added ...}.
     */
    public static String outOfOrderMessage(List<MigrationFile> files) {
        String names = String.join(", ", files.stream().map(MigrationFile::name).toList());
        String subject = files.size() == 1 ? "file " + names + " was" : "files " + names + " were";
        return "migration " + subject + " added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error";
    }

    /** Returns the last revision, if any. */
    public Optional<Revision> last() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }
}
