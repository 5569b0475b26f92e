package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.migrate.CheckFile;
import io.plumb.engine.migrate.FileDirectives;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.MigrationScript;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.migrate.SumFile;
import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CheckFixes} turn the suggested fixes of destructive findings into pre-migration checks written into the
 * migration file, as {@code plumb migrate lint --fix} does: a plain file becomes a txtar migration file (its
 * {@code -- atlas:txtar} header, a {@code checks.sql} section with the assertions, and a {@code migration.sql}
 * section with the file's statements, unchanged); a txtar file gets the assertions appended to its {@code
 * checks.sql}. The assertions are those {@link EmptyChecks} recognises, so a fixed drop is no longer reported, and
 * the next lint validates them on the dev database like any other check.
 */
public final class CheckFixes {

    private static final String TXTAR = "-- atlas:txtar";
    private static final String CHECKS = "checks.sql";
    private static final String MORE_CHECKS = "checks/lint.sql";
    private static final String MIGRATION = "migration.sql";

    private CheckFixes() {}

    /**
     * A file's fix: its new content and the assertions added.
     *
     * @param file the file as it was linted
     * @param content the new content
     * @param added the assertions added, in order
     */
    public record Fix(MigrationFile file, String content, List<String> added) {

        public Fix {
            added = List.copyOf(added);
        }
    }

    /** Returns the assertion that a table holds no rows: {@code SELECT NOT EXISTS (SELECT 1 FROM "t");}. */
    public static String tableIsEmpty(Database dev, String schema, String table) {
        return "SELECT NOT EXISTS (SELECT 1 FROM " + qualified(dev, schema, table) + ");";
    }

    /** Returns the assertion that a column is NULL in every row. */
    public static String columnIsNull(Database dev, String schema, String table, String column) {
        return "SELECT NOT EXISTS (SELECT 1 FROM " + qualified(dev, schema, table) + " WHERE " + quote(dev, column)
                + " IS NOT NULL);";
    }

    // Qualified only when the dev database is bound to no schema (and never on SQLite, whose one schema is main):
    // a schema-bound connection's schema is the dev database's own, not the target's.
    private static String qualified(Database dev, String schema, String table) {
        boolean qualify =
                !dev.dialect().name().equals("sqlite") && dev.boundSchema().isEmpty() && !schema.isEmpty();
        return qualify ? quote(dev, schema) + "." + quote(dev, table) : quote(dev, table);
    }

    private static String quote(Database dev, String name) {
        String q = dev.dialect().name().equals("mysql") ? "`" : "\"";
        return q + name.replace(q, q + q) + q;
    }

    /**
     * Returns the fixes of a lint report's files: for each analyzed file with suggested checks that it does not
     * already hold, its new content. Nothing is written.
     *
     * @param report the lint report
     * @param dialect the dev database's dialect name, to split statements as it does
     * @throws MigrateException {@code cannot fix NAME: reason} when a file cannot carry pre-migration checks
     */
    public static List<Fix> of(LintReport report, String dialect) {
        List<Fix> fixes = new ArrayList<>();
        for (FileReport file : report.files()) {
            if (file.file().isEmpty()) {
                continue;
            }
            Set<String> checks = new LinkedHashSet<>();
            for (Report r : file.reports()) {
                r.suggestedFixes().forEach(f -> checks.addAll(f.checks()));
                for (Diagnostic d : r.diagnostics()) {
                    d.suggestedFixes().forEach(f -> checks.addAll(f.checks()));
                }
            }
            if (!checks.isEmpty()) {
                apply(file.file().get().file(), List.copyOf(checks), dialect).ifPresent(fixes::add);
            }
        }
        return fixes;
    }

