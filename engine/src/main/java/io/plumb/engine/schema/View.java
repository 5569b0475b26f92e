package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code View}, or a materialized view.
 *
 * @param name the view name
 * @param materialized whether the view is materialized (PostgreSQL)
 * @param columns the view's columns as the database derives them from the query; informational, never compared
 * @param query the query, as the database prints it back ({@code pg_get_viewdef}, {@code VIEW_DEFINITION}, the
 *     text after {@code AS} in {@code sqlite_master})
 * @param indexes the indexes of a materialized view, ordered by name
 * @param comment the comment, where the dialect has them
 * @param dependsOn the tables and views the query reads, and any {@code depends_on}
 * @param options dialect options in declaration order: {@code check_option}, MySQL's {@code security},
 *     {@code algorithm}
 */
public record View(
        String name,
        boolean materialized,
        List<Column> columns,
        String query,
        List<Index> indexes,
        Optional<String> comment,
        List<ObjectRef> dependsOn,
        Map<String, String> options)
        implements SchemaObject {

    public View {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        dependsOn = List.copyOf(dependsOn);
        options = Options.copy(options);
    }

    /** Returns a plain view of the query. */
    public static View of(String name, String query) {
        return new View(name, false, List.of(), query, List.of(), Optional.empty(), List.of(), Map.of());
    }

    @Override
    public ObjectKind kind() {
        return materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
    }

    @Override
    public List<String> sqlTexts() {
        return List.of(query);
    }

    /** Returns this view with other columns. */
    public View withColumns(List<Column> newColumns) {
        return new View(name, materialized, newColumns, query, indexes, comment, dependsOn, options);
    }

    /** Returns this view with other dependencies. */
    public View withDependsOn(List<ObjectRef> refs) {
        return new View(name, materialized, columns, query, indexes, comment, refs, options);
    }
}
