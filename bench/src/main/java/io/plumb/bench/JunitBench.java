package io.plumb.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.devdb.Isolation;
import io.plumb.engine.migrate.MigrationDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code JunitBench} runs TESTS JUnit tests that each start from a migrated database of TABLES tables, three ways,
 * through the JUnit launcher as a build would: with {@code @PlumbDatabase} (a clone of a snapshot migrated once per
 * run), with a fresh database migrated by Flyway before each test, and with one database migrated by Flyway before
 * the test class and shared by its tests (no isolation between them). It prints, per dialect, the median time of one
 * test (from the launcher's start and finish events, so database set-up and clean-up in the test's lifecycle count)
 * and the whole run, side by side. Every test must pass, or the bench stops with an error.
 */
public final class JunitBench {

    /** The table the tests write, in the middle of the schema. */
    static final String PROBE = "t_50";

    private static final int TABLES_PER_FILE = 10;

    private JunitBench() {}

    /**
     * Runs the benchmark; optional arguments: the number of tests (default 500), of tables (default 100), and a
     * comma-separated list of dialects ({@code sqlite,postgres}, the default; {@code mariadb} too).
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private record Leg(String name, Class<?> tests) {}

    private record Result(String leg, double medianMillis, double wholeSeconds, int tests) {}

    private static void run(String[] args) throws IOException {
        int tests = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> dialects = List.of((args.length > 2 ? args[2] : "sqlite,postgres").split(","));
        writeMigrations(Path.of(JunitBenchTests.DIR), tables);
        System.out.printf(
                "%d tests, each from a database of %d tables (%d Flyway-format files)%n%n",
                tests, tables, (tables + TABLES_PER_FILE - 1) / TABLES_PER_FILE);
        System.out.printf("%-10s %-28s %16s %14s%n", "dialect", "leg", "median per test", "whole run");
        List<Leg> legs = List.of(
                new Leg("@PlumbDatabase (clone)", JunitBenchTests.PlumbTests.class),
                new Leg("Flyway per test class", JunitBenchTests.FlywayPerClass.class),
                new Leg("Flyway per test", JunitBenchTests.FlywayPerTest.class));
        for (String dialect : dialects) {
            String devUrl =
                    switch (dialect.trim()) {
                        case "postgres" -> EmbeddedServers.postgres();
                        case "mariadb" -> EmbeddedServers.mariadb();
                        default -> "sqlite://bench?mode=memory";
                    };
            // The server starts untimed, as it would before a build's first test.
            Isolation.open(devUrl, Path.of("")).close();
            JunitBenchTests.devUrl = devUrl;
            // Warm-up: each leg once with a few tests, so that the timed runs do not measure class loading.
            JunitBenchTests.tests = 5;
            for (Leg leg : legs) {
                launch(leg, devUrl);
            }
            JunitBenchTests.tests = tests;
            for (Leg leg : legs) {
                Result result = launch(leg, devUrl);
                System.out.printf(
                        "%-10s %-28s %13.1f ms %12.1f s%n",
                        dialect, leg.name(), result.medianMillis(), result.wholeSeconds());
            }
        }
    }

    private static Result launch(Leg leg, String devUrl) {
        Map<String, Long> started = new ConcurrentHashMap<>();
        List<Long> durations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    started.put(id.getUniqueId(), System.nanoTime());
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(
                            null,
                            id.getDisplayName() + ": "
                                    + result.getThrowable()
                                            .map(Throwable::toString)
                                            .orElse("?"));
                }
                Long start = started.remove(id.getUniqueId());
                if (id.isTest() && start != null) {
                    durations.add(System.nanoTime() - start);
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(leg.tests()))
                .configurationParameter("plumb.test.dev-url", devUrl)
                .build();
        Launcher launcher = LauncherFactory.create();
        long start = System.nanoTime();
        launcher.execute(request, listener);
        double whole = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0 || durations.size() != JunitBenchTests.tests) {
            throw new IllegalStateException(leg.name() + ": " + failed.get() + " failed, " + durations.size() + " of "
                    + JunitBenchTests.tests + " ran; first failure: " + firstFailure.get());
        }
        List<Long> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2) / 1e6;
        return new Result(leg.name(), median, whole, sorted.size());
    }

    /** Writes TABLES tables as Flyway-format files of ten tables each, with the {@code atlas.sum} Plumb checks. */
    static void writeMigrations(Path dir, int tables) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        int file = 0;
        for (int first = 1; first <= tables; first += TABLES_PER_FILE) {
            file++;
            StringBuilder sql = new StringBuilder();
            for (int i = first; i < first + TABLES_PER_FILE && i <= tables; i++) {
                sql.append("CREATE TABLE t_")
                        .append(i)
                        .append(" (\n")
                        .append("  id integer NOT NULL PRIMARY KEY,\n")
                        .append("  name varchar(100) NOT NULL,\n")
                        .append("  amount numeric(10,2),\n")
                        .append("  created_at timestamp,\n")
                        .append("  ref_id integer\n")
                        .append(");\n")
                        .append("CREATE INDEX t_")
                        .append(i)
                        .append("_name ON t_")
                        .append(i)
                        .append(" (name);\n");
            }
            Files.writeString(dir.resolve("V" + file + "__tables_" + first + ".sql"), sql.toString());
        }
        MigrationDir.open("file://" + dir + "?format=flyway", Path.of("")).rehash();
    }
}
