package io.plumb.engine.lint;

import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code MysqlBlockingChangesAnalyzer} ({@code blocking_changes}, MySQL and MariaDB) reports ENUM and SET
 * changes on tables the file did not create that make the server copy the table, blocking writes while it does:
 * only appending values within the same storage size is done in place. For ENUM: values removed (MY110), reordered
 * (MY111), inserted before the end (MY112), or the count growing past 255, from one storage byte to two (MY113);
 * for SET the same four (MY120-MY123), where the storage grows at 8, 16, 24, 32 and 64 values. Findings are
 * warnings unless {@code error = true}.
 */
public final class MysqlBlockingChangesAnalyzer implements Analyzer {

    /** The analyzer's name. */
    public static final String NAME = "blocking_changes";

    static final String HEADING = "blocking table changes detected";

    private static final List<Code> CODES = List.of(
            new Code("MY110", NAME, "Removing enum values from a column requires a table copy"),
            new Code("MY111", NAME, "Reordering enum values of a column requires a table copy"),
            new Code("MY112", NAME, "Inserting new enum values not at the end requires a table copy"),
            new Code("MY113", NAME, "Exceeding 256 enum values changes storage size and requires a table copy"),
            new Code("MY120", NAME, "Removing set values from a column requires a table copy"),
            new Code("MY121", NAME, "Reordering set values of a column requires a table copy"),
            new Code("MY122", NAME, "Inserting new set values not at the end requires a table copy"),
            new Code(
                    "MY123",
                    NAME,
                    "Exceeding 8, 16, 24, 32 or 64 set values changes the storage size and requires a table copy"));

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
                if (!(c instanceof SchemaChange.ModifyTable modify)
                        || file.tableSpan(modify.schema(), modify.to().name()).added()) {
                    continue;
                }
                for (TableChange tc : modify.changes()) {
                    if (tc instanceof TableChange.ModifyColumn mod
                            && mod.aspects().contains(TableChange.ColumnAspect.TYPE)) {
                        String kind = MysqlImplicitUpdates.typeName(mod.from().type());
                        if ((kind.equals("enum") || kind.equals("set"))
                                && kind.equals(
                                        MysqlImplicitUpdates.typeName(mod.to().type()))) {
                            ValueChange values = new ValueChange(
                                    kind,
                                    Quote.go(mod.to().name()),
                                    Quote.go(modify.to().name()),
                                    values(mod.from().type()),
                                    values(mod.to().type()));
                            values.diagnose(change.pos(), diagnostics);
                        }
                    }
                }
            }
        }
        return diagnostics.isEmpty() ? List.of() : List.of(Report.of(HEADING, diagnostics));
    }

    /** Returns the values of an ENUM or SET type, unquoted. */
    static List<String> values(ColumnType type) {
        if (!(type instanceof ColumnType.Named named)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String arg : named.args()) {
            String v = arg.strip();
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                v = v.substring(1, v.length() - 1).replace("''", "'").replace("\\\\", "\\");
            }
            values.add(v);
        }
        return values;
    }

    /** One column's values before and after a statement. */
    private record ValueChange(String kind, String column, String table, List<String> from, List<String> to) {

        void diagnose(int pos, List<Diagnostic> out) {
            boolean isEnum = kind.equals("enum");
            List<String> removed = from.stream().filter(v -> !to.contains(v)).toList();
            if (!removed.isEmpty()) {
                out.add(Diagnostic.of(
                        pos,
                        isEnum ? "MY110" : "MY120",
                        "Removing " + kind + " " + (removed.size() == 1 ? "value " : "values ") + list(removed)
                                + " from column " + column + " on table " + table + " requires a table copy"));
            }
            List<String> kept = from.stream().filter(to::contains).toList();
            List<String> keptInNewOrder = to.stream().filter(from::contains).toList();
            if (!kept.equals(keptInNewOrder)) {
                out.add(Diagnostic.of(
                        pos,
                        isEnum ? "MY111" : "MY121",
                        "Reordering " + kind + " values of column " + column + " on table " + table
                                + " requires a table copy"));
            }
            List<String> inserted = new ArrayList<>();
            int lastKept = -1;
            for (int i = 0; i < to.size(); i++) {
                if (from.contains(to.get(i))) {
                    lastKept = i;
                }
            }
            for (int i = 0; i < lastKept; i++) {
                if (!from.contains(to.get(i))) {
                    inserted.add(to.get(i));
                }
            }
            if (!inserted.isEmpty()) {
                out.add(Diagnostic.of(
                                pos,
                                isEnum ? "MY112" : "MY122",
                                "Inserting " + kind + " " + (inserted.size() == 1 ? "value " : "values ")
                                        + list(inserted) + " not at the end of column " + column + " on table "
                                        + table + " requires a table copy")
                        .withFix(SuggestedFix.of("Add new " + kind + " values at the end of the list")));
            }
            if (storage(from.size()) != storage(to.size())) {
                out.add(Diagnostic.of(
                        pos,
                        isEnum ? "MY113" : "MY123",
                        "Changing the number of " + kind + " values of column " + column + " on table " + table
                                + " from " + from.size() + " to " + to.size()
                                + " changes its storage size and requires a table copy"));
            }
        }

        // Bytes per value: an ENUM keeps an index (1 byte up to 255 values, else 2), a SET a bitmap of 1, 2, 3,
        // 4 or 8 bytes.
        private int storage(int count) {
            if (kind.equals("enum")) {
                return count <= 255 ? 1 : 2;
            }
            if (count <= 32) {
                return (count + 7) / 8;
            }
            return 8;
        }

        private static String list(List<String> values) {
            return values.stream().map(Quote::go).collect(Collectors.joining(", "));
        }
    }
}