    /**
     * Returns the file with the assertions added as pre-migration checks, or empty when it holds them all already.
     *
     * @throws MigrateException {@code cannot fix NAME: reason} when the file cannot carry pre-migration checks
     */
    public static Optional<Fix> apply(MigrationFile file, List<String> assertions, String dialect) {
        ScannerOptions options = ScannerOptions.forDialect(dialect);
        MigrationScript before = parse(file, options, "it");
        Set<String> present = new LinkedHashSet<>();
        for (CheckFile check : before.checks()) {
            check.statements().forEach(s -> present.add(s.text().strip()));
        }
        List<String> added =
                assertions.stream().filter(a -> !present.contains(a.strip())).toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        if (SumFile.isIgnored(file)) {
            throw cannot(
                    file, "its first line is atlas:sum ignore, and a txtar migration file must start with " + TXTAR);
        }
        String content = file.directives().txtar() ? addToArchive(file, added) : toArchive(file, added);
        MigrationFile fixed = new MigrationFile(file.name(), content.getBytes(StandardCharsets.UTF_8));
        MigrationScript after = parse(fixed, options, "the fixed file");
        if (!texts(after.statements()).equals(texts(before.statements()))
                || !sameDirectives(after.directives(), before.directives())) {
            throw cannot(file, "its statements or directives would read differently as a txtar migration file");
        }
        return Optional.of(new Fix(file, content, added));
    }

    private static String toArchive(MigrationFile file, List<String> added) {
        // The file as written: placeholders stay for their tool to replace.
        String text = file.rawText();
        if (file.directives().delimiter().isPresent()) {
            throw cannot(file, "it sets atlas:delimiter on its first line, where a txtar migration file has " + TXTAR);
        }
        if (text.contains("\r")) {
            throw cannot(file, "it has CRLF line endings");
        }
        if (Txtar.needsQuote(text)) {
            throw cannot(file, "a line of it reads as a txtar section marker (-- NAME --)");
        }
        int header = headerEnd(text);
        StringBuilder out = new StringBuilder(TXTAR).append('\n');
        out.append(text, 0, header);
        out.append('\n');
        out.append("-- ").append(CHECKS).append(" --\n");
        added.forEach(a -> out.append(a).append('\n'));
        out.append('\n');
        out.append("-- ").append(MIGRATION).append(" --\n");
        String body = text.substring(header).replaceFirst("\\A\n+", "");
        out.append(body);
        if (!body.endsWith("\n")) {
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Returns the end of the file's header: the comment lines that start it, with the newline of the last, when a
     * blank line follows them (the same rule as the file directives); 0 when there is none.
     */
    private static int headerEnd(String text) {
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end).strip();
            if (line.isEmpty()) {
                return start;
            }
            if (!line.startsWith("--") && !line.startsWith("#")) {
                return 0;
            }
            start = end + 1;
        }
        return Math.min(start, text.length());
    }

    private static String addToArchive(MigrationFile file, List<String> added) {
        Archive archive = Txtar.parse(file.rawText());
        List<ArchiveFile> files = new ArrayList<>(archive.files());
        String body = String.join("\n", added) + "\n";
        for (String name : List.of(CHECKS, MORE_CHECKS)) {
            Optional<ArchiveFile> existing = archive.file(name);
            if (existing.isEmpty()) {
                int at = indexOf(files, MIGRATION);
                files.add(at < 0 ? files.size() : at, new ArchiveFile(name, body + "\n"));
                return Txtar.format(new Archive(archive.comment(), files));
            }
            String data = existing.get().data();
            if (!isOneOf(data)) {
                String joined = data.isEmpty() || data.endsWith("\n") ? data : data + "\n";
                // Keep the blank line before the next section, as the file had it.
                String trimmed = joined.replaceFirst("\n+\\z", "\n");
                String gap = joined.substring(trimmed.length());
                files.set(indexOf(files, name), new ArchiveFile(name, trimmed + body + gap));
                return Txtar.format(new Archive(archive.comment(), files));
            }
        }
        throw cannot(file, "its " + CHECKS + " and " + MORE_CHECKS + " are both atlas:assert oneof checks");
    }

    private static boolean isOneOf(String data) {
        return data.lines().anyMatch(l -> l.strip().matches("--\\s*atlas:assert\\s+oneof"));
    }

    private static int indexOf(List<ArchiveFile> files, String name) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static MigrationScript parse(MigrationFile file, ScannerOptions options, String what) {
        try {
            return MigrationScript.parse(file, options);
        } catch (MigrateException e) {
            throw cannot(file, what + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean sameDirectives(FileDirectives a, FileDirectives b) {
        return a.txMode().equals(b.txMode())
                && a.noLint().equals(b.noLint())
                && a.checkpoint().equals(b.checkpoint());
    }

    private static List<String> texts(List<Statement> statements) {
        return statements.stream().map(Statement::text).toList();
    }

    private static MigrateException cannot(MigrationFile file, String reason) {
        return new MigrateException("cannot fix " + file.name() + ": " + reason);
    }
}
