package io.plumb.engine.migrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code LiquibaseScript} reads a Liquibase formatted SQL changelog (first line {@code --liquibase formatted sql}):
 * each {@code --changeset author:id} runs its statements, split as in any migration file, where the changeset's
 * attributes and lines say so otherwise, as Liquibase reads them:
 *
 * <ul>
 *   <li>{@code splitStatements:false} runs its body as one statement; {@code endDelimiter:D} splits it at {@code D}
 *       ({@code /} and words such as {@code GO} only on a line of their own);
 *   <li>{@code runInTransaction:false} runs the file outside a transaction;
 *   <li>{@code dbms:} runs it only on the databases it names, and {@code ignore:true} never;
 *   <li>{@code --preconditions onFail:ACTION onError:ACTION} with {@code --precondition-sql-check}, {@code
 *       -table-exists} and {@code -view-exists} lines hold it to conditions checked when it is about to run (a
 *       {@link Guard});
 *   <li>{@code --ignoreLines:start} ... {@code --ignoreLines:end} and {@code --ignoreLines:N} leave lines out;
 *   <li>{@code --property name:NAME value:VALUE} lines give the values of {@code ${NAME}} in the file.
 * </ul>
 *
 * Other lines starting with {@code --} ({@code --rollback}, {@code --comment}) are comments. {@code runOnChange},
 * {@code runAlways}, {@code context} and {@code labels} change nothing: a file runs once, with every changeset, as
 * Liquibase runs them when no context or label is asked for.
 *
 * <p>The reference reads every changelog as a plain migration file, and so does this one when nothing above is
 * used; otherwise each changeset is split on its own, its {@code --changeset} line the comment directly above its
 * first statement.
 */
final class LiquibaseScript {

