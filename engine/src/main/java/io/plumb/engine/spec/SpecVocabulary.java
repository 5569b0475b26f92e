package io.plumb.engine.spec;

import java.util.List;
import java.util.Set;

/**
 * A {@code SpecVocabulary} is what the blocks of one document may hold in a dialect: the dialect's extra attributes
 * and every attribute name each kind of block accepts, asked of the dialect once per document rather than once per
 * block.
 *
 * @param tableAttributes the dialect's extra table attributes
 * @param tableNames the attribute names a table block accepts
 * @param columnAttributes the dialect's extra column attributes
 * @param columnNames the attribute names a column block accepts
 * @param indexAttributes the dialect's extra index attributes
 * @param indexNames the attribute names an index block accepts
 * @param indexPartAttributes the dialect's extra attributes of index parts
 * @param indexPartNames the attribute names an {@code on} block accepts
 */
record SpecVocabulary(
        List<SpecAttribute> tableAttributes,
        Set<String> tableNames,
        List<SpecAttribute> columnAttributes,
        Set<String> columnNames,
        List<SpecAttribute> indexAttributes,
        Set<String> indexNames,
        List<SpecAttribute> indexPartAttributes,
        Set<String> indexPartNames) {

    /** Returns the vocabulary of a dialect. */
    static SpecVocabulary of(SpecDialect dialect) {
        List<SpecAttribute> table = dialect.tableAttributes();
        List<SpecAttribute> column = dialect.columnAttributes();
        List<SpecAttribute> index = dialect.indexAttributes();
        List<SpecAttribute> part = dialect.indexPartAttributes();
        return new SpecVocabulary(
                table,
                SpecBlock.names(table, "schema", "name"),
                column,
                SpecBlock.names(column, "type", "null", "default", "as", ColumnReader.UNSIGNED),
                index,
                SpecBlock.names(index, "unique", "columns"),
                part,
                SpecBlock.names(part, "desc", "column", "expr"));
    }
}
