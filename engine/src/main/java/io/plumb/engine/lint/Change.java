package io.plumb.engine.lint;

import io.plumb.engine.migrate.Statement;
import io.plumb.engine.schema.SchemaChange;
import java.util.List;

/**
 * A {@code Change} is what one statement of a linted file did to the dev database: the differ's changes between
 * the inspections before and after it, and the renames recognised among them.
 *
 * @param statement the statement (for the first file of a directory without base files and more than ten
 *     statements, which is run in one go, a statement without text at the top of the file)
 * @param pos the byte offset of the statement in the file
 * @param changes the schema changes, in the differ's order, without the drops and adds folded into renames
 * @param renames the renames the statement made
 */
public record Change(Statement statement, int pos, List<SchemaChange> changes, List<Rename> renames) {

    public Change {
        changes = List.copyOf(changes);
        renames = List.copyOf(renames);
    }

    /** Returns how many schema changes this statement made, each rename counting as one. */
    public int size() {
        return changes.size() + renames.size();
    }
}
