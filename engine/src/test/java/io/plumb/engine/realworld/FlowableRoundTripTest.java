package io.plumb.engine.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.devdb.TestServers;
import io.plumb.engine.dialect.Dialect;
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
import java.util.concurrent.atomic.AtomicInteger;
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

    /*
     * What the upgraded schema lacks, or holds otherwise, compared with the current create script; each is in the
     * scripts themselves, not in Plumb: the create script renamed the exception-stack indexes of the job tables
     * that no upgrade step renames, added ACT_RU_TASK.SUB_TASK_COUNT_ and ACT_RU_HISTORY_JOB.SCOPE_TYPE_ that no
     * upgrade step adds, and gave ACT_EVT_LOG.TIME_STAMP_ a MySQL default that no upgrade step sets. On MySQL the
     * create script leaves the exception-stack keys to the index the server makes for each (ACT_FK_...), which
     * inspection shows: the upgraded schema's index over the same columns goes and the server's comes.
     */
    private static final List<String> POSTGRES_DRIFT = List.of(
            "act_ru_deadletter_job: drop index act_idx_deadletter_job_exception_stack_id",
            "act_ru_deadletter_job: add index act_idx_deadletter_job_exception",
            "act_ru_history_job: drop column scope_type_",
            "act_ru_job: drop index act_idx_job_exception_stack_id",
            "act_ru_job: add index act_idx_job_exception",
            "act_ru_suspended_job: drop index act_idx_suspended_job_exception_stack_id",
            "act_ru_suspended_job: add index act_idx_suspended_job_exception",
            "act_ru_task: drop column sub_task_count_",
            "act_ru_timer_job: drop index act_idx_timer_job_exception_stack_id",
            "act_ru_timer_job: add index act_idx_timer_job_exception");
    private static final List<String> MYSQL_DRIFT = List.of(
            "ACT_EVT_LOG: modify column TIME_STAMP_ [default]",
            "ACT_RU_DEADLETTER_JOB: drop index ACT_IDX_DEADLETTER_JOB_EXCEPTION_STACK_ID",
            "ACT_RU_DEADLETTER_JOB: add index ACT_FK_DEADLETTER_JOB_EXCEPTION",
            "ACT_RU_HISTORY_JOB: drop column SCOPE_TYPE_",
            "ACT_RU_JOB: drop index ACT_IDX_JOB_EXCEPTION_STACK_ID",
            "ACT_RU_JOB: add index ACT_FK_JOB_EXCEPTION",
            "ACT_RU_SUSPENDED_JOB: drop index ACT_IDX_SUSPENDED_JOB_EXCEPTION_STACK_ID",
            "ACT_RU_SUSPENDED_JOB: add index ACT_FK_SUSPENDED_JOB_EXCEPTION",
            "ACT_RU_TASK: drop column SUB_TASK_COUNT_",
            "ACT_RU_TIMER_JOB: drop index ACT_IDX_TIMER_JOB_EXCEPTION_STACK_ID",
            "ACT_RU_TIMER_JOB: add index ACT_FK_TIMER_JOB_EXCEPTION");

    private static final AtomicInteger DIRS = new AtomicInteger();

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
        Migrated upgraded = migrated(database, scripts);
        assertThat(upgraded.report().applied()).hasSize(scripts.size());
        // The 2 create scripts of the base and 102 upgrade steps (engine, history and common) of the current jars.
        assertThat(scripts).hasSize(104);
        assertThat(upgraded.report().counts().statementsOk()).isEqualTo(database.equals("postgres") ? 441 : 408);
        assertThat(tableNames(upgraded.realm())).hasSize(32);
        assertThat(tableNames(upgraded.realm())).isEqualTo(createdTables(scripts, database));
        new RealmRoundTrip(isolation(database)).check(upgraded.dialect(), upgraded.realm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void currentCreateScriptAppliesAndRoundTrips(String database) {
        FlowableScripts flowable = FlowableScripts.of(database);
        List<Script> scripts = flowable.create(flowable.currentVersion());
        Migrated created = migrated(database, scripts);
        assertThat(scripts)
                .extracting(Script::name)
                .containsExactly("create_common", "create_engine", "create_history");
        assertThat(created.report().counts().statementsOk()).isEqualTo(database.equals("postgres") ? 207 : 178);
        assertThat(tableNames(created.realm())).hasSize(32);
        assertThat(tableNames(created.realm())).isEqualTo(createdTables(scripts, database));
        new RealmRoundTrip(isolation(database)).check(created.dialect(), created.realm());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mysql"})
    void upgradedSchemaDiffersFromTheCurrentCreateScriptOnlyWhereTheScriptsDo(String database) {
        FlowableScripts flowable = FlowableScripts.of(database);
        Migrated upgraded = migrated(database, flowable.upgradePath());
        Migrated created = migrated(database, flowable.create(flowable.currentVersion()));
        assertThat(tableNames(upgraded.realm())).isEqualTo(tableNames(created.realm()));
        Realm from = RealmRoundTrip.renamed(
                created.realm(), upgraded.realm().schemas().get(0).name());
        List<String> drift = ChangeSummary.of(RealmRoundTrip.diff(upgraded.dialect(), from, upgraded.realm()));
        assertThat(drift).containsExactlyElementsOf(database.equals("postgres") ? POSTGRES_DRIFT : MYSQL_DRIFT);
    }

    /** What a migration directory left: the inspected schema, the dialect that read it, and the apply report. */
    private record Migrated(Realm realm, Dialect dialect, ApplyReport report) {}

    private Migrated migrated(String database, List<Script> scripts) {
        try (IsolatedDatabase isolated = isolation(database).fresh()) {
            Database db = isolated.database();
            ApplyReport report = migrate(db, scripts);
            assertThat(report.error()).isEmpty();
            return new Migrated(RealmRoundTrip.inspect(db), db.dialect(), report);
        }
    }

    private ApplyReport migrate(Database db, List<Script> scripts) {
        MigrationDir dir = MigrationDir.openOrCreate("migrations-" + DIRS.incrementAndGet(), root);
        for (int i = 0; i < scripts.size(); i++) {
            // Zero-padded positions make byte order the scripts' order.
            dir.add(
                    String.format(
                            Locale.ROOT, "%03d_%s.sql", i + 1, scripts.get(i).name()),
                    scripts.get(i).sql());
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
                ? new TreeSet<>(
                        tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList())
                : tables;
    }
}