    private static final Pattern HEADER =
            Pattern.compile("--\\s*liquibase\\s+formatted\\s+sql\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("--\\s*changeset\\s+(\\S+)(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\\S*)");
    private static final Pattern PROPERTY = Pattern.compile("--\\s*property\\s+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IGNORE_LINES = Pattern.compile("--\\s*ignoreLines:(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRECONDITIONS =
            Pattern.compile("--\\s*preconditions\\b(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRECONDITION =
            Pattern.compile("--\\s*precondition-([a-zA-Z0-9-]+)(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXPECTED = Pattern.compile(
            "(?:expectedResult:)?(?:'([^']+)'|\"([^\"]+)\"|(\\w+))\\s+(.+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WORD_DELIMITER = Pattern.compile("/|\\w+");

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
     * plain migration file (no header, or nothing that needs reading), as the reference reads every changelog.
     *
     * @throws MigrationFileException when a changeset cannot be split or a line is malformed
     */
    static Optional<MigrationScript> parse(MigrationFile file, ScannerOptions options) {
        if (!isChangelog(file)) {
            return Optional.empty();
        }
        List<String> written = UpSection.lines(file.text());
        Set<String> dbms = dbmsNames(options);
        List<String> lines = withProperties(withoutIgnoredLines(file, written), dbms);
        List<Changeset> changesets = changesets(file, lines);
        boolean plain = lines.equals(written) && changesets.stream().allMatch(c -> c.isPlain() && c.runsOn(dbms));
        if (plain) {
            return Optional.empty();
        }
        UpSection up = new UpSection(file, options);
        List<Guard> guards = new ArrayList<>();
        int firstChangeset =
                changesets.isEmpty() ? lines.size() : changesets.get(0).line() - 1;
        plainFrom(up, 2, lines.subList(1, firstChangeset));
        boolean noTransaction = false;
        for (Changeset changeset : changesets) {
            if (!changeset.runsOn(dbms)) {
                continue;
            }
            noTransaction |= !changeset.inTransaction();
            int first = up.count();
            List<String> body = lines.subList(changeset.line() - 1, changeset.end());
            if (!changeset.split()) {
                up.block(changeset.line(), withoutTrailingComments(body));
            } else if (changeset.endDelimiter().isPresent()) {
                delimited(up, changeset.line(), body, changeset.endDelimiter().get());
            } else {
                plainFrom(up, changeset.line(), body);
            }
            int end = up.count();
            changeset.guard(first, end).filter(g -> end > first).ifPresent(guards::add);
        }
        FileDirectives directives = file.directives();
        return Optional.of(new MigrationScript(
                file,
                noTransaction ? UpSection.noTransaction(directives) : directives,
                List.of(),
                up.statements(),
                Optional.empty(),
                guards));
    }

    /**
     * Returns the lines with each {@code ${name}} that a {@code --property name:NAME value:VALUE} line of the file
     * defines replaced by its value, as Liquibase expands changelog properties: the first definition of a name wins,
     * one with {@code dbms:} counts only on the databases it names, and an undefined {@code ${name}} stays as written.
     * Values come from the file itself, so they are no secrets and output shows them.
     */
    private static List<String> withProperties(List<String> lines, Set<String> dbms) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher property = PROPERTY.matcher(line.strip());
            if (!property.matches()) {
                continue;
            }
            Optional<String> name = Optional.empty();
            Optional<String> value = Optional.empty();
            List<String> only = List.of();
            Matcher m = ATTRIBUTE.matcher(property.group(1));
            while (m.find()) {
                switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "name" -> name = Optional.of(m.group(2));
                    case "value" -> value = Optional.of(m.group(2));
                    case "dbms" -> only = dbmsList(m.group(2));
                    default -> {
                        // context, labels, global: properties are global and every context runs, as above.
                    }
                }
            }
            if (name.isPresent() && value.isPresent() && matches(only, dbms)) {
                values.putIfAbsent(name.get(), value.get());
            }
        }
        if (values.isEmpty()) {
            return lines;
        }
        List<String> expanded = new ArrayList<>(lines.size());
        for (String line : lines) {
            String text = line;
            if (!PROPERTY.matcher(line.strip()).matches()) {
                for (Map.Entry<String, String> entry : values.entrySet()) {
                    text = text.replace("${" + entry.getKey() + "}", entry.getValue());
                }
            }
            expanded.add(text);
        }
        return expanded;
    }

    /**
     * Returns the lines with those {@code --ignoreLines} leaves out blanked, so that the others keep their numbers.
     *
     * @throws MigrationFileException for a count that is no number, or a start without its end
     */
    private static List<String> withoutIgnoredLines(MigrationFile file, List<String> lines) {
        List<String> kept = new ArrayList<>(lines);
        for (int i = 0; i < kept.size(); i++) {
            Matcher m = IGNORE_LINES.matcher(kept.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            String value = m.group(1);
            int from = i;
            int until;
            if (value.equalsIgnoreCase("start")) {
                until = from + 1;
                while (until < kept.size() && !isIgnoreEnd(kept.get(until))) {
                    until++;
                }
                if (until == kept.size()) {
                    throw new MigrationFileException(
                            file.name(),
                            from + 1,
                            columnOf(kept.get(from)),
                            "--ignoreLines:start has no --ignoreLines:end");
                }
            } else if (value.chars().allMatch(Character::isDigit)) {
                until = Math.min(kept.size() - 1, from + Integer.parseInt(value));
            } else {
                throw new MigrationFileException(
                        file.name(),
                        from + 1,
                        columnOf(kept.get(from)),
                        "unknown --ignoreLines value \"" + value
                                + "\": expected start (closed by --ignoreLines:end) or a number of lines");
            }
            for (int j = from; j <= until; j++) {
                kept.set(j, "");
            }
            i = until;
        }
        return kept;
    }

    private static boolean isIgnoreEnd(String line) {
        Matcher m = IGNORE_LINES.matcher(line.strip());
        return m.matches() && m.group(1).equalsIgnoreCase("end");
    }

    /** Reads the changesets: each runs from its {@code --changeset} line to the next one, or the end. */
    private static List<Changeset> changesets(MigrationFile file, List<String> lines) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (CHANGESET.matcher(lines.get(i).strip()).matches()) {
                starts.add(i);
            }
        }
        List<Changeset> changesets = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1) : lines.size();
            changesets.add(Changeset.read(file, lines, start, end));
        }
        return changesets;
    }

    private static void plainFrom(UpSection up, int firstLine, List<String> lines) {
        up.flush();
        for (int i = 0; i < lines.size(); i++) {
            up.plain(firstLine + i, lines.get(i));
        }
        up.flush();
    }

    /**
     * Splits a changeset at its end delimiter. Liquibase reads {@code /} and a word (such as {@code GO}) as a
     * delimiter only on a line of its own, and any other text wherever it stands outside quotes and comments.
     */
    private static void delimited(UpSection up, int firstLine, List<String> body, String delimiter) {
        if (delimiter.isEmpty()) {
            up.block(firstLine, withoutTrailingComments(body));
            return;
        }
        if (!WORD_DELIMITER.matcher(delimiter).matches()) {
            up.delimited(firstLine, body, delimiter);
            return;
        }
        int start = 0;
        for (int i = 0; i <= body.size(); i++) {
            if (i == body.size() || body.get(i).strip().equalsIgnoreCase(delimiter)) {
                if (i > start) {
                    up.block(firstLine + start, withoutTrailingComments(body.subList(start, i)));
                }
                start = i + 1;
            }
        }
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

    private static int columnOf(String line) {
        return line.length() - line.stripLeading().length() + 1;
    }

    /** Reads a {@code dbms:} list: its names, lower-cased. */
    static List<String> dbmsList(String value) {
        return Arrays.stream(value.toLowerCase(Locale.ROOT).split(","))
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .toList();
    }

    /**
     * Returns whether a {@code dbms:} list takes a database of these names, as Liquibase matches it: {@code all}
     * matches any, {@code none} none, {@code !name} excludes one, and a list of names without {@code !} must name
     * it. An empty list, or a database that is not known (import), matches.
     */
    static boolean matches(List<String> dbms, Set<String> names) {
        if (dbms.isEmpty() || names.isEmpty() || dbms.contains("all")) {
            return true;
        }
        if (dbms.contains("none") || names.stream().anyMatch(n -> dbms.contains("!" + n))) {
            return false;
        }
        List<String> wanted = dbms.stream().filter(d -> !d.startsWith("!")).toList();
        return wanted.isEmpty() || wanted.stream().anyMatch(names::contains);
    }

    /**
     * Returns the names Liquibase gives the database the statements are for ({@code dbms:} values), by the dialect's
     * scanner options (its constants); empty where the dialect is not known (import), where every changeset is kept.
     * MySQL and MariaDB share a dialect here, and Plumb stands MariaDB in for MySQL: a changeset for either runs.
     */
    static Set<String> dbmsNames(ScannerOptions options) {
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
     * A changeset: its {@code --changeset} line's attributes that change how it runs, and its preconditions.
     *
     * @param label {@code changeset AUTHOR:ID}, for messages
     * @param line the 1-based line of its {@code --changeset} line
     * @param end the index after its last line
     * @param dbms the {@code dbms:} list, lower-cased, or empty for every database
     * @param endDelimiter the {@code endDelimiter:} value, its {@code \n} escapes resolved
     * @param preconditions its preconditions, if it has any
     */
    private record Changeset(
            String label,
            int line,
            int end,
            boolean split,
            boolean inTransaction,
            boolean ignored,
            List<String> dbms,
            Optional<String> endDelimiter,
            Optional<Preconditions> preconditions) {

        boolean isPlain() {
            return split && inTransaction && !ignored && endDelimiter.isEmpty() && preconditions.isEmpty();
        }

        /** Returns whether the changeset runs on a database of these names: never when ignored, else by its dbms list. */
        boolean runsOn(Set<String> names) {
            return !ignored && matches(dbms, names);
        }

        Optional<Guard> guard(int first, int end) {
            return preconditions.map(
                    p -> new Guard(first, end, p.line(), p.column(), label, p.conditions(), p.onFail(), p.onError()));
        }

        static Changeset read(MigrationFile file, List<String> lines, int start, int end) {
            String header = lines.get(start).strip();
            Matcher changeset = CHANGESET.matcher(header);
            if (!changeset.matches()) {
                throw new IllegalStateException("not a --changeset line: " + header);
            }
            String label = "changeset " + changeset.group(1);
            boolean split = true;
            boolean inTransaction = true;
            boolean ignored = false;
            List<String> dbms = List.of();
            Optional<String> endDelimiter = Optional.empty();
            Matcher m = ATTRIBUTE.matcher(changeset.group(2));
            while (m.find()) {
                String value = m.group(2);
                switch (m.group(1).toLowerCase(Locale.ROOT)) {
                    case "splitstatements" -> split = !value.equalsIgnoreCase("false");
                    case "runintransaction" -> inTransaction = !value.equalsIgnoreCase("false");
                    case "ignore" -> ignored = value.equalsIgnoreCase("true");
                    case "enddelimiter" -> endDelimiter = Optional.of(DelimiterDirective.unescape(value))
                            .filter(d -> !d.equals(DelimiterDirective.DEFAULT));
                    case "dbms" -> dbms = dbmsList(value);
                    default -> {
                        // runOnChange, runAlways, context, labels, failOnError: a file runs once, with every
                        // changeset, as Liquibase runs them when no context or label is asked for.
                    }
                }
            }
            Optional<Preconditions> preconditions = Preconditions.read(file, lines, start + 1, end);
            return new Changeset(
                    label, start + 1, end, split, inTransaction, ignored, dbms, endDelimiter, preconditions);
        }
    }

    /**
     * A changeset's {@code --preconditions} and {@code --precondition-*} lines.
     *
     * @param line the 1-based line of the first of them
     * @param column its column
     */
    private record Preconditions(
            int line, int column, List<Precondition> conditions, Guard.Action onFail, Guard.Action onError) {

        /**
         * Reads the precondition lines among a changeset's lines, or returns empty when it has none.
         *
         * @throws MigrationFileException for an unknown precondition or action, or a precondition without its values
         */
        static Optional<Preconditions> read(MigrationFile file, List<String> lines, int from, int end) {
            int line = 0;
            int column = 1;
            Guard.Action onFail = Guard.Action.HALT;
            Guard.Action onError = Guard.Action.HALT;
            List<Precondition> conditions = new ArrayList<>();
            for (int i = from; i < end; i++) {
                String text = lines.get(i).strip();
                Matcher all = PRECONDITIONS.matcher(text);
                Matcher one = PRECONDITION.matcher(text);
                if (!all.matches() && !one.matches()) {
                    continue;
                }
                if (line == 0) {
                    line = i + 1;
                    column = columnOf(lines.get(i));
                }
                int at = columnOf(lines.get(i));
                try {
                    if (all.matches()) {
                        Matcher m = ATTRIBUTE.matcher(all.group(1));
                        while (m.find()) {
                            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                                case "onfail" -> onFail = Guard.Action.of(m.group(2));
                                case "onerror" -> onError = Guard.Action.of(m.group(2));
                                default -> {
                                    // onFailMessage, onErrorMessage, onSqlOutput: the messages say what failed, and a
                                    // dry run checks nothing, as Liquibase's default onSqlOutput:IGNORE does.
                                }
                            }
                        }
                    } else {
                        conditions.add(condition(
                                one.group(1).toLowerCase(Locale.ROOT),
                                one.group(2).strip()));
                    }
                } catch (IllegalArgumentException e) {
                    throw new MigrationFileException(
                            file.name(),
                            i + 1,
                            at,
                            Objects.requireNonNullElse(e.getMessage(), "malformed precondition"));
                }
            }
            if (line == 0) {
                return Optional.empty();
            }
            return Optional.of(new Preconditions(line, column, conditions, onFail, onError));
        }

        private static Precondition condition(String name, String body) {
            switch (name) {
                case "sql-check" -> {
                    Matcher m = EXPECTED.matcher(body);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("--precondition-sql-check needs an expected result and a"
                                + " query: expected \"expectedResult:0 SELECT ...\"");
                    }
                    String expected = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    return new Precondition.SqlCheck(expected, m.group(4).strip());
                }
                case "table-exists", "view-exists" -> {
                    boolean view = name.equals("view-exists");
                    String key = view ? "view" : "table";
                    Optional<String> relation = value(body, key);
                    if (relation.isEmpty()) {
                        throw new IllegalArgumentException("--precondition-" + name + " needs a " + key + " name:"
                                + " expected \"" + key + ":NAME\", optionally with \"schema:NAME\"");
                    }
                    return new Precondition.Exists(view, value(body, "schema"), relation.get());
                }
                default -> throw new IllegalArgumentException("unsupported precondition \"" + name
                        + "\": expected sql-check, table-exists or view-exists, the preconditions formatted SQL"
                        + " changelogs take");
            }
        }

        private static Optional<String> value(String body, String key) {
            Matcher m = ATTRIBUTE.matcher(body);
            while (m.find()) {
                if (m.group(1).equalsIgnoreCase(key) && !m.group(2).isEmpty()) {
                    return Optional.of(m.group(2));
                }
            }
            return Optional.empty();
        }
    }
}
