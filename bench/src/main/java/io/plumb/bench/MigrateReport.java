package io.plumb.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A {@code MigrateReport} prints what {@link MigrateBench} measured: a table of legs with median and minimum wall
 * time and the ratio to the {@code sqlite3} floor, the two targets stated as facts (for the documented command, the {@code ./plumb} launcher), the fairness check and
 * the machine facts.
 *
 * @param workload the files applied
 * @param rounds the number of timed rounds per leg
 * @param results what the rounds measured
 * @param sqlite3 the shell used by the floor leg
 */
record MigrateReport(MigrationWorkload workload, int rounds, MigrateResults results, Path sqlite3) {

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%d migration files, %d statements, applied to a fresh SQLite database file per run; %d rounds"
                        + " per leg (in-process legs after one untimed warm-up run)%n",
                workload.migrations().size(),
                workload.statements(),
                rounds);
        out.printf(Locale.ROOT, "%-28s %12s %12s %11s%n", "leg", "median wall", "min wall", "vs sqlite3");
        Optional<Double> floor = results.leg(Sqlite3Leg.class).flatMap(results::median);
        for (MigrateLeg leg : results.legs()) {
            Optional<Double> median = results.median(leg);
            if (median.isEmpty()) {
                out.printf(Locale.ROOT, "%-28s %12s%n", leg.name(), "FAILED");
                continue;
            }
            String ratio = floor.map(f -> String.format(Locale.ROOT, "%.2fx", median.get() / f))
                    .orElse("-");
            out.printf(
                    Locale.ROOT,
                    "%-28s %11.3fs %11.3fs %11s%n",
                    leg.name(),
                    median.get(),
                    results.min(leg).orElseThrow(),
                    ratio);
        }
        printFairness(out);
        printTargets(out);
        out.println("machine: " + machine());
        results.failures().forEach((leg, message) -> out.println("FAILED " + message));
    }

    private void printFairness(PrintStream out) {
        results.reference()
                .ifPresent(reference -> out.printf(
                        Locale.ROOT,
                        "every successful run left the same database as %s: %d schema objects (sqlite_master rows"
                                + " of the t_* tables), %d tables, %d rows%n",
                        results.referenceLeg(),
                        reference.objects().size(),
                        reference.rowCounts().size(),
                        reference.rows()));
    }

    private void printTargets(PrintStream out) {
        Optional<Double> floor = results.leg(Sqlite3Leg.class).flatMap(results::median);
        Optional<Double> flyway = results.leg(FlywayLeg.class).flatMap(results::median);
        Optional<Double> plumb = results.leg(PlumbLauncherLeg.class).flatMap(results::median);
        Optional<Double> plainJar = results.leg(PlumbProcessLeg.class).flatMap(results::median);
        Optional<Double> warm = results.leg(PlumbInProcessLeg.class).flatMap(results::median);
        out.println(target("plumb / sqlite3", plumb, floor, 1.5, true));
        out.println(target("plumb / flyway", plumb, flyway, 1.0, false));
        Optional<Double> pairedFloor = results.leg(PlumbLauncherLeg.class)
                .flatMap(p -> results.leg(Sqlite3Leg.class).flatMap(f -> results.pairedRatio(p, f)));
        Optional<Double> pairedFlyway = results.leg(PlumbLauncherLeg.class)
                .flatMap(p -> results.leg(FlywayLeg.class).flatMap(f -> results.pairedRatio(p, f)));
        out.println("paired, the median of each round's ratio: "
                + pairedFloor
                        .map(r -> String.format(Locale.ROOT, "plumb / sqlite3 = %.2fx", r))
                        .orElse("plumb / sqlite3 not measured")
                + ", "
                + pairedFlyway
                        .map(r -> String.format(Locale.ROOT, "plumb / flyway = %.2fx", r))
                        .orElse("plumb / flyway not measured"));
        out.println("plain java -jar, without the launcher's JVM options (no target): "
                + ratio("plumb / sqlite3", plainJar, floor) + ", " + ratio("plumb / flyway", plainJar, flyway));
        out.println("without JVM start-up (no target): "
                + ratio("plumb in process / sqlite3", warm, floor) + ", "
                + ratio("plumb in process / flyway", warm, flyway));
    }

    private static String target(
            String name, Optional<Double> mine, Optional<Double> theirs, double limit, boolean inclusive) {
        if (mine.isEmpty() || theirs.isEmpty()) {
            return String.format(
                    Locale.ROOT,
                    "%s: not measured (a leg failed; see below), target %s %.1fx",
                    name,
                    inclusive ? "<=" : "<",
                    limit);
        }
        double ratio = mine.get() / theirs.get();
        boolean met = inclusive ? ratio <= limit : ratio < limit;
        return String.format(
                Locale.ROOT,
                "%s = %.2fx (target %s %.1fx): %s",
                name,
                ratio,
                inclusive ? "<=" : "<",
                limit,
                met ? "met" : "MISSED");
    }

    private static String ratio(String name, Optional<Double> mine, Optional<Double> theirs) {
        if (mine.isEmpty() || theirs.isEmpty()) {
            return name + " not measured";
        }
        return String.format(Locale.ROOT, "%s = %.2fx", name, mine.get() / theirs.get());
    }

    private String machine() {
        return String.format(
                Locale.ROOT,
                "%d cores (load average %.1f at the end), %s %s, sqlite3 %s, sqlite-jdbc's SQLite %s, Flyway %s",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                sqlite3Version(),
                jdbcSqliteVersion(),
                flywayVersion());
    }

    private String sqlite3Version() {
        try {
            Process process = new ProcessBuilder(sqlite3.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            int space = version.indexOf(' ');
            return space > 0 ? version.substring(0, space) : version;
        } catch (IOException e) {
            return "(not found: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String jdbcSqliteVersion() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    private static String flywayVersion() {
        try (var in =
                MigrateReport.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            if (in == null) {
                return "(unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown)");
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }
}
