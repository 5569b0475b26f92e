package io.plumb.cli;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationLayout;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.Rollback;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code MigrationFileWriter} adds a new, dated migration file to a directory for {@code migrate new} and {@code
 * migrate diff}: it never replaces a file, lets the user edit the new one when asked, and re-hashes the directory.
 */
final class MigrationFileWriter {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

    /** The name of a checkpoint file, after its version. */
    static final String CHECKPOINT = "checkpoint";

    private final CliEnvironment env;

    MigrationFileWriter(CliEnvironment env) {
        this.env = env;
    }

    /**
     * Checks a migration name before anything runs: {@code yyyyMMddHHmmss[_name].sql} (UTC now), or the names of
     * the directory format's layout.
     *
     * @throws MigrateException when the name is not a plain file name, or not one the format's tool reads
     */
    void checkName(MigrationLayout layout, String name) {
        layout.fileNames(env.clock().instant(), name);
    }

    /**
     * Writes the files of a new migration, laid out in the directory's format, and re-hashes the directory. A
     * migration written in the same second as an existing one (or dated before the newest) is dated one second after
     * the newest, so versions stay unique and in order. The editor, when asked for, opens the file that runs up.
     *
     * @return the written file that runs up
     */
    MigrationFile write(MigrationDir dir, MigrationLayout layout, String name, Plan up, Rollback down, boolean edit) {
        List<String> names = layout.fileNames(laterThanExisting(dir, env.clock().instant()), name);
        return add(dir, layout.render(names, up, down), edit);
    }

    /**
     * Writes a checkpoint file, {@code yyyyMMddHHmmss_checkpoint.sql}, dated as {@link #write} dates a migration,
     * and re-hashes the directory.
     *
     * @param tag the checkpoint's tag, or empty
     * @param state the plan that creates the whole state the directory gives
     * @return the written file
     */
    MigrationFile writeCheckpoint(MigrationDir dir, MigrationLayout layout, String tag, Plan state, boolean edit) {
        String name = layout.fileNames(laterThanExisting(dir, env.clock().instant()), CHECKPOINT)
                .get(0);
        // A checkpoint stands for every file before it: one that sorted before a file it holds would run first.
        dir.files().stream()
                .map(MigrationFile::name)
                .filter(existing -> existing.compareTo(name) > 0)
                .findFirst()
                .ifPresent(existing -> {
                    throw new MigrateException("the checkpoint file " + name + " would sort before " + existing
                            + ", whose changes it holds: the directory's versions are not yyyyMMddHHmmss times;"
                            + " write the checkpoint by hand with a version after the last file's");
                });
        return add(dir, List.of(layout.checkpoint(name, tag, state)), edit);
    }

    private MigrationFile add(MigrationDir dir, List<MigrationLayout.File> files, boolean edit) {
        List<MigrationFile> written = dir.add(files);
        String fileName = files.get(0).name();
        if (edit) {
            Path path = dir.path().resolve(fileName);
            try {
                Editor.open(env, path, dir.display() + "/" + fileName);
            } finally {
                // Whatever the editor left, the directory stays consistent with its sum file.
                dir.rehash();
            }
        }
        return written.isEmpty() ? new MigrationFile(fileName, new byte[0]) : written.get(0);
    }

    private static Instant laterThanExisting(MigrationDir dir, Instant now) {
        Instant planned = now.truncatedTo(ChronoUnit.SECONDS);
        Optional<Instant> newest = dir.files().stream()
                .map(f -> dated(f.version()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        if (newest.isEmpty() || planned.isAfter(newest.get())) {
            return planned;
        }
        return newest.get().plusSeconds(1);
    }

    private static Optional<Instant> dated(String version) {
        try {
            return Optional.of(LocalDateTime.parse(version, VERSION).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
