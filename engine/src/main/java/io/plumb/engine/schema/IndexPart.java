package io.plumb.engine.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An {@code IndexPart} is one part of an index or key: a column or an expression, in ascending or descending
 * order.
 *
 * @param value the column name, or the expression's SQL text
 * @param isExpression whether {@code value} is an expression rather than a column name
 * @param desc whether the part is in descending order
 * @param options dialect part options in declaration order, such as MySQL's {@code prefix} or PostgreSQL's {@code
 *     ops}
 */
public record IndexPart(String value, boolean isExpression, boolean desc, Map<String, String> options) {

    public IndexPart {
        options = Options.copy(options);
    }

    /** Returns an ascending column part. */
    public static IndexPart column(String name) {
        return new IndexPart(name, false, false, Map.of());
    }

    /** Returns an ascending expression part. */
    public static IndexPart expression(String sql) {
        return new IndexPart(sql, true, false, Map.of());
    }

    /** Returns ascending column parts for the given columns. */
    public static List<IndexPart> columns(String... names) {
        return Arrays.stream(names).map(IndexPart::column).toList();
    }

    /** Returns whether this is an ascending column part without options, which HCL writes in {@code columns}. */
    public boolean isPlainColumn() {
        return !isExpression && !desc && options.isEmpty();
    }
}
