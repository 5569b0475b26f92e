package io.plumb.engine.migrate;

import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Utf8Text;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code MigrationFile} is one migration file of a directory: its name, its bytes exactly as on disk (the checksum
 * is over the bytes), its version and description, the directory format that read it, and the placeholders its
 * directory replaces in its text before it runs (Flyway's; {@link Placeholders#NONE} for every other format).
 *
 * <p>In the atlas format the version is the name up to the first {@code _} (without {@code .sql}) and the
 * description is the rest; versions compare as strings, never as numbers. Other formats name and order their files
 * their own way (see {@link DirFormat}); their readers set version and description.
 *
 * @param name the file name, relative to the directory, such as {@code 20240613061102_add_users.sql} (a Flyway file
 *     in a subdirectory is named by its path, {@code v3/V3_1__add_posts.sql})
 * @param content the file's bytes
 * @param format the format of the directory the file was read from
 * @param version the version, such as {@code 20240613061102}
 * @param description the description, such as {@code add_users}, or empty
 * @param placeholders what is replaced in the text before it runs
 * @param generated where the statements come from when the file is not SQL (a changeset run of a Liquibase XML,
 *     YAML or JSON changelog, whose SQL Liquibase writes for the database); empty for a SQL file
 */
public record MigrationFile(
        String name,
        byte[] content,
        DirFormat format,
        String version,
        String description,
        Placeholders placeholders,
        Optional<GeneratedScript> generated) {

    private static final String SUFFIX = ".sql";

    /** Creates a file of the atlas format, whose version and description come from its name. */
    public MigrationFile(String name, byte[] content) {
        this(name, content, DirFormat.ATLAS, atlasVersion(name), atlasDescription(name));
    }

    /** Creates a file whose text runs as written. */
    public MigrationFile(String name, byte[] content, DirFormat format, String version, String description) {
        this(name, content, format, version, description, Placeholders.NONE);
    }

    /** Creates a SQL file whose text runs with placeholders replaced. */
    public MigrationFile(
            String name,
            byte[] content,
            DirFormat format,
            String version,
            String description,
            Placeholders placeholders) {
        this(name, content, format, version, description, placeholders, Optional.empty());
    }

    /** Returns this file with placeholders to replace before it runs. */
    public MigrationFile withPlaceholders(Placeholders replaced) {
        return new MigrationFile(name, content, format, version, description, replaced, generated);
    }

    /**
     * Returns the text that runs: the content as UTF-8, with its directory's placeholders replaced. Positions in
     * messages are positions in this text, which are the file's own unless a placeholder's value spans lines.
     *
     * @throws MigrationFileException {@code NAME:line:col: not UTF-8 text (byte 0xe9)} at the first byte sequence
     *     that is not UTF-8, since replacing it would run other SQL than the file holds; or at a placeholder with
     *     no value
     */
    public String text() {
        return placeholders.replace(name, rawText());
    }

    /**
     * Returns the content as UTF-8 text, placeholders and all, for tools that rewrite the file itself.
     *
     * @throws MigrationFileException at the first byte sequence that is not UTF-8
     */
    public String rawText() {
        try {
            return Utf8Text.decode(content, name);
        } catch (HclException e) {
            throw new MigrationFileException(name, e.pos().line(), e.pos().column(), e.detail(), e);
        }
    }

    /**
     * Compares this file's version with another version (a revision's, say) in the order of the file's format:
     * strings in the atlas format, numbers where the format's own tool compares numbers.
     */
    public int compareVersionTo(String other) {
        return format.compareVersions(version, other);
    }

    /**
     * Returns a statement of this file as messages show it: as written, with its placeholders rather than their
     * values, which may be secrets (see {@link MigrationScript#shownStatements()} for all of a file's).
     */
    public String shown(Statement statement) {
        return placeholders.shown(name, rawText(), List.of(statement)).get(0);
    }

    /**
     * Returns the file's directives, read from the file as written: they say how the file runs, and are not SQL
     * that placeholders fill in.
     *
     * @throws MigrateException {@code NAME:line:col: detail} for a malformed directive
     */
    public FileDirectives directives() {
        try {
            return FileDirectives.parse(rawText());
        } catch (ScanException e) {
            throw new MigrateException(name + ":" + e.getMessage(), e);
        }
    }

    private static String atlasVersion(String name) {
        String base = baseName(name);
        int underscore = base.indexOf('_');
        return underscore < 0 ? base : base.substring(0, underscore);
    }

    private static String atlasDescription(String name) {
        String base = baseName(name);
        int underscore = base.indexOf('_');
        return underscore < 0 ? "" : base.substring(underscore + 1);
    }

    private static String baseName(String name) {
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationFile that
                && name.equals(that.name)
                && Arrays.equals(content, that.content)
                && format == that.format
                && version.equals(that.version)
                && description.equals(that.description)
                && placeholders.equals(that.placeholders);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return name;
    }
}
