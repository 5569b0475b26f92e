package io.plumb.engine.lint;

import io.plumb.engine.migrate.DirFormat;
import io.plumb.engine.migrate.MigrationFile;

/**
 * {@code ReportedVersion} names a migration file's version as lint reports show it ({@code Analyzing changes from
 * version 1 to 2}), which is what the reference reads from the file's name rather than the version a directory
 * format runs it by: up to the first {@code _} of the name without {@code .sql} ({@code 1.up} for golang-migrate's
 * {@code 1.up.sql}, {@code 1} for {@code 1_init.up.sql}), and for Flyway the text between the prefix letter and
 * {@code __} as written ({@code 1_1} for {@code V1_1__x.sql}; none for a repeatable file). A file of a Liquibase
 * master changelog, which the reference does not read, is named by its version ({@code 0002}), not by its name.
 */
final class ReportedVersion {

    private static final String SUFFIX = ".sql";

    private ReportedVersion() {}

    /** Returns the version of the file as lint reports name it. */
    static String of(MigrationFile file) {
        if (file.generated().isPresent()) {
            return file.version();
        }
        String base = file.name().substring(file.name().lastIndexOf('/') + 1);
        String stem = base.endsWith(SUFFIX) ? base.substring(0, base.length() - SUFFIX.length()) : base;
        if (file.format() == DirFormat.FLYWAY) {
            if (stem.isEmpty() || stem.charAt(0) == 'R') {
                return "";
            }
            int separator = stem.indexOf("__");
            return (separator < 0 ? stem : stem.substring(0, separator)).substring(1);
        }
        int underscore = stem.indexOf('_');
        return underscore < 0 ? stem : stem.substring(0, underscore);
    }
}
