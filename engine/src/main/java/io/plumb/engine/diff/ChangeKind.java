package io.plumb.engine.diff;

import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.TableChange;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A {@code ChangeKind} names a kind of change as the {@code diff { skip { ... } }} block of atlas.hcl spells it. */
public enum ChangeKind {
    ADD_SCHEMA,
    DROP_SCHEMA,
    MODIFY_SCHEMA,
    ADD_TABLE,
    DROP_TABLE,
    MODIFY_TABLE,
    RENAME_TABLE,
    ADD_COLUMN,
    DROP_COLUMN,
    MODIFY_COLUMN,
    ADD_INDEX,
    DROP_INDEX,
    MODIFY_INDEX,
    ADD_FOREIGN_KEY,
    DROP_FOREIGN_KEY,
    MODIFY_FOREIGN_KEY,
    RENAME_CONSTRAINT;

    /** Returns the key as atlas.hcl spells it: {@code add_table}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the kind for a skip key such as {@code drop_table}.
     *
     * @throws IllegalArgumentException for a key that names no kind
     */
    public static ChangeKind fromKey(String key) {
        for (ChangeKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown change kind \"" + key + "\", expected one of "
                + Arrays.stream(values()).map(ChangeKind::key).collect(Collectors.joining(", ")));
    }

    /** Returns the kind of a schema change. */
    public static ChangeKind of(SchemaChange change) {
        if (change instanceof SchemaChange.AddSchema) {
            return ADD_SCHEMA;
        } else if (change instanceof SchemaChange.DropSchema) {
            return DROP_SCHEMA;
        } else if (change instanceof SchemaChange.ModifySchema) {
            return MODIFY_SCHEMA;
        } else if (change instanceof SchemaChange.AddTable) {
            return ADD_TABLE;
        } else if (change instanceof SchemaChange.DropTable) {
            return DROP_TABLE;
        }
        return MODIFY_TABLE;
    }

    /** Returns the kind of a table change, or empty for changes no skip key names (checks, keys, attributes). */
    public static Optional<ChangeKind> of(TableChange change) {
        ChangeKind kind = null;
        if (change instanceof TableChange.AddColumn) {
            kind = ADD_COLUMN;
        } else if (change instanceof TableChange.DropColumn) {
            kind = DROP_COLUMN;
        } else if (change instanceof TableChange.ModifyColumn) {
            kind = MODIFY_COLUMN;
        } else if (change instanceof TableChange.AddIndex) {
            kind = ADD_INDEX;
        } else if (change instanceof TableChange.DropIndex) {
            kind = DROP_INDEX;
        } else if (change instanceof TableChange.ModifyIndex) {
            kind = MODIFY_INDEX;
        } else if (change instanceof TableChange.AddForeignKey) {
            kind = ADD_FOREIGN_KEY;
        } else if (change instanceof TableChange.DropForeignKey) {
            kind = DROP_FOREIGN_KEY;
        } else if (change instanceof TableChange.ModifyForeignKey) {
            kind = MODIFY_FOREIGN_KEY;
        }
        return Optional.ofNullable(kind);
    }
}
