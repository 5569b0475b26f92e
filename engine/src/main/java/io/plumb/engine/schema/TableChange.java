package io.plumb.engine.schema;

import java.util.Set;

/** A {@code TableChange} is one difference inside a table, carried by a {@link SchemaChange.ModifyTable}. */
public sealed interface TableChange {

    /** What differs between two versions of a column. */
    enum ColumnAspect {
        TYPE,
        NULL,
        DEFAULT,
        GENERATED,
        AUTO_INCREMENT,
        COMMENT,
        OPTIONS
    }

    /** Adds a column. */
    record AddColumn(Column column) implements TableChange {}

    /** Drops a column. */
    record DropColumn(Column column) implements TableChange {}

    /**
     * Modifies a column in place.
     *
     * @param from the column as it is now
     * @param to the column as it should be
     * @param aspects what differs
     */
    record ModifyColumn(Column from, Column to, Set<ColumnAspect> aspects) implements TableChange {

        public ModifyColumn {
            aspects = Set.copyOf(aspects);
        }
    }

    /** Adds an index. */
    record AddIndex(Index index) implements TableChange {}

    /** Drops an index. */
    record DropIndex(Index index) implements TableChange {}

    /** Replaces an index by another of the same name. */
    record ModifyIndex(Index from, Index to) implements TableChange {}

    /** Adds a foreign key. */
    record AddForeignKey(ForeignKey foreignKey) implements TableChange {}

    /** Drops a foreign key. */
    record DropForeignKey(ForeignKey foreignKey) implements TableChange {}

    /** Replaces a foreign key by another of the same name. */
    record ModifyForeignKey(ForeignKey from, ForeignKey to) implements TableChange {}

    /** Adds a check constraint. */
    record AddCheck(Check check) implements TableChange {}

    /** Drops a check constraint. */
    record DropCheck(Check check) implements TableChange {}

    /** Replaces a check constraint by another of the same name. */
    record ModifyCheck(Check from, Check to) implements TableChange {}

    /** Adds a primary key. */
    record AddPrimaryKey(PrimaryKey primaryKey) implements TableChange {}

    /** Drops the primary key. */
    record DropPrimaryKey(PrimaryKey primaryKey) implements TableChange {}

    /** Replaces the primary key. */
    record ModifyPrimaryKey(PrimaryKey from, PrimaryKey to) implements TableChange {}

    /**
     * Changes the table's comment or options.
     *
     * @param from the table as it is now
     * @param to the table as it should be
     */
    record ModifyAttributes(Table from, Table to) implements TableChange {}
}
