package io.plumb.engine.migrate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code LiquibaseScript} reads a Liquibase formatted SQL changelog (first line {@code --liquibase formatted sql}):
 * each {@code --changeset author:id} runs its statements, split as in any migration file, where the changeset's
 * attributes say so otherwise: {@code splitStatements:false} runs its body as one statement, {@code
 * runInTransaction:false} runs the file outside a transaction, and {@code dbms:} runs it only on the databases it
 * names, as Liquibase matches them ({@code endDelimiter} is not read). Other lines starting with {@code --} ({@code
 * --rollback}, {@code --comment}, preconditions) are comments.
 *
 * <p>The reference reads every changelog as a plain migration file, and so does this one when no changeset has
 * those attributes; when one has, each changeset is split on its own, its {@code --changeset} line the comment
 * directly above its first statement.
 */
final class LiquibaseScript {

    private static final Pattern HEADER =
            Pattern.compile("--\\s*liquibase\\s+formatted\\s+sql\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("--\\s*changeset\\s+\\S+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\\S+)");

    private LiquibaseScript() {}

    /** Returns whether a file is a formatted SQL changelog, by its first line. */
    static boolean isChangelog(MigrationFile file) {
        String text = file.text();
        int newline = text.indexOf('\n');
        return HEADER.matcher((newline < 0 ? text : text.substring(0, newline)).strip())
                .matches();
    }

    /**
     * Reads a changelog whose changesets say how to split or run them, or returns empty for a file that is read as a
     * plain migration file (no header, or no such attribute), as the reference reads every changelog.
     *
     * @throws MigrationFileException when a changeset cannot be split
     */
    static Optional<MigrationScript> parse(MigrationFile file, ScannerOptions options) {
        List<String> lines = UpSection.lines(file.text());
        Set<String> dbms = dbmsNames(options);
        boolean plain = lines.stream()
                .map(line -> CHANGESET.matcher(line.strip()))
                .filter(Matcher::matches)
                .map(m -> Changeset.of(m.group(1)))
                .allMatch(c -> c.isPlain() && c.runsOn(dbms));
        if (!isChangelog(file) || plain) {
            return Optional.empty();
        }
        UpSection up = new UpSection(file, options);
        boolean noTransaction = false;
        int start = 1;
        while (start < lines.size()) {
            int end = start + 1;
            while (end < lines.size()
                    && !CHANGESET.matcher(lines.get(end).strip()).matches()) {
                end++;
            }
            Matcher changeset = CHANGESET.matcher(lines.get(start).strip());
            List<String> body = lines.subList(start, end);
            if (!changeset.matches()) {
                plainFrom(up, start + 1, body);
            } else {
                Changeset attributes = Changeset.of(changeset.group(1));
                if (!attributes.runsOn(dbms)) {
                    start = end;
                    continue;
                }
                noTransaction |= !attributes.inTransaction();
                if (!attributes.split()) {
                    up.block(start + 1, withoutTrailingComments(body));
                } else {
                    plainFrom(up, start + 1, body);
                }
            }
            start = end;
        }
        FileDirectives directives = file.directives();
        return Optional.of(new MigrationScript(
                file,
                noTransaction ? UpSection.noTransaction(directives) : directives,
                List.of(),
                up.statements(),
                Optional.empty()));
    }

    private static void plainFrom(UpSection up, int firstLine, List<String> lines) {
        up.flush();
        for (int i = 0; i < lines.size(); i++) {
            up.plain(firstLine + i, lines.get(i));
        }
        up.flush();
    }

    // A changeset's body up to its last SQL line: the --rollback lines after it are not part of the statement.
    private static List<String> withoutTrailingComments(List<String> body) {
        int end = body.size();
        while (end > 1
                && (body.get(end - 1).isBlank() || body.get(end - 1).strip().startsWith("--"))) {
            end--;
        }
        return body.subList(0, end);
    }

    /**
     * Returns the names Liquibase gives the database the statements are for ({@code dbms:} values), by the dialect's
     * scanner options (its constants); empty where the dialect is not known (import), where every changeset is kept.
     * MySQL and MariaDB share a dialect here, and Plumb stands MariaDB in for MySQL: a changeset for either runs.
     */
    private static Set<String> dbmsNames(ScannerOptions options) {
        if (options.equals(ScannerOptions.POSTGRES)) {
            return Set.of("postgresql");
        } else if (options.equals(ScannerOptions.MYSQL)) {
            return Set.of("mysql", "mariadb");
        } else if (options.equals(ScannerOptions.SQLITE)) {
            return Set.of("sqlite");
        }
        return Set.of();
    }

    /**
     * The attributes of a {@code --changeset} line that change how it runs.
     *
     * @param dbms the {@code dbms:} list, lower-cased, or empty for every database
     */
    private record Changeset(boolean split, boolean inTransaction, List<String> dbms) {

        boolean isPlain() {
            return split && inTransaction;
        }

        /**
         * Returns whether the changeset runs on a database of these names, as Liquibase matches a {@code dbms:} list:
         * {@code all} matches any, {@code none} none, {@code !name} excludes one, and a list of names without {@code
         * !} must name it. Every changeset runs where the database is not known.
         */
        boolean runsOn(Set<String> names) {
            if (dbms.isEmpty() || names.isEmpty() || dbms.contains("all")) {
                return true;
            }
            if (dbms.contains("none") || names.stream().anyMatch(n -> dbms.contains("!" + n))) {
                return false;
            }
            List<String> wanted = dbms.stream().filter(d -> !d.startsWith("!")).toList();
            return wanted.isEmpty() || wanted.stream().anyMatch(names::contains);
        }

        static Changeset of(String attributes) {
            boolean split = true;
            boolean inTransaction = true;
            List<String> dbms = List.of();
            Matcher m = ATTRIBUTE.matcher(attributes);
            while (m.find()) {
                String value = m.group(2);
                switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "splitstatements" -> split = !value.equalsIgnoreCase("false");
                    case "runintransaction" -> inTransaction = !value.equalsIgnoreCase("false");
                    case "dbms" -> dbms = Arrays.stream(
                                    value.toLowerCase(Locale.ROOT).split(","))
                            .map(String::strip)
                            .filter(d -> !d.isEmpty())
                            .toList();
                    default -> {
                        // endDelimiter is not read: statements end at ; outside quotes, comments and BEGIN ... END
                        // bodies, as in the reference. runOnChange, context and labels: every changeset runs, as
                        // Liquibase runs them when no context or label is asked for.
                    }
                }
            }
            return new Changeset(split, inTransaction, dbms);
        }
    }
}
