package io.plumb.engine.diff;

import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
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
    RENAME_CONSTRAINT,
    ADD_VIEW,
    DROP_VIEW,
    MODIFY_VIEW,
    ADD_FUNC,
    DROP_FUNC,
    MODIFY_FUNC,
    ADD_PROC,
    DROP_PROC,
    MODIFY_PROC,
    ADD_TRIGGER,
    DROP_TRIGGER,
    MODIFY_TRIGGER;

    /** Returns the key as atlas.hcl spells it: {@code add_table}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the kind that undoes this one: {@code add_table} for {@code drop_table}; a modify undoes itself. */
    public ChangeKind reversed() {
        String key = key();
        if (key.startsWith("add_")) {
            return fromKey("drop_" + key.substring("add_".length()));
        } else if (key.startsWith("drop_")) {
            return fromKey("add_" + key.substring("drop_".length()));
        }
        return this;
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

    /**
     * Returns the kind of a schema change, or empty for a change of an object no skip key names (sequences, types,
     * policies, events).
     */
    public static Optional<ChangeKind> of(SchemaChange change) {
        if (change instanceof SchemaChange.AddSchema) {
            return Optional.of(ADD_SCHEMA);
        } else if (change instanceof SchemaChange.DropSchema) {
            return Optional.of(DROP_SCHEMA);
        } else if (change instanceof SchemaChange.ModifySchema) {
            return Optional.of(MODIFY_SCHEMA);
        } else if (change instanceof SchemaChange.AddTable) {
            return Optional.of(ADD_TABLE);
        } else if (change instanceof SchemaChange.DropTable) {
            return Optional.of(DROP_TABLE);
        } else if (change instanceof SchemaChange.ModifyTable) {
            return Optional.of(MODIFY_TABLE);
        } else if (change instanceof SchemaChange.AddObject a) {
            return object(a.object(), ADD_VIEW, ADD_FUNC, ADD_PROC, ADD_TRIGGER);
        } else if (change instanceof SchemaChange.DropObject d) {
            return object(d.object(), DROP_VIEW, DROP_FUNC, DROP_PROC, DROP_TRIGGER);
        }
        SchemaChange.ModifyObject m = (SchemaChange.ModifyObject) change;
        return object(m.to(), MODIFY_VIEW, MODIFY_FUNC, MODIFY_PROC, MODIFY_TRIGGER);
    }

    private static Optional<ChangeKind> object(
            SchemaObject object, ChangeKind view, ChangeKind func, ChangeKind proc, ChangeKind trigger) {
        return switch (object.kind()) {
            case VIEW, MATERIALIZED_VIEW -> Optional.of(view);
            case FUNCTION, AGGREGATE -> Optional.of(func);
            case PROCEDURE -> Optional.of(proc);
            case TRIGGER -> Optional.of(trigger);
            default -> Optional.empty();
        };
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
