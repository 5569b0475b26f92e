package io.plumb.engine.lint;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code DataDependAnalyzer} ({@code data_depend}) reports changes that may fail depending on the data in the
 * table: a unique index on existing columns (MF101), an index made unique (MF102), a NOT NULL column without a
 * default added to an existing table (MF103, worded by the dialect's {@link DataDependHandler}), and a column made
 * NOT NULL (MF104; SQLite's LT101). Changes on tables the file creates are left alone.
 */
public final class DataDependAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "data_depend";

    static final String HEADING = "data dependent changes detected";

    private static final List<Code> CODES = List.of(
            new Code("MF101", NAME, "Unique index added on existing columns"),
            new Code("MF102", NAME, "Non-unique index made unique"),
            new Code("MF103", NAME, "Non-nullable column without a default added to an existing table"),
            new Code("MF104", NAME, "Nullable column made non-nullable"),
            new Code("LT101", NAME, "SQLite: nullable column made non-nullable without a default"),
            new Code("MY101", NAME, "MySQL: non-nullable column without a default fills existing rows"));

    private final DataDependHandler handler;

    /** Creates the analyzer with a dialect's handler. */
    public DataDependAnalyzer(DataDependHandler handler) {
        this.handler = handler;
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
        LintFile file = pass.file();
        List<Index> droppedUnique = droppedUniqueIndexes(file);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Change change : file.changes()) {
            for (SchemaChange c : change.changes()) {
                if (!(c instanceof SchemaChange.ModifyTable modify)) {
                    continue;
                }
                String schema = modify.schema();
                Table table = modify.to();
                boolean newTable = file.tableSpan(schema, table.name()).added();
                for (TableChange tc : modify.changes()) {
                    if (tc instanceof TableChange.AddIndex add) {
                        addUnique(file, change, schema, table, add.index(), droppedUnique)
                                .ifPresent(diagnostics::add);
                    } else if (tc instanceof TableChange.ModifyIndex mod) {
                        if (!mod.from().unique()
                                && mod.to().unique()
                                && !file.indexSpan(
                                                schema, table.name(), mod.to().name())
                                        .added()) {
                            diagnostics.add(Diagnostic.of(
                                    change.pos(),
                                    "MF102",
                                    "Modifying an index " + Quote.go(mod.to().name()) + " on table "
                                            + Quote.go(table.name()) + " might fail in case of duplicate entries"));
                        }
                    } else if (tc instanceof TableChange.AddColumn add) {
                        Column column = add.column();
                        if (!column.nullable() && column.defaultValue().isEmpty() && !newTable) {
                            coded(handler.addNotNull(new ColumnPass(pass, change, schema, table, column)), "MF103")
                                    .forEach(diagnostics::add);
                        }
                    } else if (tc instanceof TableChange.ModifyColumn mod) {
                        if (newTable
                                || !(mod.from().nullable() && !mod.to().nullable())
                                || hasNotNullCheck(modify.from(), mod.from())) {
                            continue;
                        }
                        ColumnPass columnPass = new ColumnPass(pass, change, schema, table, mod.to());
                        Optional<List<Diagnostic>> handled = handler.modifyNotNull(columnPass);
                        if (handled.isPresent()) {
                            coded(handled.get(), "MF104").forEach(diagnostics::add);
                        } else if (!Backfills.filledBefore(
                                file, table.name(), mod.to().name(), change.pos())) {
                            diagnostics.add(Diagnostic.of(
                                    change.pos(),
                                    "MF104",
                                    "Modifying nullable column "
                                            + Quote.go(mod.to().name())
                                            + " to non-nullable might fail in case it contains NULL values"));
                        }
                    }
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static Optional<Diagnostic> addUnique(
            LintFile file, Change change, String schema, Table table, Index index, List<Index> droppedUnique) {
        if (!index.unique() || droppedUnique.stream().anyMatch(d -> replaces(file, schema, table, index, d))) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (IndexPart part : index.parts()) {
            if (!part.isExpression()
                    && !file.columnSpan(schema, table.name(), part.value()).added()) {
                names.add(Quote.go(part.value()));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String which = names.size() == 1
                ? "column " + names.get(0) + " contains"
                : "columns " + String.join(", ", names) + " contain";
        return Optional.of(Diagnostic.of(
                change.pos(),
                "MF101",
                "Adding a unique index " + Quote.go(index.name()) + " on table " + Quote.go(table.name())
                        + " might fail in case " + which + " duplicate entries"));
    }

    // A unique index that replaces a dropped one over a subset of its parts cannot add duplicates.
    private static boolean replaces(LintFile file, String schema, Table table, Index added, Index dropped) {
        if (dropped.parts().size() > added.parts().size()) {
            return false;
        }
        for (IndexPart part : added.parts()) {
            boolean covered = dropped.parts().stream()
                    .anyMatch(p ->
                            p.isExpression() == part.isExpression() && p.value().equals(part.value()));
            boolean newColumn = !part.isExpression()
                    && file.columnSpan(schema, table.name(), part.value()).added();
            if (!covered && !newColumn) {
                return false;
            }
        }
        return true;
    }

    private static List<Index> droppedUniqueIndexes(LintFile file) {
        List<Index> dropped = new ArrayList<>();
        for (Change change : file.changes()) {
            for (SchemaChange c : change.changes()) {
                if (c instanceof SchemaChange.ModifyTable modify) {
                    for (TableChange tc : modify.changes()) {
                        if (tc instanceof TableChange.DropIndex drop
                                && drop.index().unique()) {
                            dropped.add(drop.index());
                        }
                    }
                }
            }
        }
        return dropped;
    }

    // A CHECK (col IS NOT NULL) already keeps NULLs out, so making the column NOT NULL cannot fail.
    private static boolean hasNotNullCheck(Table table, Column column) {
        Pattern notNull = Pattern.compile(
                "(?is)[\\s(]*[`\"\\[]?" + Pattern.quote(column.name()) + "[`\"\\]]?\\s+IS\\s+NOT\\s+NULL[\\s)]*");
        for (Check check : table.checks()) {
            if (notNull.matcher(check.expr()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Diagnostic> coded(List<Diagnostic> diagnostics, String code) {
        return diagnostics.stream()
                .map(d -> d.code().isEmpty() ? new Diagnostic(d.pos(), d.text(), code, d.suggestedFixes()) : d)
                .toList();
    }
}
