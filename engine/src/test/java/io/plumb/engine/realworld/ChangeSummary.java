package io.plumb.engine.realworld;

import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code ChangeSummary} says in one line per change what a diff between two realms holds, so that a test can
 * state the differences it expects between two real schemas as readable text.
 */
final class ChangeSummary {

    private ChangeSummary() {}

    /** Returns one line per change, a table's changes each on a line of their own, in the diff's order. */
    static List<String> of(List<SchemaChange> changes) {
        List<String> lines = new ArrayList<>();
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddTable add) {
                lines.add("add table " + add.table().name());
            } else if (change instanceof SchemaChange.DropTable drop) {
                lines.add("drop table " + drop.table().name());
            } else if (change instanceof SchemaChange.ModifyTable modify) {
                for (TableChange tableChange : modify.changes()) {
                    lines.add(modify.to().name() + ": " + line(tableChange));
                }
            } else {
                lines.add(change.getClass().getSimpleName());
            }
        }
        return lines;
    }

    private static String line(TableChange change) {
        if (change instanceof TableChange.AddIndex add) {
            return "add index " + add.index().name();
        } else if (change instanceof TableChange.DropIndex drop) {
            return "drop index " + drop.index().name();
        } else if (change instanceof TableChange.ModifyIndex modify) {
            return "modify index " + modify.to().name();
        } else if (change instanceof TableChange.AddColumn add) {
            return "add column " + add.column().name();
        } else if (change instanceof TableChange.DropColumn drop) {
            return "drop column " + drop.column().name();
        } else if (change instanceof TableChange.ModifyColumn modify) {
            return "modify column " + modify.to().name() + " "
                    + modify.aspects().toString().toLowerCase(Locale.ROOT);
        } else if (change instanceof TableChange.AddForeignKey add) {
            return "add foreign key " + add.foreignKey().name();
        } else if (change instanceof TableChange.DropForeignKey drop) {
            return "drop foreign key " + drop.foreignKey().name();
        } else if (change instanceof TableChange.ModifyForeignKey modify) {
            return "modify foreign key " + modify.to().name();
        }
        return change.getClass().getSimpleName();
    }
}
