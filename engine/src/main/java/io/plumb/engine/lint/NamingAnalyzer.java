package io.plumb.engine.lint;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code NamingAnalyzer} ({@code naming}) reports names that break the policy of {@code lint { naming { ... }
 * }}: a {@code match} regular expression (found anywhere in the name, as Go's {@code MatchString}) and a {@code
 * message}, for all names or per kind in nested {@code schema}, {@code table}, {@code column}, {@code index},
 * {@code foreign_key} and {@code check} blocks (NM101-NM106). Names are checked when they are added or renamed.
 * Without a {@code naming} block nothing is reported.
 */
public final class NamingAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "naming";

    static final String HEADING = "naming violations detected";

    private static final List<Code> CODES = List.of(
            new Code("NM101", NAME, "Schema name violates the naming policy"),
            new Code("NM102", NAME, "Table name violates the naming policy"),
            new Code("NM103", NAME, "Column name violates the naming policy"),
            new Code("NM104", NAME, "Index name violates the naming policy"),
            new Code("NM105", NAME, "Foreign-key constraint name violates the naming policy"),
            new Code("NM106", NAME, "Check constraint name violates the naming policy"));

    /** A name rule: the pattern and the message added to the diagnostic. */
    private record Rule(Pattern match, String message) {}

    private final Optional<Rule> all;
    private final Optional<Rule> schema;
    private final Optional<Rule> table;
    private final Optional<Rule> column;
    private final Optional<Rule> index;
    private final Optional<Rule> foreignKey;
    private final Optional<Rule> check;

    /**
     * Creates the analyzer from its block.
     *
     * @throws IllegalArgumentException when a {@code match} is not a valid regular expression
     */
    public NamingAnalyzer(AnalyzerConfig config) {
        boolean configured = !config.attributes().isEmpty()
                || !config.blocks().isEmpty()
                || config.error().isPresent();
        this.all = configured ? Optional.of(rule(config)) : Optional.empty();
        this.schema = config.block("schema").map(NamingAnalyzer::rule);
        this.table = config.block("table").map(NamingAnalyzer::rule);
        this.column = config.block("column").map(NamingAnalyzer::rule);
        this.index = config.block("index").map(NamingAnalyzer::rule);
        this.foreignKey = config.block("foreign_key").map(NamingAnalyzer::rule);
        this.check = config.block("check").map(NamingAnalyzer::rule);
    }

    private static Rule rule(AnalyzerConfig block) {
        String match = block.attribute("match").orElse("");
        try {
            return new Rule(Pattern.compile(match), block.attribute("message").orElse(""));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "lint naming: invalid match regular expression " + Quote.go(match) + ": " + e.getDescription(), e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Code> codes() {
        return CODES;
    }

    @Override
    public List<Report> analyze(Pass pass) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Change change : pass.file().changes()) {
            int pos = change.pos();
            for (SchemaChange c : change.changes()) {
                if (c instanceof SchemaChange.AddSchema add) {
                    match(diagnostics, pos, "NM101", add.schema().name(), "Schema", schema);
                } else if (c instanceof SchemaChange.AddTable add) {
                    addTable(diagnostics, pos, add.table());
                } else if (c instanceof SchemaChange.ModifyTable modify) {
                    for (TableChange tc : modify.changes()) {
                        modifyTable(diagnostics, pos, tc);
                    }
                }
            }
            for (Rename rename : change.renames()) {
                if (rename instanceof Rename.TableRename t) {
                    match(diagnostics, pos, "NM102", t.to().name(), "Table", table);
                } else if (rename instanceof Rename.ColumnRename col) {
                    match(diagnostics, pos, "NM103", col.to().name(), "Column", column);
                } else if (rename instanceof Rename.IndexRename idx) {
                    match(diagnostics, pos, "NM104", idx.to().name(), "Index", index);
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private void addTable(List<Diagnostic> diagnostics, int pos, Table t) {
        match(diagnostics, pos, "NM102", t.name(), "Table", table);
        for (Column c : t.columns()) {
            match(diagnostics, pos, "NM103", c.name(), "Column", column);
        }
        for (Index i : t.indexes()) {
            match(diagnostics, pos, "NM104", i.name(), "Index", index);
        }
        for (ForeignKey fk : t.foreignKeys()) {
            match(diagnostics, pos, "NM105", fk.name(), "Foreign-key constraint", foreignKey);
        }
        for (Check k : t.checks()) {
            match(diagnostics, pos, "NM106", k.name(), "Check constraint", check);
        }
    }

    private void modifyTable(List<Diagnostic> diagnostics, int pos, TableChange tc) {
        if (tc instanceof TableChange.AddColumn add) {
            match(diagnostics, pos, "NM103", add.column().name(), "Column", column);
        } else if (tc instanceof TableChange.AddIndex add) {
            match(diagnostics, pos, "NM104", add.index().name(), "Index", index);
        } else if (tc instanceof TableChange.AddForeignKey add) {
            match(diagnostics, pos, "NM105", add.foreignKey().name(), "Foreign-key constraint", foreignKey);
        } else if (tc instanceof TableChange.AddCheck add) {
            match(diagnostics, pos, "NM106", add.check().name(), "Check constraint", check);
        }
    }

    private void match(
            List<Diagnostic> diagnostics, int pos, String code, String name, String resource, Optional<Rule> own) {
        Optional<Rule> rule = own.or(() -> all);
        if (rule.isEmpty() || rule.get().match().matcher(name).find()) {
            return;
        }
        String text = resource + " named " + Quote.go(name) + " violates the naming policy";
        if (!rule.get().message().isEmpty()) {
            text += ": " + rule.get().message();
        }
        diagnostics.add(Diagnostic.of(pos, code, text));
    }
}
