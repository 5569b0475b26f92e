package io.plumb.engine.lint;

import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code IncompatibleAnalyzer} ({@code incompatible}) reports renames that break the clients still using the
 * old name: a table (BC101, unless a view of the old name is created later in the file) or a column (BC102,
 * unless a column of the old name is added back), on tables the file did not create.
 */
public final class IncompatibleAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "incompatible";

    static final String HEADING = "backward incompatible changes detected";

    private static final List<Code> CODES =
            List.of(new Code("BC101", NAME, "Table was renamed"), new Code("BC102", NAME, "Column was renamed"));

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
        List<Change> changes = file.changes();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            List<Change> rest = changes.subList(i, changes.size());
            for (Rename rename : change.renames()) {
                if (rename instanceof Rename.TableRename table) {
                    String from = table.from().name();
                    if (!file.schemaSpan(table.schema()).added()
                            && !file.tableSpan(table.schema(), from).added()
                            && !viewCreated(rest, from)) {
                        diagnostics.add(Diagnostic.of(
                                change.pos(),
                                "BC101",
                                "Renaming table " + Quote.go(from) + " to "
                                        + Quote.go(table.to().name())));
                    }
                } else if (rename instanceof Rename.ColumnRename column) {
                    if (!file.tableSpan(column.schema(), column.table().name()).added()
                            && !addedBack(rest, column.from().name())) {
                        diagnostics.add(Diagnostic.of(
                                change.pos(),
                                "BC102",
                                "Renaming column " + Quote.go(column.from().name()) + " to "
                                        + Quote.go(column.to().name())));
                    }
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static boolean viewCreated(List<Change> changes, String name) {
        return changes.stream()
                .flatMap(c -> c.changes().stream())
                .anyMatch(c -> c instanceof SchemaChange.AddObject add
                        && add.object().kind() == ObjectKind.VIEW
                        && add.object().name().equals(name));
    }

    private static boolean addedBack(List<Change> changes, String column) {
        return changes.stream()
                .flatMap(c -> c.changes().stream())
                .anyMatch(c -> c instanceof SchemaChange.ModifyTable m
                        && m.changes().stream()
                                .anyMatch(tc -> tc instanceof TableChange.AddColumn a
                                        && a.column().name().equals(column)));
    }
}
