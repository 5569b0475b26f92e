package io.plumb.engine.lint;

import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ConstraintDropAnalyzer} ({@code condrop}) reports a foreign key dropped while none of its columns are
 * (CD101): the data it guarded is kept, but no longer guarded.
 */
public final class ConstraintDropAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "condrop";

    static final String HEADING = "constraint deletion detected";

    private static final List<Code> CODES = List.of(new Code("CD101", NAME, "Foreign-key constraint was dropped"));

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
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Change change : file.changes()) {
            for (SchemaChange c : change.changes()) {
                if (!(c instanceof SchemaChange.ModifyTable modify)) {
                    continue;
                }
                for (TableChange tc : modify.changes()) {
                    if (!(tc instanceof TableChange.DropForeignKey drop)) {
                        continue;
                    }
                    ForeignKey fk = drop.foreignKey();
                    if (file.foreignKeySpan(modify.schema(), modify.to().name(), fk.name())
                                    .added()
                            || dropsAColumn(modify.changes(), fk)) {
                        continue;
                    }
                    diagnostics.add(Diagnostic.of(
                            change.pos(), "CD101", "Dropping foreign-key constraint " + Quote.go(fk.name())));
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static boolean dropsAColumn(List<TableChange> changes, ForeignKey fk) {
        return changes.stream()
                .anyMatch(c -> c instanceof TableChange.DropColumn d
                        && fk.columns().contains(d.column().name()));
    }
}
