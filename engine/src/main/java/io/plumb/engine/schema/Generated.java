package io.plumb.engine.schema;

/**
 * The expression of a {@code Generated} column.
 *
 * @param expr the generation expression
 * @param kind {@code VIRTUAL} or {@code STORED} (MariaDB also {@code PERSISTENT})
 */
public record Generated(String expr, String kind) {}
