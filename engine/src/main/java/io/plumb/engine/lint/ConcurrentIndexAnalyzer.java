package io.plumb.engine.lint;

import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.spec.SpecAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code ConcurrentIndexAnalyzer} ({@code concurrent_index}, PostgreSQL) reports index and key changes on tables
 * the file did not create that lock the table while an index is built or dropped: {@code CREATE INDEX} without
 * {@code CONCURRENTLY} (PG101), {@code DROP INDEX} without it (PG102), {@code CONCURRENTLY} in a file that runs in
 * a transaction, that is without {@code atlas:txmode none} (PG103, at the top of the file), and a primary key
 * (PG104) or UNIQUE constraint (PG105) added with its own index, which holds an {@code ACCESS EXCLUSIVE} lock.
 *
 * <p>PG101 and PG102 look at {@code CREATE INDEX} and {@code DROP INDEX} statements only: the indexes that {@code
 * ALTER TABLE} adds or drops with a constraint cannot be built concurrently (PG104, PG105 say what to do instead),
 * and {@code ADD CONSTRAINT ... USING INDEX} turns an existing index into a constraint without building one.
 *
 * <p>{@code check_create}, {@code check_drop} and {@code check_txmode} (all on by default) turn the first three
 * off one by one. Findings are warnings unless {@code error = true}, and PG103 alone never fails a file.
 */
public final class ConcurrentIndexAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "concurrent_index";

    static final String HEADING = "concurrent index violations detected";

    static final String TXMODE_TEXT = "Indexes cannot be created or deleted concurrently within a transaction. Add"
            + " the `atlas:txmode none` directive to the header to prevent this file from running in a transaction";

    private static final List<Code> CODES = List.of(
            new Code("PG101", NAME, "Missing the CONCURRENTLY in index creation"),
            new Code("PG102", NAME, "Missing the CONCURRENTLY in index deletion"),
            new Code("PG103", NAME, "Missing atlas:txmode none directive in file header"),
            new Code("PG104", NAME, "PRIMARY KEY constraint creation that acquires an ACCESS EXCLUSIVE lock"),
            new Code("PG105", NAME, "UNIQUE constraint creation that acquires an ACCESS EXCLUSIVE lock"));

    private final boolean checkCreate;
    private final boolean checkDrop;
    private final boolean checkTxMode;

    /** Creates the analyzer from its {@code concurrent_index {}} block. */
    public ConcurrentIndexAnalyzer(AnalyzerConfig config) {
        this.checkCreate = config.flag("check_create", true);
        this.checkDrop = config.flag("check_drop", true);
        this.checkTxMode = config.flag("check_txmode", true);
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
    public boolean fails(List<Report> kept, boolean error) {
        // As the reference: a file fails on this analyzer only when something besides PG103 is left.
        return error
                && kept.stream().flatMap(r -> r.diagnostics().stream()).anyMatch(d -> !d.code()
                        .equals("PG103"));
    }

    @Override
    public List<Report> analyze(Pass pass) {
        LintFile file = pass.file();
        boolean noTx = file.txMode().filter("none"::equals).isPresent();
        int concurrentInTx = 0;
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Change change : file.changes()) {
            StatementText text = StatementText.of(change.statement().text());
            for (SchemaChange c : change.changes()) {
                if (!(c instanceof SchemaChange.ModifyTable modify)
                        || file.tableSpan(modify.schema(), modify.to().name()).added()) {
                    continue;
                }
                String table = modify.to().name();
                for (TableChange tc : modify.changes()) {
                    if (tc instanceof TableChange.AddIndex add && SpecAttribute.isUniqueConstraint(add.index())) {
                        diagnostics.add(uniqueConstraint(change.pos(), table, add.index()));
                    } else if (tc instanceof TableChange.AddIndex add
                            && checkCreate
                            && text.startsWith("CREATE (UNIQUE )?INDEX\\b")) {
                        if (!text.startsWith("CREATE (UNIQUE )?INDEX CONCURRENTLY\\b")) {
                            diagnostics.add(Diagnostic.of(
                                    change.pos(),
                                    "PG101",
                                    "Creating index " + Quote.go(add.index().name())
                                            + " non-concurrently causes write locks on the " + Quote.go(table)
                                            + " table"));
                        } else if (!noTx && checkTxMode) {
                            concurrentInTx++;
                        }
                    } else if (tc instanceof TableChange.DropIndex drop
                            && checkDrop
                            && text.startsWith("DROP INDEX\\b")) {
                        if (!text.startsWith("DROP INDEX CONCURRENTLY\\b")) {
                            diagnostics.add(Diagnostic.of(
                                    change.pos(),
                                    "PG102",
                                    "Dropping index " + Quote.go(drop.index().name())
                                            + " non-concurrently causes write locks on the " + Quote.go(table)
                                            + " table"));
                        } else if (!noTx && checkTxMode) {
                            concurrentInTx++;
                        }
                    } else if (tc instanceof TableChange.AddPrimaryKey add && !text.has("\\bUSING INDEX\\b")) {
                        diagnostics.add(primaryKey(change.pos(), table, add.primaryKey()));
                    }
                }
            }
        }
        if (concurrentInTx > 0) {
            diagnostics.add(0, Diagnostic.of(0, "PG103", TXMODE_TEXT));
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static Diagnostic primaryKey(int pos, String table, PrimaryKey key) {
        String index = key.name().isEmpty() ? table + "_pkey" : key.name();
        return Diagnostic.of(
                        pos,
                        "PG104",
                        "Adding a PRIMARY KEY constraint on table " + Quote.go(table)
                                + " acquires an ACCESS EXCLUSIVE lock on the table while its index is built")
                .withFix(SuggestedFix.of("Create the index with CREATE UNIQUE INDEX CONCURRENTLY " + quote(index)
                        + " ON " + quote(table) + " (" + columns(key.parts()) + ") in a file with the"
                        + " `atlas:txmode none` directive, then add the key with ALTER TABLE " + quote(table)
                        + " ADD CONSTRAINT " + quote(index) + " PRIMARY KEY USING INDEX " + quote(index)));
    }

    private static Diagnostic uniqueConstraint(int pos, String table, Index index) {
        return Diagnostic.of(
                        pos,
                        "PG105",
                        "Adding a UNIQUE constraint " + Quote.go(index.name()) + " on table " + Quote.go(table)
                                + " acquires an ACCESS EXCLUSIVE lock on the table while its index is built")
                .withFix(SuggestedFix.of("Create the index with CREATE UNIQUE INDEX CONCURRENTLY "
                        + quote(index.name()) + " ON " + quote(table) + " (" + columns(index.parts())
                        + ") in a file with the `atlas:txmode none` directive, then add the constraint with"
                        + " ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(index.name())
                        + " UNIQUE USING INDEX " + quote(index.name())));
    }

    private static String columns(List<IndexPart> parts) {
        return parts.stream()
                .map(p -> p.isExpression() ? "(" + p.value() + ")" : quote(p.value()))
                .collect(Collectors.joining(", "));
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
