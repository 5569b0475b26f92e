package io.plumb.engine.migrate;

import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Utf8Text;
import java.util.Arrays;

/**
 * A {@code MigrationFile} is one migration file of a directory: its name, its bytes exactly as on disk (the checksum
 * is over the bytes), its version and description, and the directory format that read it.
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
 */
public record MigrationFile(String name, byte[] content, DirFormat format, String version, String description) {

    private static final String SUFFIX = ".sql";

    /** Creates a file of the atlas format, whose version and description come from its name. */
    public MigrationFile(String name, byte[] content) {
        this(name, content, DirFormat.ATLAS, atlasVersion(name), atlasDescription(name));
    }

    /**
     * Returns the content as UTF-8 text.
     *
     * @throws MigrationFileException {@code NAME:line:col: not UTF-8 text (byte 0xe9)} at the first byte sequence
     *     that is not UTF-8: replacing it would run other SQL than the file holds
     */
    public String text() {
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
     * Returns the file's directives.
     *
     * @throws MigrateException {@code NAME:line:col: detail} for a malformed directive
     */
    public FileDirectives directives() {
        try {
            return FileDirectives.parse(text());
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
                && description.equals(that.description);
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
