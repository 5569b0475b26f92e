package io.plumb.engine.dialect.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A {@code CatalogQuery} is one catalog query of the {@link PostgresInspector} over a set of schemas: the named
 * schemas, or every schema that is not PostgreSQL's own when none are named.
 *
 * @param schemas the schemas to read; empty for all user schemas
 */
record CatalogQuery(List<String> schemas) {

    CatalogQuery {
        schemas = List.copyOf(schemas);
    }

    /**
     * Prepares a query whose text holds {@code $FILTER} where a condition on the schema name column {@code n.nspname}
     * belongs.
     */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        String filter = schemas.isEmpty()
                ? "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'"
                : "n.nspname = ANY(?)";
        PreparedStatement statement = connection.prepareStatement(sql.replace("$FILTER", filter));
        if (!schemas.isEmpty()) {
            Array array = connection.createArrayOf("text", schemas.toArray());
            // A query may filter several of its parts (a UNION): each $FILTER is a parameter.
            int count = sql.split("\\$FILTER", -1).length - 1;
            for (int i = 1; i <= count; i++) {
                statement.setArray(i, array);
            }
        }
        return statement;
    }
}
