package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.ReferenceAction;
import java.util.List;
import java.util.Set;

/**
 * A {@code SpecDialect} is what the dialect-neutral {@link SpecReader} and {@link SpecWriter} ask a dialect: its
 * type names, the schemas it accepts, how its generated columns default, and the extra attributes of its blocks.
 */
public interface SpecDialect {

    /** Returns the dialect's name for error messages, such as {@code sqlite}. */
    String name();

    /**
     * Checks that the dialect supports a declared schema.
     *
     * @param name the schema name
     * @param pos where the schema block starts
     * @throws HclException if the dialect does not support the schema
     */
    void checkSchema(String name, Pos pos);

    /**
     * Reads the value of a column's {@code type} attribute.
     *
     * @param type the attribute
     * @param owner the column, as error messages name it: {@code column "id" of table "users"}
     * @throws HclException at the attribute for an unknown type or bad arguments
     */
    ColumnType readType(Attribute type, String owner);

    /** Returns the HCL expression of a type: {@code integer}, {@code varchar(255)}, {@code sql("int[]")}. */
    default String writeType(ColumnType type) {
        return HclSyntax.type(type);
    }

    /** Returns the HCL expression of the type of a column of a table of the given schema. */
    default String writeType(ColumnType type, String schema) {
        return writeType(type);
    }

    /** Returns whether a type holds strings, on which numeric literal defaults are written as HCL strings. */
    boolean isStringType(ColumnType type);

    /** Returns the generated-column kinds the dialect accepts in {@code as { type = ... }}. */
    List<String> generatedKinds();

    /** Returns the kind of a generated column declared without one ({@code as = "expr"}). */
    String defaultGeneratedKind();

    /** Returns whether the primary key's name is written as the {@code primary_key} block's label. */
    boolean namesPrimaryKey();

    /** Returns the extra attributes of {@code schema} blocks, in the order they are written. */
    List<SpecAttribute> schemaAttributes();

    /** Returns the extra attributes of {@code table} blocks, in the order they are written. */
    List<SpecAttribute> tableAttributes();

    /** Returns the extra attributes of {@code column} blocks, in the order they are written. */
    List<SpecAttribute> columnAttributes();

    /** Returns the extra attributes of {@code index} blocks, in the order they are written. */
    List<SpecAttribute> indexAttributes();

    /** Returns the extra attributes of the {@code on} parts of indexes and keys, in the order they are written. */
    default List<SpecAttribute> indexPartAttributes() {
        return List.of();
    }

    /** Returns the extra attributes of {@code primary_key} blocks, in the order they are written. */
    default List<SpecAttribute> primaryKeyAttributes() {
        return List.of();
    }

    /** Returns the extra attributes of {@code check} blocks, in the order they are written. */
    default List<SpecAttribute> checkAttributes() {
        return List.of();
    }

    /** Returns the blocks the dialect accepts inside {@code column} blocks, in the order they are written. */
    default List<SpecNestedBlock> columnBlocks() {
        return List.of();
    }

    /** Returns the blocks the dialect accepts inside {@code table} blocks, written after every other block. */
    default List<SpecNestedBlock> tableBlocks() {
        return List.of();
    }

    /**
     * Returns the action of a foreign key that names none ({@code on_update}, {@code on_delete} left out): what the
     * database reports for a key declared without one, {@code NO ACTION} but on MySQL, which reports {@code
     * RESTRICT} (its {@code NO ACTION} is written and reported apart, though it acts the same).
     */
    default ReferenceAction defaultAction() {
        return ReferenceAction.NO_ACTION;
    }

    /**
     * Returns whether a {@code foreign_key} block takes {@code deferrable = INITIALLY_IMMEDIATE|INITIALLY_DEFERRED}
     * (PostgreSQL); elsewhere the attribute is refused as any unknown one.
     */
    default boolean supportsDeferrableKeys() {
        return false;
    }

    /**
     * Returns whether tables accept {@code unique "name" { columns = [...] }} blocks: UNIQUE constraints, read as
     * unique indexes with the {@link SpecAttribute#UNIQUE_CONSTRAINT} option.
     */
    default boolean uniqueConstraints() {
        return false;
    }

    /** Returns the extra attributes of {@code unique} constraint blocks, in the order they are written. */
    default List<SpecAttribute> uniqueAttributes() {
        return List.of();
    }

    /**
     * Returns whether tables accept {@code exclude "name" { type = GIST, on { column = ..., op = "&&" } }} blocks:
     * exclusion constraints, read as indexes with the {@link SpecAttribute#EXCLUDE_CONSTRAINT} option and an {@link
     * SpecAttribute#OP} option on every part.
     */
    default boolean exclusionConstraints() {
        return false;
    }

    /** Returns the extra attributes of {@code exclude} constraint blocks, in the order they are written. */
    default List<SpecAttribute> excludeAttributes() {
        return List.of();
    }

    /**
     * Checks an {@code index} or {@code unique} block as read (a {@code unique} block's index carries the {@link
     * SpecAttribute#UNIQUE_CONSTRAINT} option), refusing at the attribute or part what the dialect's servers cannot
     * create, such as an access method that has no unique indexes.
     *
     * @param block the block, for the positions of its attributes and parts
     * @param index the index read from it, before the dialect's normalization
     * @throws HclException at the attribute or part that cannot be honoured
     */
    default void checkIndex(SpecBlock block, Index index) {}

    /**
     * Checks a {@code primary_key} block as read, refusing at the part what the dialect's servers cannot create.
     *
     * @param block the block, for the positions of its attributes and parts
     * @param key the key read from it
     * @throws HclException at the attribute or part that cannot be honoured
     */
    default void checkPrimaryKey(SpecBlock block, PrimaryKey key) {}

    /**
     * Returns blocks the dialect writes itself inside a table's block, after every other block: those whose layout
     * {@link SpecNestedBlock} cannot express (PostgreSQL's {@code partition} block with {@code by} blocks).
     */
    default List<HclItem> extraTableBlocks(io.plumb.engine.schema.Table table) {
        return List.of();
    }

    /** Returns the top-level block types the dialect reads itself, which the {@link SpecReader} passes over. */
    default Set<String> documentBlocks() {
        return Set.of();
    }
}
