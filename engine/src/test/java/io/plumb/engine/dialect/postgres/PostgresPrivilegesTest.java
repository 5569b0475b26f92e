package io.plumb.engine.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.InspectOptions;
import io.plumb.engine.schema.Realm;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grants and revokes privileges on a PostgreSQL database's objects and checks how inspection counts them in {@link
 * Realm#unsupported()} ({@link PostgresPrivileges}): once per object and role whose privileges differ from the
 * object's default, and not at all for objects with only their default privileges.
 */
class PostgresPrivilegesTest extends PostgresDatabaseTest {

    // Roles are the server's, shared by the tests' databases: each test drops the ones it created.
    private static final String ROLE = "privileges_test_reader";

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    @AfterEach
    void dropRole() throws SQLException {
        execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "') THEN"
                + " EXECUTE 'DROP OWNED BY " + ROLE + "'; EXECUTE 'DROP ROLE " + ROLE + "'; END IF; END $$");
    }

    private void createObjects() throws SQLException {
        execute("CREATE TABLE public.t (a integer, b integer); CREATE SEQUENCE public.s;"
                + " CREATE VIEW public.v AS SELECT a FROM public.t;"
                + " CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';"
                + " CREATE PROCEDURE public.p() LANGUAGE sql AS 'SELECT 1';"
                + " CREATE TYPE public.mood AS ENUM ('ok'); CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);"
                + " CREATE TYPE public.pair AS (x integer, y integer); CREATE SCHEMA other;"
                + " CREATE TABLE other.u (a integer)");
    }

    @Test
    void objectsWithTheirDefaultPrivilegesCountNothing() throws SQLException {
        createObjects();
        // The public schema keeps the privileges initdb gave it, which are not its owner's default.
        assertThat(inspect().unsupported()).isEmpty();
        assertThat(inspect().unsupportedWarning()).isEmpty();
        assertThat(dialect.inspector()
                        .inspect(connection, new InspectOptions(List.of("public")))
                        .unsupported())
                .isEmpty();
    }

    @Test
    void privilegesBeyondTheDefaultsAreCountedByKindOncePerObjectAndRole() throws SQLException {
        createObjects();
        execute("CREATE ROLE " + ROLE + ";"
                + " GRANT SELECT, INSERT ON public.t TO " + ROLE + "; GRANT SELECT ON public.t TO PUBLIC;"
                + " GRANT SELECT ON public.v TO " + ROLE + "; GRANT UPDATE (b) ON public.t TO " + ROLE + ";"
                + " GRANT USAGE ON SEQUENCE public.s TO " + ROLE + ";"
                + " REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;"
                + " GRANT EXECUTE ON PROCEDURE public.p() TO " + ROLE + ";"
                + " GRANT USAGE ON TYPE public.mood TO " + ROLE
                + "; REVOKE USAGE ON DOMAIN public.positive FROM PUBLIC;"
                + " GRANT USAGE ON SCHEMA public TO " + ROLE + "; GRANT CREATE ON SCHEMA other TO " + ROLE + ";"
                + " GRANT SELECT ON other.u TO " + ROLE + ";"
                + " ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + ROLE + ";"
                + " ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO " + ROLE);
        assertThat(inspect().unsupported())
                .isEqualTo(Map.of(
                        "table privilege", 4,
                        "column privilege", 1,
                        "sequence privilege", 1,
                        "routine privilege", 2,
                        "type privilege", 2,
                        "schema privilege", 2,
                        "default privilege", 2));
        // Inspecting one schema counts its own objects, and its default privileges but not the database's.
        assertThat(dialect.inspector()
                        .inspect(connection, new InspectOptions(List.of("other")))
                        .unsupported())
                .isEqualTo(Map.of("table privilege", 1, "schema privilege", 1));
        assertThat(inspect().unsupportedWarning())
                .contains("warning: 1 column privilege, 2 default privileges, 2 routine privileges, 2 schema"
                        + " privileges, 1 sequence privilege, 4 table privileges and 2 type privileges are not"
                        + " supported by plumb yet and left out of the schema");
    }

    @Test
    void privilegesTakenBackCountNothing() throws SQLException {
        createObjects();
        execute("CREATE ROLE " + ROLE + "; GRANT ALL ON public.t TO " + ROLE + ";"
                + " REVOKE ALL ON FUNCTION public.f() FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + ROLE);
        assertThat(inspect().unsupported()).hasSize(3);
        // Taken back in another order than granted: the lists are compared as sets.
        execute("REVOKE ALL ON public.t FROM " + ROLE + "; GRANT EXECUTE ON FUNCTION public.f() TO PUBLIC;"
                + " REVOKE USAGE ON SCHEMA public FROM " + ROLE);
        assertThat(inspect().unsupported()).isEmpty();
    }

    @Test
    void theOwnersOwnPrivilegesRevokedCountOnce() throws SQLException {
        createObjects();
        execute("REVOKE UPDATE, DELETE ON public.t FROM CURRENT_USER");
        assertThat(inspect().unsupported()).isEqualTo(Map.of("table privilege", 1));
        // All of them: the list is empty.
        execute("REVOKE ALL ON public.t FROM CURRENT_USER");
        assertThat(inspect().unsupported()).isEqualTo(Map.of("table privilege", 1));
    }

    @Test
    void thePublicSchemaGivenToAnotherOwnerKeepsItsInitialPrivileges() throws SQLException {
        // The owner's name replaces the initial owner's in the list initdb gave the schema: still the default.
        execute("CREATE ROLE " + ROLE + "; ALTER SCHEMA public OWNER TO " + ROLE);
        assertThat(inspect().unsupported()).isEmpty();
        execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
        assertThat(inspect().unsupported()).isEqualTo(Map.of("schema privilege", 1));
    }

    @Test
    void privilegesOnAnExtensionsObjectsAreTheExtensions() throws SQLException {
        execute("CREATE EXTENSION citext; CREATE ROLE " + ROLE + ";" + " GRANT USAGE ON TYPE public.citext TO " + ROLE);
        // Inspection leaves the extension's objects to the extension, and their privileges with them.
        assertThat(inspect().unsupported()).isEmpty();
    }
}
