package io.plumb.engine.lint;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code PostgresBlockingChangesAnalyzer} ({@code blocking_changes}, PostgreSQL) reports changes on tables the
 * file did not create that hold an {@code ACCESS EXCLUSIVE} lock while PostgreSQL rewrites or scans the whole table:
 * a column type change that is not binary coercible (PG301, see {@link PostgresTypeChanges}), a column added with
 * a volatile default, an identity or a serial type (PG302), {@code SET NOT NULL} (PG303) and a primary key over
 * nullable columns (PG304), both unless a CHECK constraint already proves the column NOT NULL, and a CHECK (PG305)
 * or FOREIGN KEY (PG306) constraint added without {@code NOT VALID}. Findings are warnings unless {@code error =
 * true}.
 */
public final class PostgresBlockingChangesAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "blocking_changes";

    static final String HEADING = "blocking table changes detected";

    private static final List<Code> CODES = List.of(
            new Code("PG301", NAME, "Column type change that requires table and indexes rewrite"),
            new Code("PG302", NAME, "Adding a column with a volatile DEFAULT value requires a rewrite of the table"),
            new Code("PG303", NAME, "Modifying a nullable column to non-nullable requires a full table scan"),
            new Code("PG304", NAME, "Adding a PRIMARY KEY on nullable columns requires a full table scan"),
            new Code("PG305", NAME, "Adding a CHECK constraint that requires a full table scan"),
            new Code(
                    "PG306",
                    NAME,
                    "Adding a FOREIGN KEY constraint that requires a full table scan and blocks write operations"));

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");

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
            StatementText text = StatementText.of(change.statement().text());
            for (SchemaChange c : change.changes()) {
                if (c instanceof SchemaChange.ModifyTable modify
                        && !file.tableSpan(modify.schema(), modify.to().name()).added()) {
                    analyze(pass.dev(), change.pos(), text, modify, diagnostics);
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    private static void analyze(
            Database dev, int pos, StatementText text, SchemaChange.ModifyTable modify, List<Diagnostic> out) {
        Table from = modify.from();
        String table = Quote.go(modify.to().name());
        Set<String> keyed = new HashSet<>();
        for (TableChange tc : modify.changes()) {
            if (tc instanceof TableChange.AddPrimaryKey add) {
                for (IndexPart part : add.primaryKey().parts()) {
                    Optional<Column> column = column(from, part);
                    if (column.isPresent() && column.get().nullable() && !provenNotNull(from, column.get())) {
                        keyed.add(column.get().name());
                        out.add(Diagnostic.of(
                                pos,
                                "PG304",
                                "Adding a PRIMARY KEY on nullable column "
                                        + Quote.go(column.get().name())
                                        + " of table " + table
                                        + " implicitly sets it to NOT NULL and requires a full table scan"));
                    }
                }
            }
        }
        for (TableChange tc : modify.changes()) {
            if (tc instanceof TableChange.ModifyColumn mod) {
                modifyColumn(pos, table, from, mod, keyed, out);
            } else if (tc instanceof TableChange.AddColumn add && rewritesOnAdd(dev, add.column())) {
                out.add(Diagnostic.of(
                        pos,
                        "PG302",
                        "Adding column " + Quote.go(add.column().name()) + " with a volatile DEFAULT value on table "
                                + table + " requires a rewrite of the table"));
            } else if (tc instanceof TableChange.AddCheck add && !text.has("\\bNOT VALID\\b")) {
                out.add(Diagnostic.of(
                                pos,
                                "PG305",
                                "Adding CHECK constraint "
                                        + Quote.go(add.check().name()) + " on table " + table
                                        + " without NOT VALID requires a full table scan")
                        .withFix(SuggestedFix.of("Add the constraint with NOT VALID, then validate it in a later"
                                + " statement with VALIDATE CONSTRAINT, which does not block reads and writes")));
            } else if (tc instanceof TableChange.AddForeignKey add && !text.has("\\bNOT VALID\\b")) {
                ForeignKey fk = add.foreignKey();
                String tables = fk.refTable().equals(modify.to().name())
                        ? "the " + table + " table"
                        : "the " + table + " and " + Quote.go(fk.refTable()) + " tables";
                out.add(Diagnostic.of(
                                pos,
                                "PG306",
                                "Adding FOREIGN KEY constraint " + Quote.go(fk.name()) + " on table " + table
                                        + " without NOT VALID requires a full table scan and blocks writes on "
                                        + tables)
                        .withFix(SuggestedFix.of("Add the constraint with NOT VALID, then validate it in a later"
                                + " statement with VALIDATE CONSTRAINT, which does not block reads and writes")));
            }
        }
    }

    private static void modifyColumn(
            int pos, String table, Table from, TableChange.ModifyColumn mod, Set<String> keyed, List<Diagnostic> out) {
        String name = Quote.go(mod.to().name());
        if (mod.aspects().contains(TableChange.ColumnAspect.TYPE)
                && PostgresTypeChanges.rewrites(mod.from().type(), mod.to().type())) {
            out.add(Diagnostic.of(
                    pos,
                    "PG301",
                    "Changing the type of column " + name + " on table " + table + " from "
                            + Quote.go(mod.from().type().sql()) + " to "
                            + Quote.go(mod.to().type().sql())
                            + " requires a rewrite of the table and its indexes"));
        }
        if (mod.from().nullable()
                && !mod.to().nullable()
                && !keyed.contains(mod.to().name())
                && !provenNotNull(from, mod.from())) {
            out.add(Diagnostic.of(
                    pos,
                    "PG303",
                    "Modifying nullable column " + name + " on table " + table
                            + " to non-nullable requires a full table scan"));
        }
    }

    private static Optional<Column> column(Table table, IndexPart part) {
        if (part.isExpression()) {
            return Optional.empty();
        }
        return table.columns().stream()
                .filter(c -> c.name().equals(part.value()))
                .findFirst();
    }

    // PostgreSQL skips the scan when a CHECK constraint implies the column is not null: (c IS NOT NULL) alone or
    // as one conjunct of an AND. A check with an OR is not read, so it does not count.
    private static boolean provenNotNull(Table table, Column column) {
        Pattern notNull = Pattern.compile(
                "(?i)(?:^|[\\s(])\"?" + Pattern.quote(column.name()) + "\"?\\)?\\s+IS\\s+NOT\\s+NULL\\b");
        Pattern or = Pattern.compile("(?i)\\bOR\\b");
        for (Check check : table.checks()) {
            if (notNull.matcher(check.expr()).find()
                    && !or.matcher(check.expr()).find()) {
                return true;
            }
        }
        return false;
    }

    // PostgreSQL 11 and later add a column with a constant or stable default without touching the rows; a volatile
    // default (random(), clock_timestamp(), nextval() of a serial or an identity) is evaluated for every row.
    private static boolean rewritesOnAdd(Database dev, Column column) {
        if (column.options().containsKey("identity")
                || column.type().sql().toLowerCase(Locale.ROOT).matches("(small|big)?serial[248]?")) {
            return true;
        }
        if (column.defaultValue().isEmpty()) {
            return false;
        }
        Set<String> functions = new LinkedHashSet<>();
        Matcher m = CALL.matcher(column.defaultValue().get().sql());
        while (m.find()) {
            functions.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return !functions.isEmpty() && anyVolatile(dev, functions);
    }

    private static boolean anyVolatile(Database dev, Set<String> functions) {
        String sql = "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_proc WHERE proname = ANY (?) AND provolatile = 'v')";
        try (PreparedStatement ps = dev.connection().prepareStatement(sql)) {
            Array names = dev.connection().createArrayOf("text", functions.toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the volatility of " + functions + ": " + e.getMessage(), e);
        }
    }
}
