package io.plumb.engine.dialect.postgres.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link PsqlDescribe} on the embedded PostgreSQL against what psql's {@code \d} prints for a fixture with
 * every footer kind: the expected texts were printed by psql itself over the same fixture. Text blocks drop trailing
 * spaces, so lines are compared without them here; {@code PsqlTableTest} pins the spaces.
 */
class PsqlDescribeTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        String name = "psql_describe_" + DATABASES.incrementAndGet();
        String admin = EmbeddedServers.postgres();
        try (Database db = Database.open(admin, Path.of(""));
                Statement st = db.connection().createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        connection = Database.open(admin.replaceFirst("/postgres\\?", "/" + name + "?"), Path.of(""))
                .connection();
        try (Statement st = connection.createStatement()) {
            st.execute(Files.readString(Path.of("src/test/resources/postgres/psql/shop.sql")));
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void tableWithIndexesChecksAndIncomingKeys() throws SQLException {
        assertThat(describe("shop.customers"))
                .isEqualTo(
                        """
                                                              Table "shop.customers"
                    Column    |           Type           | Collation | Nullable |                     Default
                --------------+--------------------------+-----------+----------+-------------------------------------------------
                 id           | bigint                   |           | not null | generated always as identity
                 email        | character varying(320)   |           | not null |
                 Display Name | text                     | C         |          | 'anonymous'::text
                 tier         | shop.tier                |           | not null | 'basic'::shop.tier
                 tags         | text[]                   |           |          |
                 signup       | timestamp with time zone |           | not null | now()
                 score        | numeric(6,2)             |           |          |
                 slug         | text                     |           |          | generated always as (lower(email::text)) stored
                Indexes:
                    "customers_pkey" PRIMARY KEY, btree (id)
                    "customers_email_key" UNIQUE CONSTRAINT, btree (email)
                    "customers_lower_idx" hash (lower(email::text))
                    "customers_signup_idx" btree (signup DESC NULLS LAST) WHERE tier = 'gold'::shop.tier
                Check constraints:
                    "customers_email_check" CHECK (email::text ~~ '%@%'::text)
                    "customers_score_check" CHECK (score >= 0::numeric AND score <= 1000::numeric)
                Referenced by:
                    TABLE "shop.orders" CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE

                """);
    }

    @Test
    void tableWithKeysPoliciesStatisticsRulesTriggersAndMultiLineDefault() throws SQLException {
        assertThat(describe("shop.orders"))
                .isEqualTo(
                        """
                                                   Table "shop.orders"
                   Column    |   Type   | Collation | Nullable |                 Default
                -------------+----------+-----------+----------+-----------------------------------------
                 id          | integer  |           | not null | nextval('shop.orders_id_seq'::regclass)
                 customer_id | bigint   |           | not null |
                 amount      | shop.qty |           | not null | 1
                 note        | text     |           |          | 'first line                            +
                             |          |           |          | second line'::text
                Indexes:
                    "orders_pkey" PRIMARY KEY, btree (id)
                Foreign-key constraints:
                    "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES shop.customers(id) ON DELETE CASCADE
                Policies:
                    POLICY "own_orders" FOR SELECT
                      USING ((customer_id > 0))
                Statistics objects:
                    "shop.orders_stats" (dependencies) ON customer_id, amount FROM shop.orders
                Rules:
                    orders_no_zero AS
                    ON INSERT TO shop.orders
                   WHERE new.amount::integer = 0 DO INSTEAD NOTHING
                Triggers:
                    orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch()
                Disabled user triggers:
                    orders_audit AFTER INSERT ON shop.orders FOR EACH STATEMENT EXECUTE FUNCTION shop.touch()
                Number of child tables: 1 (Use \\d+ to list them.)

                """);
    }

    @Test
    void partitionedTableItsPartitionAndAnInheritingTable() throws SQLException {
        assertThat(describe("shop.events") + describe("shop.events_2024") + describe("shop.notes"))
                .isEqualTo(
                        """
                                 Partitioned table "shop.events"
                         Column  | Type  | Collation | Nullable | Default
                        ---------+-------+-----------+----------+---------
                         at      | date  |           | not null |
                         kind    | text  |           |          |
                         payload | jsonb |           |          |
                        Partition key: RANGE (at)
                        Number of partitions: 1 (Use \\d+ to list them.)

                                     Table "shop.events_2024"
                         Column  | Type  | Collation | Nullable | Default
                        ---------+-------+-----------+----------+---------
                         at      | date  |           | not null |
                         kind    | text  |           |          |
                         payload | jsonb |           |          |
                        Partition of: shop.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')

                                                           Table "shop.notes"
                           Column    |   Type   | Collation | Nullable |                 Default
                        -------------+----------+-----------+----------+-----------------------------------------
                         id          | integer  |           | not null | nextval('shop.orders_id_seq'::regclass)
                         customer_id | bigint   |           | not null |
                         amount      | shop.qty |           | not null | 1
                         note        | text     |           |          | 'first line                            +
                                     |          |           |          | second line'::text
                         body        | text     |           |          |
                        Inherits: shop.orders

                        """);
    }

    @Test
    void viewAndWideCharacters() throws SQLException {
        assertThat(describe("shop.gold_customers") + describe("shop.商品"))
                .isEqualTo(
                        """
                                    View "shop.gold_customers"
                 Column |          Type          | Collation | Nullable | Default
                --------+------------------------+-----------+----------+---------
                 id     | bigint                 |           |          |
                 email  | character varying(320) |           |          |

                                 Table "shop.商品"
                 Column |  Type   | Collation | Nullable | Default
                --------+---------+-----------+----------+---------
                 名前   | text    |           | not null |
                 価格   | integer |           |          | 100

                """);
    }

    @Test
    void namesVisibleOnPsqlsSearchPathAreNotQualified() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE public.parent (id int PRIMARY KEY)");
            st.execute("CREATE TABLE public.child (parent_id int REFERENCES parent (id), tier shop.tier)");
            st.execute("SET search_path TO shop");
        }
        assertThat(describe("public.child"))
                .endsWith(
                        """
                 parent_id | integer   |           |          |
                 tier      | shop.tier |           |          |
                Foreign-key constraints:
                    "child_parent_id_fkey" FOREIGN KEY (parent_id) REFERENCES parent(id)

                """);
        // The session's own search path and transaction mode are left as they were.
        try (Statement st = connection.createStatement();
                ResultSet row = st.executeQuery("SHOW search_path")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("shop");
        }
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void patternsFoldUnquotedNamesAndMatchWildcards() throws SQLException {
        assertThat(describe("SHOP.Events")).startsWith("         Partitioned table \"shop.events\"\n");
        assertThat(describe("shop.events*"))
                .contains("Partitioned table \"shop.events\"")
                .contains("Table \"shop.events_2024\"");
    }

    @Test
    void aMissingRelationIsReportedInPsqlsWords() {
        assertThatThrownBy(() -> PsqlDescribe.describe(connection, "shop.nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Did not find any relation named \"shop.nothing\".");
    }

    @Test
    void sequencesAreNotRendered() {
        assertThatThrownBy(() -> PsqlDescribe.describe(connection, "shop.orders_id_seq"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"shop.orders_id_seq\" is a sequence, whose \\d is not rendered");
    }

    private String describe(String pattern) throws SQLException {
        return Arrays.stream(PsqlDescribe.describe(connection, pattern).split("\n", -1))
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
    }
}
