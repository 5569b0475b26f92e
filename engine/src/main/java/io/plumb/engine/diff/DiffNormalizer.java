package io.plumb.engine.diff;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code DiffNormalizer} is a dialect's rule for when two descriptions of a column are the same, such as {@code
 * int} and {@code integer} on PostgreSQL or {@code 'a'} and {@code ('a')} as a default.
 */
public interface DiffNormalizer {

    /** Returns whether the two types are the same type in this dialect. */
    default boolean sameType(Column from, Column to) {
        return typeKey(from.type()).equals(typeKey(to.type()));
    }

    /**
     * Returns whether two comments are the same. A dialect that cannot store comments (SQLite) says they always
     * are, so that a comment in a schema file does not plan a change that can never be applied.
     */
    default boolean sameComment(Optional<String> from, Optional<String> to) {
        return from.equals(to);
    }

    /**
     * Returns a schema's comment as it is compared: one the server gives a schema itself (PostgreSQL's {@code
     * standard public schema}) is no comment, so that a schema created without it compares as the same.
     */
    default Optional<String> schemaComment(Optional<String> comment) {
        return comment;
    }

    /**
     * Returns whether two foreign key actions are the same action. MySQL's {@code NO ACTION} is {@code RESTRICT}
     * (and what the server reports for a key that names neither), so that dialect says they are.
     */
    default boolean sameAction(ReferenceAction from, ReferenceAction to) {
        return from == to;
    }

    /**
     * Returns whether two sets of dialect options of a schema, table or column are the same; {@code from} is the
     * current one, {@code to} the desired one. A dialect where an absent option means "inherit" (MySQL's charset
     * and collation) leaves out what {@code to} does not set.
     */
    default boolean sameOptions(Map<String, String> from, Map<String, String> to) {
        return from.equals(to);
    }

    /** Returns whether two columns' option maps are the same; by default as {@link #sameOptions} decides. */
    default boolean sameColumnOptions(Map<String, String> from, Map<String, String> to) {
        return sameOptions(from, to);
    }

    /**
     * Returns the desired schema as the differ compares its options with the current one's: a dialect whose schemas
     * that name no charset get the server's (MySQL) fills it in here. By default {@code to} itself.
     */
    default Schema desiredSchema(Schema from, Schema to) {
        return to;
    }

    /**
     * Returns a table of the desired state as the differ adds it to {@code schema} (the desired one): a dialect whose
     * tables leave out what they inherit from their schema (MySQL's charset and collation) may fill it in, so that the
     * table is created with it. By default {@code table} itself.
     */
    default Table newTable(Schema schema, Table table) {
        return table;
    }

    /**
     * Returns the desired table as the differ compares it with the current one; {@code fromSchema} and {@code
     * toSchema} are the schemas of {@code from} (current) and {@code to} (desired). A dialect whose tables leave out
     * what they inherit from their schema (MySQL's charset and collation) fills in here what a current table's own
     * attribute goes back to when the desired table does not name it. By default {@code to} itself.
     */
    default Table desiredTable(Schema fromSchema, Schema toSchema, Table from, Table to) {
        return to;
    }

    /**
     * Returns whether two descriptions of a view, routine, trigger or other object are the same object; {@code
     * from} is the current one, {@code to} the desired one, both of the same kind and identity. Both sides are
     * normally inspected from a database (a desired state is loaded on the dev database first), so their SQL texts
     * are as the database prints them; the default compares them with whitespace runs collapsed, so that a text
     * written by hand compares too, and ignores a view's derived columns.
     */
    default boolean sameObject(SchemaObject from, SchemaObject to) {
        return ObjectTexts.comparable(from).equals(ObjectTexts.comparable(to));
    }

    /**
     * Returns whether the database can turn {@code from} into {@code to} in place ({@code CREATE OR REPLACE},
     * {@code ALTER}), keeping the objects that depend on it; otherwise the object is dropped and created again.
     */
    default boolean replaceable(SchemaObject from, SchemaObject to) {
        return false;
    }

    /**
     * Returns whether the planner re-creates the table to make the change (SQLite's table rebuild), which drops the
     * table's triggers: the differ then plans them again.
     */
    default boolean rebuilds(SchemaChange.ModifyTable change) {
        return false;
    }

    /**
     * Returns the name by which an index of {@code table} is matched with the other side's indexes; the default is
     * its name. SQLite names the index of a {@code UNIQUE} constraint itself ({@code sqlite_autoindex_t_1}) and
     * plans it as an index of its own under another name, so there the two names must meet.
     */
    default String indexKey(Table table, Index index) {
        return index.name();
    }

    /**
     * Returns whether an index of the current table that the desired table does not have is left in place: MySQL
     * creates an index for a foreign key whose columns have none, which a desired state written by hand does not name
     * while it keeps the key, and the server refuses to drop it while the key needs it. By default no index is.
     */
    default boolean keepsIndex(Table current, Table desired, Index index) {
        return false;
    }

    /** Returns the canonical text of a type, by which two types compare equal. */
    String typeKey(ColumnType type);

    /** Returns the canonical text of a default, by which two defaults compare equal. */
    String defaultKey(DefaultValue value);

    /** Returns the canonical text of an expression (check, index part, predicate, generation expression). */
    String expressionKey(String sql);
}
