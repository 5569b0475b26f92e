package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MariaServerTest {

    @Test
    void startsMariadbAndCreatesDatabases() throws Exception {
        String db = MariaServer.get().freshDatabase("probe");
        try (Connection c = MariaServer.get().connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION(), DATABASE(), @@character_set_server, @@collation_server")) {
            assertThat(rs.next()).isTrue();
            System.out.println(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            assertThat(rs.getString(2)).isEqualTo(db);
        }
    }
}
