package io.plumb.engine.migrate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code Precondition} is a condition on the database that a run of a file's statements needs: one of a Liquibase
 * changeset's {@code --precondition-*} lines. {@link #check} returns why it does not hold, or throws when it cannot be
 * evaluated, the two outcomes a changeset's {@code onFail} and {@code onError} answer.
 */
sealed interface Precondition {

    /**
     * Checks the condition on a connection.
     *
     * @return why the condition does not hold, or empty when it does
     * @throws SQLException when it cannot be evaluated
     */
    Optional<String> check(Connection connection) throws SQLException;

    /**
     * {@code --precondition-sql-check expectedResult:VALUE SQL}: the query returns one row whose first column reads
     * as the value, as Liquibase compares them (as text: {@code 0}, {@code true}).
     *
     * @param expected the value, without its quotes
     * @param sql the query
     */
    record SqlCheck(String expected, String sql) implements Precondition {

        @Override
        public Optional<String> check(Connection connection) throws SQLException {
            try (java.sql.Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    return Optional.of("sql-check \"" + sql + "\" returned no rows, expected \"" + expected + "\"");
                }
                Object value = rows.getObject(1);
                if (rows.next()) {
                    throw new SQLException("sql-check \"" + sql + "\" returned more than one row");
                }
                String found = value == null ? null : value.toString();
                if (expected.equals(found)) {
                    return Optional.empty();
                }
                return Optional.of("sql-check \"" + sql + "\" returned " + PreMigrationChecks.describe(found)
                        + ", expected \"" + expected + "\"");
            }
        }
    }

    /**
     * {@code --precondition-table-exists table:NAME [schema:NAME]} or {@code --precondition-view-exists view:NAME
     * [schema:NAME]}: the relation exists, in the connection's schema when none is named. Names are matched as
     * written, then folded the way unquoted names fold (lower, then upper case).
     *
     * @param view whether a view is wanted, rather than a table
     * @param schema the schema named, if any
     * @param name the table's or view's name
     */
    record Exists(boolean view, Optional<String> schema, String name) implements Precondition {

        @Override
        public Optional<String> check(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            // MySQL and MariaDB call a schema a catalog; the others have one catalog, whose schemas these are.
            boolean catalogs = meta.supportsCatalogsInTableDefinitions() && !meta.supportsSchemasInTableDefinitions();
            Optional<String> within = schema.isPresent()
                    ? schema
                    : Optional.ofNullable(catalogs ? connection.getCatalog() : connection.getSchema());
            Set<String> names = folded(name);
            Set<String> places = within.map(Exists::folded).orElse(Set.of());
            String[] types = view ? new String[] {"VIEW"} : new String[] {"TABLE", "PARTITIONED TABLE"};
            for (String place : places.isEmpty() ? Set.of("") : places) {
                String catalog = catalogs && !place.isEmpty() ? place : null;
                try (ResultSet tables = meta.getTables(catalog, null, null, types)) {
                    while (tables.next()) {
                        String in = tables.getString(catalogs ? "TABLE_CAT" : "TABLE_SCHEM");
                        boolean placed = place.isEmpty() || in == null || in.equals(place);
                        if (placed && names.contains(tables.getString("TABLE_NAME"))) {
                            return Optional.empty();
                        }
                    }
                }
            }
            return Optional.of((view ? "view-exists: view " : "table-exists: table ")
                    + schema.map(s -> s + ".").orElse("") + name + " does not exist");
        }

        private static Set<String> folded(String name) {
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            names.add(name.toLowerCase(Locale.ROOT));
            names.add(name.toUpperCase(Locale.ROOT));
            return names;
        }
    }

    /**
     * A precondition another tool evaluates: a Liquibase XML, YAML or JSON changeset's {@code preConditions}, which
     * Liquibase itself checks on the connection.
     *
     * @param check checks the condition: why it does not hold, or empty; throws when it cannot be evaluated
     */
    record Evaluated(Check check) implements Precondition {

        /** Checks a condition on a connection. */
        @FunctionalInterface
        interface Check {
            Optional<String> check(Connection connection) throws SQLException;
        }

        @Override
        public Optional<String> check(Connection connection) throws SQLException {
            return check.check(connection);
        }
    }
}
