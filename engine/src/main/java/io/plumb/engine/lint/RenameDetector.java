package io.plumb.engine.lint;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code RenameDetector} turns the drop and add the differ reports for a renamed table, column or index into a
 * {@link Rename}, when the statement that made them is a rename: the differ never guesses renames, but a
 * statement says what it did.
 */
final class RenameDetector {

    private static final Pattern TABLE = Pattern.compile(
            "(?is)\\s*(?:ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?\\S+\\s+RENAME\\s+(?:TO|AS)\\s+\\S+"
                    + "|RENAME\\s+TABLE\\s+.+)\\s*;?\\s*");
    private static final Pattern COLUMN = Pattern.compile(
            "(?is)\\s*ALTER\\s+TABLE\\s+.+?\\s+(?:RENAME\\s+(?:COLUMN\\s+)?(?!TO\\b|AS\\b|INDEX\\b|KEY\\b|CONSTRAINT\\b)"
                    + "\\S+\\s+TO\\s+\\S+|CHANGE\\s+(?:COLUMN\\s+)?\\S+\\s+\\S+\\s+.+)\\s*;?\\s*");
    private static final Pattern INDEX = Pattern.compile(
            "(?is)\\s*(?:ALTER\\s+INDEX\\s+.+\\s+RENAME\\s+TO\\s+\\S+|ALTER\\s+TABLE\\s+.+\\s+RENAME\\s+(?:INDEX|KEY)\\s+.+)"
                    + "\\s*;?\\s*");

    private RenameDetector() {}

    /** Splits a statement's changes into the changes left and the renames recognised, or keeps them all. */
    static Change detect(io.plumb.engine.migrate.Statement statement, int pos, List<SchemaChange> changes) {
        String text = statement.text();
        String upper = text.toUpperCase(Locale.ROOT);
        if (!upper.contains("RENAME") && !upper.contains("CHANGE")) {
            return new Change(statement, pos, changes, List.of());
        }
        List<Rename> renames = new ArrayList<>();
        List<SchemaChange> kept = new ArrayList<>(changes);
        if (TABLE.matcher(text).matches()) {
            tables(kept, renames);
        } else if (COLUMN.matcher(text).matches()) {
            tableChanges(kept, renames, false);
        } else if (INDEX.matcher(text).matches()) {
            tableChanges(kept, renames, true);
        }
        return new Change(statement, pos, kept, renames);
    }

    private static void tables(List<SchemaChange> changes, List<Rename> renames) {
        List<SchemaChange.DropTable> drops = new ArrayList<>();
        List<SchemaChange.AddTable> adds = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.DropTable drop) {
                drops.add(drop);
            } else if (change instanceof SchemaChange.AddTable add) {
                adds.add(add);
            }
        }
        // MySQL's RENAME TABLE may rename several; pair them in order within a schema.
        int n = Math.min(drops.size(), adds.size());
        for (int i = 0; i < n; i++) {
            SchemaChange.DropTable drop = drops.get(i);
            SchemaChange.AddTable add = adds.get(i);
            renames.add(new Rename.TableRename(add.schema(), drop.table(), add.table()));
            changes.remove(drop);
            changes.remove(add);
        }
    }

    private static void tableChanges(List<SchemaChange> changes, List<Rename> renames, boolean indexes) {
        for (int i = 0; i < changes.size(); i++) {
            if (!(changes.get(i) instanceof SchemaChange.ModifyTable modify)) {
                continue;
            }
            List<TableChange> left = new ArrayList<>(modify.changes());
            List<Rename> found = indexes ? indexRenames(modify, left) : columnRenames(modify, left);
            if (found.isEmpty()) {
                continue;
            }
            renames.addAll(found);
            if (left.isEmpty()) {
                changes.remove(i);
                i--;
            } else {
                changes.set(i, new SchemaChange.ModifyTable(modify.schema(), modify.from(), modify.to(), left));
            }
        }
    }

    private static List<Rename> columnRenames(SchemaChange.ModifyTable modify, List<TableChange> left) {
        Column dropped = null;
        Column added = null;
        for (TableChange c : left) {
            if (c instanceof TableChange.DropColumn drop && dropped == null) {
                dropped = drop.column();
            } else if (c instanceof TableChange.AddColumn add && added == null) {
                added = add.column();
            }
        }
        if (dropped == null || added == null) {
            return List.of();
        }
        Column from = dropped;
        Column to = added;
        left.removeIf(c -> c instanceof TableChange.DropColumn d && d.column().equals(from)
                || c instanceof TableChange.AddColumn a && a.column().equals(to));
        return List.of(new Rename.ColumnRename(modify.schema(), modify.to(), from, to));
    }

    private static List<Rename> indexRenames(SchemaChange.ModifyTable modify, List<TableChange> left) {
        Index dropped = null;
        Index added = null;
        for (TableChange c : left) {
            if (c instanceof TableChange.DropIndex drop && dropped == null) {
                dropped = drop.index();
            } else if (c instanceof TableChange.AddIndex add && added == null) {
                added = add.index();
            }
        }
        if (dropped == null || added == null) {
            return List.of();
        }
        Index from = dropped;
        Index to = added;
        left.removeIf(c -> c instanceof TableChange.DropIndex d && d.index().equals(from)
                || c instanceof TableChange.AddIndex a && a.index().equals(to));
        Table table = modify.to();
        return List.of(new Rename.IndexRename(modify.schema(), table, from, to));
    }
}
