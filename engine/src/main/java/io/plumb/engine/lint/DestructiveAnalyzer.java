package io.plumb.engine.lint;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code DestructiveAnalyzer} ({@code destructive}) reports changes that lose data: dropping a schema (DS101),
 * a table (DS102) or a non-virtual column (DS103), unless the file created the object itself. Its findings are
 * errors unless {@code destructive { error = false }}.
 *
 * <p>Unlike the reference, which leaves this unimplemented, a drop is not reported when the file is a txtar
 * migration file whose pre-migration checks make sure the table is empty or the column holds only NULLs, since
 * the check then stops the migration before it loses data ({@link EmptyChecks}). The suggested fixes of DS102 and
 * DS103 carry those checks ({@link CheckFixes}), which {@code plumb migrate lint --fix} writes into the file.
 */
public final class DestructiveAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "destructive";

    static final String HEADING = "destructive changes detected";

    private static final List<Code> CODES = List.of(
            new Code("DS101", NAME, "Schema was dropped"),
            new Code("DS102", NAME, "Table was dropped"),
            new Code("DS103", NAME, "Non-virtual column was dropped"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Code> codes() {
        return CODES;
    }

    @Override
    public boolean errorByDefault() {
        return true;
    }

    @Override
    public List<Report> analyze(Pass pass) {
        LintFile file = pass.file();
        EmptyChecks checks = EmptyChecks.of(file);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Change change : file.changes()) {
            for (SchemaChange c : change.changes()) {
                if (c instanceof SchemaChange.DropSchema drop) {
                    dropSchema(file, change, drop).ifPresent(diagnostics::add);
                } else if (c instanceof SchemaChange.DropTable drop) {
                    if (!file.schemaSpan(drop.schema()).isDroppedOnly()
                            && !file.tableSpan(drop.schema(), drop.table().name())
                                    .isTemporary()
                            && !checks.ensuresEmpty(drop.table().name())) {
                        String table = drop.table().name();
                        diagnostics.add(Diagnostic.of(change.pos(), "DS102", "Dropping table " + Quote.go(table))
                                .withFix(SuggestedFix.withChecks(
                                        "Add a pre-migration check to ensure table " + Quote.go(table)
                                                + " is empty before dropping it",
                                        List.of(CheckFixes.tableIsEmpty(pass.dev(), drop.schema(), table)))));
                    }
                } else if (c instanceof SchemaChange.ModifyTable modify) {
                    dropColumns(pass, checks, change, modify).ifPresent(diagnostics::add);
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static java.util.Optional<Diagnostic> dropSchema(LintFile file, Change change, SchemaChange.DropSchema d) {
        String name = d.schema().name();
        if (file.schemaSpan(name).isTemporary()) {
            return java.util.Optional.empty();
        }
        int n = d.schema().tables().size();
        String text = n == 0
                ? "Dropping schema " + Quote.go(name)
                : "Dropping non-empty schema " + Quote.go(name) + " with " + n + (n == 1 ? " table" : " tables");
        return java.util.Optional.of(Diagnostic.of(change.pos(), "DS101", text));
    }

    private static java.util.Optional<Diagnostic> dropColumns(
            Pass pass, EmptyChecks checks, Change change, SchemaChange.ModifyTable modify) {
        LintFile file = pass.file();
        List<String> names = new ArrayList<>();
        List<String> assertions = new ArrayList<>();
        for (TableChange c : modify.changes()) {
            if (!(c instanceof TableChange.DropColumn drop)) {
                continue;
            }
            Column column = drop.column();
            if (file.columnSpan(modify.schema(), modify.to().name(), column.name())
                            .isTemporary()
                    || !column.isStored()
                    || checks.ensuresNull(modify.to().name(), column.name())) {
                continue;
            }
            names.add(Quote.go(column.name()));
            assertions.add(CheckFixes.columnIsNull(
                    pass.dev(), modify.schema(), modify.to().name(), column.name()));
        }
        if (names.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (names.size() == 1) {
            return java.util.Optional.of(
                    Diagnostic.of(change.pos(), "DS103", "Dropping non-virtual column " + names.get(0))
                            .withFix(SuggestedFix.withChecks(
                                    "Add a pre-migration check to ensure column " + names.get(0)
                                            + " is NULL before dropping it",
                                    assertions)));
        }
        String list = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return java.util.Optional.of(Diagnostic.of(change.pos(), "DS103", "Dropping non-virtual columns " + list)
                .withFix(SuggestedFix.withChecks(
                        "Add pre-migration checks to ensure columns " + list + " are NULL before dropping them",
                        assertions)));
    }
}
