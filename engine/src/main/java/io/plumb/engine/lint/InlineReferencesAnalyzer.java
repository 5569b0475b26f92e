package io.plumb.engine.lint;

import io.plumb.engine.db.SqlText;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code InlineReferencesAnalyzer} (MySQL, MY102) reports a column defined with an inline {@code REFERENCES}
 * clause in {@code CREATE TABLE} or {@code ALTER TABLE ... ADD COLUMN}: MySQL parses the clause and ignores it, so
 * no foreign key exists. MariaDB 10.5 and later turn the clause into a foreign key; a column the statement did give a
 * foreign key is therefore not reported. The reference runs this check as an unnamed analyzer that cannot be
 * configured and never fails a file; Plumb names it {@code inline_references} so that {@code atlas:nolint} can
 * name it as well as its code.
 */
public final class InlineReferencesAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "inline_references";

    static final String HEADING = "inline REFERENCES detected";

    private static final List<Code> CODES =
            List.of(new Code("MY102", NAME, "Adding a column with an inline REFERENCES clause has no actual effect"));

    private static final Set<String> NOT_COLUMNS = Set.of(
            "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "KEY", "INDEX", "CHECK", "FULLTEXT", "SPATIAL", "PERIOD");
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES\\b");
    private static final Pattern NAME_FIRST = Pattern.compile("(?s)\\s*(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|[\\w$]+)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Code> codes() {
        return CODES;
    }

    @Override
    public boolean canError() {
        return false;
    }

    @Override
    public List<Report> analyze(Pass pass) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Change change : pass.file().changes()) {
            String sql = change.statement().text();
            if (!REFERENCES.matcher(sql).find()) {
                continue;
            }
            for (SchemaChange c : change.changes()) {
                if (c instanceof SchemaChange.AddTable add) {
                    report(change.pos(), add.table(), inlineColumns(sql, false), diagnostics);
                } else if (c instanceof SchemaChange.ModifyTable modify) {
                    List<String> columns = inlineColumns(sql, true);
                    columns.removeIf(name -> modify.changes().stream()
                            .noneMatch(tc -> tc instanceof TableChange.AddColumn a
                                    && a.column().name().equals(name)));
                    report(change.pos(), modify.to(), columns, diagnostics);
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static void report(int pos, Table table, List<String> columns, List<Diagnostic> out) {
        for (String column : columns) {
            boolean keyed =
                    table.foreignKeys().stream().map(ForeignKey::columns).anyMatch(List.of(column)::equals);
            if (!keyed && table.columns().stream().anyMatch(c -> c.name().equals(column))) {
                out.add(Diagnostic.of(
                        pos,
                        "MY102",
                        "Defining column " + Quote.go(column) + " on table " + Quote.go(table.name())
                                + " with inline REFERENCES is ignored by MySQL"));
            }
        }
    }

    /**
     * Returns the columns whose definitions in a {@code CREATE TABLE} body or an {@code ALTER TABLE}'s clauses
     * carry a {@code REFERENCES} clause.
     */
    static List<String> inlineColumns(String sql, boolean alter) {
        List<String> found = new ArrayList<>();
        String body;
        if (alter) {
            Matcher m = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?\\S+\\s+(.*)$")
                    .matcher(sql);
            if (!m.matches()) {
                return found;
            }
            body = m.group(1);
        } else {
            int open = sql.indexOf('(');
            int close = sql.lastIndexOf(')');
            if (open < 0 || close <= open) {
                return found;
            }
            body = sql.substring(open + 1, close);
        }
        for (String element : SqlText.splitTopLevel(body)) {
            String def = element;
            if (alter) {
                Matcher add = Pattern.compile("(?is)^\\s*ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(.*)$")
                        .matcher(element);
                if (!add.matches()) {
                    continue;
                }
                def = add.group(1);
            }
            Matcher name = NAME_FIRST.matcher(def);
            if (!name.lookingAt()
                    || NOT_COLUMNS.contains(name.group(1).toUpperCase(Locale.ROOT))
                    || def.strip().startsWith("(")
                    || !REFERENCES.matcher(def).find()) {
                continue;
            }
            found.add(unquote(name.group(1)));
        }
        return found;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("`") || name.startsWith("\""))) {
            char q = name.charAt(0);
            return name.substring(1, name.length() - 1).replace("" + q + q, "" + q);
        }
        return name;
    }
}
