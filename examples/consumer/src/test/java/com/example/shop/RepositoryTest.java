package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.plumb.junit.PlumbDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Plain Jupiter tests, each with an isolated database of its own that Plumb drops afterwards. */
class RepositoryTest {

    @Test
    void sqlite(@PlumbDatabase Connection connection) throws SQLException {
        assertTwoCustomersAndAUniqueEmail(connection);
    }

    @Test
    void postgres(@PlumbDatabase(url = "embedded://postgres/17") Connection connection) throws SQLException {
        assertTwoCustomersAndAUniqueEmail(connection);
    }

    @Test
    void mariadb(@PlumbDatabase(url = "embedded://mariadb/11.4") Connection connection) throws SQLException {
        assertTwoCustomersAndAUniqueEmail(connection);
    }

    @Test
    void everyTestStartsEmpty(@PlumbDatabase(url = "embedded://postgres/17") Connection connection)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
        }
    }

    private static void assertTwoCustomersAndAUniqueEmail(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL UNIQUE)");
            statement.execute("INSERT INTO customers (id, email) VALUES (1, 'ada@example.com'), (2, 'grace@example.com')");
            assertThrows(
                    SQLException.class,
                    () -> statement.execute("INSERT INTO customers (id, email) VALUES (3, 'ada@example.com')"));
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM customers")) {
                rows.next();
                assertEquals(2, rows.getInt(1));
            }
        }
    }
}
