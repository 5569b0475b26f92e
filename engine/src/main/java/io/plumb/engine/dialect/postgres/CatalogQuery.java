package io.plumb.engine.dialect.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CatalogQuery} is one catalog query of the {@link PostgresInspector} over a set of schemas: the named
 * schemas, or every schema that is not PostgreSQL's own when none are named; and, for the queries of the tables'
 * parts, over the named tables of those schemas, or all of them when none are named.
 *
 * @param schemas the schemas to read; empty for all user schemas
 * @param tables the tables to read, by name; empty for all tables of the schemas
 */
record CatalogQuery(List<String> schemas, List<String> tables) {

    // $FILTER: the condition on n.nspname; $TABLES(alias): the condition on the table alias's relname.
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$FILTER|\\$TABLES\\((\\w+)\\)");

    CatalogQuery {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
    }

    /** Returns the query over the given schemas and all their tables. */
    CatalogQuery(List<String> schemas) {
        this(schemas, List.of());
    }

    /**
     * Prepares a query whose text holds {@code $FILTER} where a condition on the schema name column {@code
     * n.nspname} belongs, and {@code $TABLES(c)} where a condition on the name of the table aliased {@code c}
     * belongs.
     */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        String schemaFilter = schemas.isEmpty()
                ? "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'"
                : "n.nspname = ANY(?)";
        // A query may filter several of its parts (a UNION): each placeholder is a parameter, bound in order.
        List<List<String>> parameters = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(sql);
        while (m.find()) {
            String condition;
            if (m.group(1) == null) {
                condition = schemaFilter;
                if (!schemas.isEmpty()) {
                    parameters.add(schemas);
                }
            } else if (tables.isEmpty()) {
                condition = "true";
            } else {
                condition = m.group(1) + ".relname = ANY(?)";
                parameters.add(tables);
            }
            m.appendReplacement(text, Matcher.quoteReplacement(condition));
        }
        m.appendTail(text);
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            Array array = connection.createArrayOf("text", parameters.get(i).toArray());
            statement.setArray(i + 1, array);
        }
        return statement;
    }
}
