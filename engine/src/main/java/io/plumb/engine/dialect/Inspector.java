package io.plumb.engine.dialect;

import io.plumb.engine.schema.Realm;
import java.sql.Connection;
import java.sql.SQLException;

/** An {@code Inspector} reads the schemas of a live database into a {@link Realm}. */
public interface Inspector {

    /**
     * Inspects the given schemas (all schemas when the list is empty) through the connection.
     *
     * @throws SQLException when the database cannot be read
     */
    Realm inspect(Connection connection, InspectOptions options) throws SQLException;
}
