package io.plumb.engine.migrate;

import io.plumb.engine.gotemplate.TemplateException;
import io.plumb.engine.gotemplate.TemplateSet;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code MigrationTemplate} is how {@code migrate diff} and {@code migrate new} write a new migration file
 * (reference 4.1): its name, {@code yyyyMMddHHmmss[_name].sql} in UTC, and its text, an optional file-directive
 * header and then, per planned change, a {@code -- Comment} line and the statement with its delimiter.
 *
 * @param indent the indentation of multi-line statements, or empty for one-line statements; it is the planner's
 *     to apply (see {@link io.plumb.engine.dialect.PlanOptions#indent()})
 * @param directives the file directives of the header, such as {@code -- atlas:delimiter -- end}; none by default
 * @param delimiter what ends each statement: {@code ;} by default
 */
public record MigrationTemplate(String indent, List<String> directives, String delimiter) {

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    // The reference tool's Go templates that Plumb understands: {{ sql . }} and {{ sql . "INDENT" }}, with trim
    // markers ({{- sql . -}}) and $ for the dot, as Go reads them.
    private static final Pattern SQL_TEMPLATE =
            Pattern.compile("\\{\\{-?\\s*sql\\s+[.$]\\s*(?:\"([ \\t]*)\"\\s*)?-?}}");
    private static final Pattern SQL_CALL = Pattern.compile("\\{\\{[^}]*\\bsql\\b");
    private static final Pattern ONE_ACTION = Pattern.compile("\\{\\{[^}]*}}");
    private static final Pattern ACTION_EDGES = Pattern.compile("\\{\\{-?\\s*|\\s*-?}}");

    private static final String TXMODE = "-- atlas:txmode";
    private static final String FORMAT = "format";

    public MigrationTemplate {
        directives = List.copyOf(directives);
    }

    /** Returns the reference tool's default template: one-line statements ending in {@code ;}, no header. */
    public static MigrationTemplate defaults() {
        return new MigrationTemplate("", List.of(), ";");
    }

    /**
     * Returns the template a {@code --format} value asks for.
     *
     * @throws MigrateException for a template that does not parse, with Go's words ({@code parse format: template:
     *     format:1: unclosed action}); for anything but {@code {{ sql . }}} and {@code {{ sql . "INDENT" }}}; a template
     *     that calls {@code sql} among other things gets the reference's {@code 'sql' can only be used to indent
     *     statements}
     */
    public static MigrationTemplate parse(String format) {
        try {
            // As the reference, the text must first parse as a Go template that may call sql.
            new TemplateSet(Map.of("sql", args -> "")).parse(FORMAT, FORMAT, format);
        } catch (TemplateException e) {
            throw new MigrateException("parse format: " + e.goMessage(FORMAT));
        }
        Matcher sql = SQL_TEMPLATE.matcher(format.trim());
        if (!sql.matches()
                && SQL_CALL.matcher(format).find()
                && !ONE_ACTION.matcher(format.trim()).matches()) {
            // The reference's words, with the template as Go prints it back: actions without their inner spaces.
            String printed = ACTION_EDGES
                    .matcher(format.trim())
                    .replaceAll(m -> m.group().startsWith("{") ? "{{" : "}}");
            throw new MigrateException("'sql' can only be used to indent statements. got: " + printed);
        }
        if (!sql.matches()) {
            throw new MigrateException("unsupported migration file format \"" + format
                    + "\": expected {{ sql . }} or {{ sql . \"INDENT\" }} with an indentation of spaces or tabs");
        }
        String indent = sql.group(1);
        return new MigrationTemplate(indent == null ? "" : indent, List.of(), ";");
    }

    /**
     * Returns the name of a new migration file: the UTC time as the version, then {@code _name} when a name is
     * given.
     *
     * @throws MigrateException when the name would leave the directory or is not a plain file name
     */
    public static String fileName(Instant now, String name) {
        if (name.contains("/") || name.contains("\\") || name.contains("\0")) {
            throw new MigrateException("invalid migration name \"" + name
                    + "\": expected a plain name without path separators, such as add_users");
        }
        String version = VERSION.format(now);
        return name.isEmpty() ? version + ".sql" : version + "_" + name + ".sql";
    }

    /**
     * Returns the text of a migration file that holds the plan's statements. A plan that cannot run in a transaction
     * (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}) gets the {@code -- atlas:txmode none} directive, so that
     * {@code migrate apply} runs the file without one.
     */
    public String render(Plan plan) {
        StringBuilder text = new StringBuilder();
        List<String> header = new ArrayList<>(directives);
        if (!plan.transactional() && header.stream().noneMatch(d -> d.startsWith(TXMODE))) {
            header.add(0, TXMODE + " none");
        }
        if (!header.isEmpty()) {
            header.forEach(d -> text.append(d).append('\n'));
            text.append('\n');
        }
        for (PlannedChange change : plan.changes()) {
            if (!change.comment().isEmpty()) {
                text.append("-- ").append(capitalize(change.comment())).append('\n');
            }
            text.append(change.sql()).append(delimiter).append('\n');
        }
        return text.toString();
    }

    private static String capitalize(String comment) {
        return comment.substring(0, 1).toUpperCase(Locale.ROOT) + comment.substring(1);
    }
}
