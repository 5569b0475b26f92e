package io.plumb.engine.migrate;

import java.nio.charset.StandardCharsets;

/**
 * A {@code MigrationFile} is one top-level {@code *.sql} file of a migration directory: its name and its bytes,
 * exactly as on disk (the checksum is over the bytes).
 *
 * <p>The version is the name up to the first {@code _} (without {@code .sql}); the description is the rest.
 * Versions compare as strings, never as numbers.
 *
 * @param name the file name, such as {@code 20240613061102_add_users.sql}
 * @param content the file's bytes
 */
public record MigrationFile(String name, byte[] content) {

    private static final String SUFFIX = ".sql";

    /** Returns the version: {@code 20240613061102} of {@code 20240613061102_add_users.sql}. */
    public String version() {
        String base = baseName();
        int underscore = base.indexOf('_');
        return underscore < 0 ? base : base.substring(0, underscore);
    }

    /** Returns the description: {@code add_users} of {@code 20240613061102_add_users.sql}, or empty. */
    public String description() {
        String base = baseName();
        int underscore = base.indexOf('_');
        return underscore < 0 ? "" : base.substring(underscore + 1);
    }

    /** Returns the content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
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

    private String baseName() {
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationFile that
                && name.equals(that.name)
                && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return name;
    }
}
