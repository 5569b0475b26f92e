package io.plumb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrateReportTest {

    private final Path none = Path.of("unused");
    private final Sqlite3Leg sqlite3 = new Sqlite3Leg(Path.of("sqlite3"), none, none);
    private final PlumbLauncherLeg plumb = new PlumbLauncherLeg(none, none, none);
    private final PlumbInProcessLeg warm = new PlumbInProcessLeg(none, none);
    private final FlywayLeg flyway = new FlywayLeg(none, 1);
    private final SchemaFingerprint same = new SchemaFingerprint(List.of("table t_1"), Map.of("t_1", 2L));

    @Test
    void printsMedianMinimumRatioAndTheTargetsAsFacts() {
        MigrateResults results = new MigrateResults(List.of(sqlite3, plumb, warm, flyway));
        record(results, sqlite3, 1.0, 3.0, 2.0);
        record(results, plumb, 2.0, 2.5, 3.5);
        record(results, warm, 1.0, 1.0, 1.0);
        record(results, flyway, 5.0, 5.0, 5.0);
        String report = print(results);
        assertThat(report)
                .contains("1 migration files, 3 statements,")
                .contains("sqlite3 (one process) 2.000s 1.000s 1.00x")
                .contains("plumb (./plumb launcher) 2.500s 2.000s 1.25x")
                .contains("plumb / sqlite3 = 1.25x (target <= 1.5x): met")
                .contains("plumb / flyway = 0.50x (target < 1.0x): met")
                .contains("plumb in process / sqlite3 = 0.50x, plumb in process / flyway = 0.20x")
                // Round by round: 2.0/1.0, 2.5/3.0 and 3.5/2.0 against sqlite3; 0.4, 0.5 and 0.7 against flyway.
                .contains("paired, the median of each round's ratio: plumb / sqlite3 = 1.75x, plumb / flyway = 0.50x")
                .contains("the same database as sqlite3 (one process): 1 schema objects")
                .doesNotContain("FAILED");
    }

    @Test
    void marksAMissedTarget() {
        MigrateResults results = new MigrateResults(List.of(sqlite3, plumb, flyway));
        record(results, sqlite3, 1.0);
        record(results, plumb, 1.6);
        record(results, flyway, 1.6);
        assertThat(print(results))
                .contains("plumb / sqlite3 = 1.60x (target <= 1.5x): MISSED")
                .contains("plumb / flyway = 1.00x (target < 1.0x): MISSED");
    }

    @Test
    void aFailedLegIsMarkedAndItsMessagePrinted() {
        MigrateResults results = new MigrateResults(List.of(sqlite3, plumb, flyway));
        record(results, sqlite3, 1.0);
        results.fail(plumb, new LegFailure("plumb (./plumb launcher): exit 1: checksum mismatch"));
        record(results, flyway, 3.0);
        assertThat(print(results))
                .contains("plumb (./plumb launcher) FAILED")
                .contains("plumb / sqlite3: not measured (a leg failed; see below), target <= 1.5x")
                .contains("flyway (in process, warm) 3.000s 3.000s 3.00x")
                .endsWith("FAILED plumb (./plumb launcher): exit 1: checksum mismatch\n");
    }

    @Test
    void aDifferentDatabaseIsReportedAgainstTheFirstLeg() {
        MigrateResults results = new MigrateResults(List.of(sqlite3, flyway));
        results.record(sqlite3, 1.0, same);
        assertThat(results.record(flyway, 1.0, new SchemaFingerprint(List.of("table t_1"), Map.of())))
                .hasValue("table t_1 has no row count here but 2 rows there");
        assertThat(results.referenceLeg()).isEqualTo("sqlite3 (one process)");
    }

    private void record(MigrateResults results, MigrateLeg leg, double... seconds) {
        for (double s : seconds) {
            assertThat(results.record(leg, s, same)).isEmpty();
        }
    }

    private static String print(MigrateResults results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MigrationWorkload workload = MigrationWorkload.generate(1, 1);
        new MigrateReport(workload, 3, results, Path.of("sqlite3"))
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // Column widths are layout, not content: compare with runs of spaces collapsed.
        return bytes.toString(StandardCharsets.UTF_8)
                .replace(System.lineSeparator(), "\n")
                .replaceAll(" +", " ");
    }
}
