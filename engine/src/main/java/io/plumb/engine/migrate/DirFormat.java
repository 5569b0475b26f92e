package io.plumb.engine.migrate;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@code DirFormat} is the layout of a migration directory, as the {@code format} parameter of a directory URL
 * names it ({@code file://db/migration?format=flyway}): which files are migrations, in which order, what their
 * versions are, and which part of a file runs up.
 *
 * <p>Every format reads into the same {@link MigrationFile}s and {@link MigrationScript}s, so that apply, status,
 * lint, validate and migration tests work on all of them. The checksum file is {@code atlas.sum} in the directory
 * for every format, over the files in the format's order, as the reference tool keeps it.
 */
public enum DirFormat {
    /** The reference tool's own format: top-level {@code VERSION[_DESC].sql} files in byte-wise name order. */
    ATLAS("atlas", new AtlasDirReader(false)),
    /** Flyway: {@code V}, {@code B} and {@code R} files, subdirectories included, in version order. */
    FLYWAY("flyway", new FlywayDirReader()),
    /**
     * Liquibase: formatted SQL changelogs, one per file, named and ordered as atlas files; or a master changelog in
     * XML, YAML or JSON, read with Liquibase itself (see {@link LiquibaseChangelog}).
     */
    LIQUIBASE("liquibase", new AtlasDirReader(true)),
    /** golang-migrate: {@code VERSION_DESC.up.sql} files ({@code .down.sql} files are not run). */
    GOLANG_MIGRATE("golang-migrate", NumberedDirReader.golangMigrate()),
    /** goose: {@code VERSION_DESC.sql} files with {@code -- +goose Up} and {@code Down} sections. */
    GOOSE("goose", NumberedDirReader.goose()),
    /** dbmate: {@code VERSION_DESC.sql} files with {@code -- migrate:up} and {@code down} sections. */
    DBMATE("dbmate", NumberedDirReader.dbmate());

    private final String id;
    private final DirReader reader;

    DirFormat(String id, DirReader reader) {
        this.id = id;
        this.reader = reader;
    }

    /** Returns the name of the format in a directory URL, such as {@code golang-migrate}. */
    public String id() {
        return id;
    }

    /**
     * Returns the format a URL parameter or {@code --dir-format} names.
     *
     * @throws MigrateException for a name that is no format
     */
    public static DirFormat of(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new MigrateException("unknown migration directory format \"" + id + "\": expected "
                        + Arrays.stream(values()).map(DirFormat::id).collect(Collectors.joining(", "))));
    }

    /**
     * Reads a directory's migration files in the order they run.
     *
     * @param placeholders what the files have replaced before they run (Flyway's)
     * @throws MigrateException when the directory cannot be read, or a file's name is malformed (a bad or duplicate
     *     version), as {@code NAME:1:1: detail}
     */
    List<MigrationFile> read(Path root, String display, Placeholders placeholders) {
        List<MigrationFile> files = reader.read(this, root, display);
        return placeholders.enabled()
                ? files.stream()
                        .map(file -> file.withPlaceholders(placeholders))
                        .toList()
                : files;
    }

    /** Compares two versions of this format. */
    int compareVersions(String a, String b) {
        return reader.compareVersions(a, b);
    }

    /** Returns the script of a file whose up part the format delimits itself, or empty when it is plain SQL. */
    Optional<MigrationScript> script(MigrationFile file, ScannerOptions options) {
        if (file.generated().isPresent()) {
            return Optional.of(file.generated().get().script(file, options));
        }
        return reader.script(file, options);
    }
}
