package io.plumb.engine.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.TestServers;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import io.plumb.engine.realworld.FlowableScripts.Script;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads the schemas that the Flowable engine jars create and upgrade, on embedded PostgreSQL and embedded MariaDB:
 * applies the scripts in order as a migration directory, inspects the result, and takes it through HCL and
 * {@code schema apply} onto an empty database with nothing left to change; the current create script alike.
 */
class FlowableRoundTripTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)drop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");

    private static Isolation postgres;
    private static Isolation mariadb;

    @TempDir
    Path root;

    @BeforeAll
    static void servers() {
        postgres = Isolation.open(TestServers.postgresUrl(), Path.of("."));
        mariadb = Isolation.open(TestServers.mariadbUrl(), Path.of("."));
    }

    @AfterAll
    static void close() {
        postgres.close();
        mariadb.close();
    }

    // Flowable's script names: "postgres", and "mysql" (not "mysql55", for servers before MySQL 5.6.4) on MariaDB.
    private static Isolation isolation(String database) {
        return database.equals("postgres") ? postgres : mariadb;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void upgradePathAppliesAndRoundTrips(String database) {
        List<Script> scripts = FlowableScripts.of(database).upgradePath();
        try (IsolatedDatabase isolated = isolation(database).fresh()) {
            Database db = isolated.database();
            ApplyReport report = migrate(db, scripts);
            assertThat(report.error()).isEmpty();
            assertThat(report.applied()).hasSize(scripts.size());
            Realm upgraded = RealmRoundTrip.inspect(db);
            assertThat(tableNames(upgraded)).isEqualTo(createdTables(scripts, database));
            new RealmRoundTrip(isolation(database)).check(db.dialect(), upgraded);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void currentCreateScriptAppliesAndRoundTrips(String database) {
        FlowableScripts flowable = FlowableScripts.of(database);
        List<Script> scripts = flowable.create(flowable.currentVersion());
        try (IsolatedDatabase isolated = isolation(database).fresh()) {
            Database db = isolated.database();
            ApplyReport report = migrate(db, scripts);
            assertThat(report.error()).isEmpty();
            Realm created = RealmRoundTrip.inspect(db);
            assertThat(tableNames(created)).isEqualTo(createdTables(scripts, database));
            new RealmRoundTrip(isolation(database)).check(db.dialect(), created);
        }
    }

    private ApplyReport migrate(Database db, List<Script> scripts) {
        MigrationDir dir = MigrationDir.openOrCreate("migrations", root);
        for (int i = 0; i < scripts.size(); i++) {
            // Zero-padded positions make byte order the scripts' order.
            dir.add(String.format(Locale.ROOT, "%03d_%s.sql", i + 1, scripts.get(i).name()), scripts.get(i).sql());
        }
        dir.rehash();
        return new Migrator(db, dir, ApplyOptions.defaults("Plumb test")).apply(new ApplyListener() {});
    }

    private static Set<String> tableNames(Realm realm) {
        return new TreeSet<>(
                realm.schemas().get(0).tables().stream().map(Table::name).toList());
    }

    // What the scripts leave, by their own text: PostgreSQL folds the unquoted upper-case names to lower case.
    private static Set<String> createdTables(List<Script> scripts, String database) {
        Set<String> tables = new TreeSet<>();
        for (Script script : scripts) {
            Matcher create = CREATE_TABLE.matcher(script.sql());
            while (create.find()) {
                tables.add(create.group(1));
            }
            Matcher drop = DROP_TABLE.matcher(script.sql());
            while (drop.find()) {
                tables.remove(drop.group(1));
            }
        }
        return database.equals("postgres")
                ? new TreeSet<>(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList())
                : tables;
    }
}
