package io.plumb.engine.migrate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code FormatEvidence} tells, from a migration file's name and first lines, which directory format it was
 * written in, where that is evident: a {@code .up.sql} name is golang-migrate's, {@code V1__x.sql} Flyway's, a
 * {@code -- +goose Up} line goose's. Before a new file is written, every file of the directory must be of the format
 * the directory is opened in: a goose file written into a golang-migrate directory would never run.
 */
final class FormatEvidence {

    private static final Pattern FLYWAY = Pattern.compile("([VUB][0-9][^_]*__.*|R__.*)\\.sql");
    private static final Pattern NUMBERED = Pattern.compile("[0-9]+(_.*)?\\.sql");

    private FormatEvidence() {}

    /**
     * Checks that the directory's top-level {@code .sql} files are of its format.
     *
     * @throws MigrationFileException at the first file of another format, naming it and the format to ask for
     */
    static void require(Path root, String display, DirFormat format) {
        if (format == DirFormat.LIQUIBASE) {
            Optional<String> master = LiquibaseChangelog.master(root, display);
            if (master.isPresent()) {
                throw new MigrationFileException(
                        display + "/" + master.get(),
                        1,
                        1,
                        "the directory runs what this Liquibase changelog includes, so a file written beside it would"
                                + " never run: add a changeset to the changelog instead");
            }
        }
        for (String name : DirListing.topLevel(root, display, ".sql")) {
            Optional<DirFormat> evident = of(name, root, display);
            if (evident.isPresent() && evident.get() != format) {
                String id = evident.get().id();
                throw new MigrationFileException(
                        display + "/" + name,
                        1,
                        1,
                        "a migration file of the " + id + " format in a directory opened as " + format.id()
                                + ": plumb writes new files in the directory's format; name it with --dir-format "
                                + id + " or file://" + display + "?format=" + id);
            }
        }
    }

    private static Optional<DirFormat> of(String name, Path root, String display) {
        if (name.endsWith(".up.sql") || name.endsWith(".down.sql")) {
            return Optional.of(DirFormat.GOLANG_MIGRATE);
        }
        if (FLYWAY.matcher(name).matches()) {
            return Optional.of(DirFormat.FLYWAY);
        }
        if (!NUMBERED.matcher(name).matches()) {
            return Optional.empty();
        }
        String text = new String(DirListing.read(root, display, name), StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- +goose")) {
                return Optional.of(DirFormat.GOOSE);
            } else if (trimmed.startsWith("-- migrate:up") || trimmed.startsWith("-- migrate:down")) {
                return Optional.of(DirFormat.DBMATE);
            } else if (trimmed.startsWith("--liquibase formatted sql")) {
                return Optional.of(DirFormat.LIQUIBASE);
            }
        }
        return text.isBlank() ? Optional.empty() : Optional.of(DirFormat.ATLAS);
    }
}
