package io.plumb.engine.dialect.postgres;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import java.util.List;

/**
 * {@code ServerFeatures} refuses, before any statement is planned, what the target server's version cannot run: a
 * plan for PostgreSQL 14 that would create an index or UNIQUE constraint with {@code NULLS NOT DISTINCT} (PostgreSQL
 * 15) fails with the object's name instead of with the server's syntax error halfway through applying it.
 *
 * @param major the server's major version, or {@link #UNKNOWN} when the plan is not for a known server
 */
record ServerFeatures(int major) {

    /** The version of a dialect not bound to a server, which allows everything. */
    static final int UNKNOWN = 0;

    private static final int NULLS_NOT_DISTINCT = 15;

    /** Fails when a change needs a newer server than this one. */
    void check(List<SchemaChange> changes) {
        if (major == UNKNOWN || major >= NULLS_NOT_DISTINCT) {
            return;
        }
        for (SchemaChange change : changes) {
            if (change instanceof SchemaChange.AddTable a) {
                a.table().indexes().forEach(i -> check(a.table(), i));
            } else if (change instanceof SchemaChange.ModifyTable m) {
                for (TableChange c : m.changes()) {
                    if (c instanceof TableChange.AddIndex add) {
                        check(m.to(), add.index());
                    } else if (c instanceof TableChange.ModifyIndex modify) {
                        check(m.to(), modify.to());
                    }
                }
            }
        }
    }

    private void check(Table table, Index index) {
        if (PostgresDdl.nullsNotDistinct(index)) {
            String kind = PostgresDdl.isUnique(index) ? "unique constraint" : "index";
            throw new PlanException(kind + " \"" + index.name() + "\" of table \"" + table.name()
                    + "\": nulls_distinct = false (NULLS NOT DISTINCT) needs PostgreSQL " + NULLS_NOT_DISTINCT
                    + " or later, the server is PostgreSQL " + major);
        }
    }
}
