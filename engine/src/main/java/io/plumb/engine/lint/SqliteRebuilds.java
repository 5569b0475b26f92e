package io.plumb.engine.lint;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.diff.DiffOptions;
import io.plumb.engine.diff.Differ;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SqliteRebuilds} is the SQLite pre-pass that runs before the analyzers: SQLite changes most of a table by
 * rebuilding it ({@code CREATE TABLE new_t ...; INSERT INTO new_t SELECT ...; DROP TABLE t; ALTER TABLE new_t
 * RENAME TO t}), which the per-statement diffs see as a new table, a dropped table and a rename. The four
 * statements are folded into one change that modifies {@code t}, at the position of the first, so that analyzers
 * report what the rebuild changes and not a dropped table.
 */
final class SqliteRebuilds {

    private static final String PREFIX = "new_";

    private SqliteRebuilds() {}

    static void fold(LintFile file, DiffNormalizer normalizer) {
        List<Change> changes = file.changes();
        List<Change> folded = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < changes.size(); i++) {
            Optional<Change> rebuild = i + 3 < changes.size()
                    ? rebuild(changes.get(i), changes.get(i + 1), changes.get(i + 2), changes.get(i + 3), normalizer)
                    : Optional.empty();
            if (rebuild.isPresent()) {
                folded.add(rebuild.get());
                any = true;
                i += 3;
            } else {
                folded.add(changes.get(i));
            }
        }
        if (any) {
            file.replaceChanges(folded);
        }
    }

    private static Optional<Change> rebuild(Change add, Change insert, Change drop, Change rename, DiffNormalizer n) {
        if (add.changes().size() != 1
                || !add.renames().isEmpty()
                || !(add.changes().get(0) instanceof SchemaChange.AddTable created)
                || !created.table().name().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String prefixed = created.table().name();
        String name = prefixed.substring(PREFIX.length());
        if (drop.changes().size() != 1
                || !(drop.changes().get(0) instanceof SchemaChange.DropTable dropped)
                || !dropped.table().name().equals(name)
                || !renamed(rename, prefixed, name)) {
            return Optional.empty();
        }
        Table from = dropped.table();
        Table to = created.table().withName(name);
        String schema = created.schema();
        List<SchemaChange> diff = new Differ()
                .diffSchema(Schema.of(schema, List.of(from)), Schema.of(schema, List.of(to)), DiffOptions.of(n));
        Statement statement = new Statement(
                String.join(
                        "\n",
                        add.statement().text(),
                        drop.statement().text(),
                        rename.statement().text()),
                add.statement().line(),
                add.statement().column(),
                add.statement().comments());
        return Optional.of(new Change(statement, add.pos(), diff, List.of()));
    }

    private static boolean renamed(Change rename, String from, String to) {
        if (rename.renames().size() == 1
                && rename.changes().isEmpty()
                && rename.renames().get(0) instanceof Rename.TableRename table) {
            return table.from().name().equals(from) && table.to().name().equals(to);
        }
        return rename.changes().size() == 2
                && rename.changes().get(0) instanceof SchemaChange.DropTable d
                && d.table().name().equals(from)
                && rename.changes().get(1) instanceof SchemaChange.AddTable a
                && a.table().name().equals(to);
    }
}
