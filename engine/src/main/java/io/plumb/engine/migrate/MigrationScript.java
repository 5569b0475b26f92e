package io.plumb.engine.migrate;

import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * @param guards the runs of statements held to preconditions (Liquibase changesets), in statement order
 */
public record MigrationScript(
        MigrationFile file,
        FileDirectives directives,
        List<CheckFile> checks,
        List<Statement> statements,
        Optional<String> down,
        List<Guard> guards) {

    private static final String MIGRATION = "migration.sql";
    private static final String DOWN = "down.sql";
    private static final Pattern CHECK = Pattern.compile("checks\\.sql|checks/[^/]+\\.sql");
    private static final Pattern ONE_OF = Pattern.compile("(?m)^\\s*--\\s*atlas:assert\\s+oneof\\s*$");

    public MigrationScript {
        checks = List.copyOf(checks);
        statements = List.copyOf(statements);
        guards = List.copyOf(guards);
    }

    /** A script with no guarded statements: every format but Liquibase changelogs with preconditions. */
    public MigrationScript(
            MigrationFile file,
            FileDirectives directives,
            List<CheckFile> checks,
            List<Statement> statements,
            Optional<String> down) {
        this(file, directives, checks, statements, down, List.of());
    }

    /** Returns the guard whose run starts at a statement index, if any. */
    public Optional<Guard> guardAt(int index) {
        return guards.stream().filter(g -> g.first() == index).findFirst();
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
            List<Statement> statements = scan(file, text, 0, options);
            return new MigrationScript(
                    file,
                    ImplicitTxMode.of(file, directives, statements, options),
                    List.of(),
                    statements,
                    Optional.empty());
        }
        List<CheckFile> checks = new ArrayList<>();
        Optional<List<Statement>> migration = Optional.empty();
        Optional<String> down = Optional.empty();
        for (Section placed : sections(file)) {
            ArchiveFile section = placed.file();
            int offset = placed.line();
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

    /**
     * Returns the statements as output shows them: as the file writes them, with its placeholders rather than their
     * values (which may be secrets); the same as the statements' text for every file without placeholders.
     */
    public List<String> shownStatements() {
        return file.placeholders().shown(file.name(), file.rawText(), statements);
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
        for (Section section : sections(file)) {
            if (section.file().name().equals(MIGRATION)) {
                return scan(file, section.file().data(), section.line(), options);
            }
        }
        throw noMigration(file);
    }

    /** A section of a txtar migration file and the line of its marker. */
    private record Section(ArchiveFile file, int line) {}

    /**
     * Returns the sections of a txtar file with their marker lines; a section name given twice is an error at the
     * second marker, since only one of them could be used and using either silently would hide the other.
     */
    private static List<Section> sections(MigrationFile file) {
        String text = file.text();
        Archive archive = Txtar.parse(text);
        List<Section> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int from = 0;
        for (ArchiveFile section : archive.files()) {
            int[] found = markerLine(text, "-- " + section.name() + " --", from);
            int line = found[0];
            from = found[1];
            if (!seen.add(section.name())) {
                throw new MigrationFileException(
                        file.name(),
                        line,
                        1,
                        "duplicate section \"" + section.name() + "\" in a txtar migration file: each section may"
                                + " appear once");
            }
            sections.add(new Section(section, line));
        }
        return sections;
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

    /**
     * Returns the 1-based line of the first section marker at or after character {@code from}, and the character
     * after that line, so positions inside a section can be reported in the whole file and a repeated marker is
     * found at its own line.
     */
    private static int[] markerLine(String text, String marker, int from) {
        int line = 1;
        for (int i = 0; i < from && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int start = from;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String current = text.substring(start, end < 0 ? text.length() : end);
            if (current.strip().equals(marker)) {
                return new int[] {line, end < 0 ? text.length() + 1 : end + 1};
            }
            if (end < 0) {
                break;
            }
            line++;
            start = end + 1;
        }
        return new int[] {0, from};
    }
}
