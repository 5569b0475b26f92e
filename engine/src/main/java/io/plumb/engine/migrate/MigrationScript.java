package io.plumb.engine.migrate;

import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code MigrationScript} is a migration file read for execution: its directives, its statements and, for a
 * file that starts with {@code -- atlas:txtar}, its pre-migration checks and optional down script.
 *
 * @param file the file
 * @param directives the file directives
 * @param checks the pre-migration checks, in archive order (none for a plain file)
 * @param statements the statements to execute
 * @param down the {@code down.sql} section of a txtar file
 */
public record MigrationScript(
        MigrationFile file,
        FileDirectives directives,
        List<CheckFile> checks,
        List<Statement> statements,
        Optional<String> down) {

    private static final String MIGRATION = "migration.sql";
    private static final String DOWN = "down.sql";
    private static final Pattern CHECK = Pattern.compile("checks\\.sql|checks/[^/]+\\.sql");
    private static final Pattern ONE_OF = Pattern.compile("(?m)^\\s*--\\s*atlas:assert\\s+oneof\\s*$");

    public MigrationScript {
        checks = List.copyOf(checks);
        statements = List.copyOf(statements);
    }

    /**
     * Reads a migration file with a dialect's scanner options.
     *
     * @throws MigrateException {@code NAME:line:col: detail} when the file cannot be split, its archive or (goose,
     *     dbmate) its up and down sections are malformed (a {@link MigrationFileException}), or a file directive is
     *     malformed
     */
    public static MigrationScript parse(MigrationFile file, ScannerOptions options) {
        Optional<MigrationScript> sections = file.format().script(file, options);
        if (sections.isPresent()) {
            return sections.get();
        }
        String text = file.text();
        FileDirectives directives = file.directives();
        if (!directives.txtar()) {
            return new MigrationScript(file, directives, List.of(), scan(file, text, 0, options), Optional.empty());
        }
        Archive archive = Txtar.parse(text);
        List<CheckFile> checks = new ArrayList<>();
        Optional<List<Statement>> migration = Optional.empty();
        Optional<String> down = Optional.empty();
        for (ArchiveFile section : archive.files()) {
            int offset = lineOf(text, "-- " + section.name() + " --");
            if (section.name().equals(MIGRATION)) {
                migration = Optional.of(scan(file, section.data(), offset, options));
            } else if (section.name().equals(DOWN)) {
                down = Optional.of(section.data());
            } else if (CHECK.matcher(section.name()).matches()) {
                List<Statement> assertions = scan(file, section.data(), offset, options);
                checks.add(new CheckFile(
                        section.name(),
                        assertions,
                        ONE_OF.matcher(section.data()).find()));
            } else {
                throw new MigrationFileException(
                        file.name(),
                        offset,
                        1,
                        "unexpected section \"" + section.name()
                                + "\" in a txtar migration file: expected checks.sql, checks/NAME.sql, migration.sql"
                                + " or down.sql");
            }
        }
        List<Statement> statements = migration.orElseThrow(() -> noMigration(file));
        return new MigrationScript(file, directives, checks, statements, down);
    }

    /** Returns where a statement of this file starts, as messages print it: {@code NAME:LINE:COL}. */
    public String position(Statement statement) {
        return file.name() + ":" + statement.line() + ":" + statement.column();
    }

    /**
     * Reads only the {@code migration.sql} section of a txtar file, ignoring the others, so that a file whose
     * checks are broken can still be replayed to validate the files after it.
     *
     * @throws MigrationFileException when the section is missing or cannot be split
     */
    static List<Statement> migrationOnly(MigrationFile file, ScannerOptions options) {
        String text = file.text();
        for (ArchiveFile section : Txtar.parse(text).files()) {
            if (section.name().equals(MIGRATION)) {
                return scan(file, section.data(), lineOf(text, "-- " + MIGRATION + " --"), options);
            }
        }
        throw noMigration(file);
    }

    private static MigrationFileException noMigration(MigrationFile file) {
        return new MigrationFileException(file.name(), 1, 1, "txtar migration file has no migration.sql section");
    }

    private static List<Statement> scan(MigrationFile file, String text, int lineOffset, ScannerOptions options) {
        try {
            List<Statement> statements = StatementScanner.scan(text, options);
            if (lineOffset == 0) {
                return statements;
            }
            return statements.stream()
                    .map(s -> new Statement(s.text(), s.line() + lineOffset, s.column(), s.comments()))
                    .toList();
        } catch (ScanException e) {
            throw new MigrationFileException(file.name(), e.line() + lineOffset, e.column(), e.detail(), e);
        }
    }

    // The 1-based line of a section marker, so positions inside a section can be reported in the whole file.
    private static int lineOf(String text, String marker) {
        int line = 1;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String current = text.substring(start, end < 0 ? text.length() : end);
            if (current.strip().equals(marker)) {
                return line;
            }
            if (end < 0) {
                break;
            }
            line++;
            start = end + 1;
        }
        return 0;
    }
}
