package io.plumb.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * {@code MigrateBench} measures {@code plumb migrate apply} on a directory of 1,000 generated migration files (about
 * three statements each) against a fresh SQLite database file, beside two baselines that apply the same statements:
 * one {@code sqlite3} shell process (the floor) and Flyway (the usual Java choice). Every leg runs five rounds (by default),
 * each on a new database file; the bench prints the median and minimum wall time per leg, the ratios to the floor,
 * and the two targets (Plumb within 1.5x of {@code sqlite3}, faster than Flyway). It fails loudly when two
 * legs leave different schemas or row counts, since their times would then not compare.
 */
public final class MigrateBench {

    private static final long SEED = 20_241_121L;

    private MigrateBench() {}

    /**
     * Runs the benchmark; the optional arguments are the number of files (default 1,000) and of rounds (5). System
     * properties: {@code plumb.bench.workRoot} (where the files and databases go), {@code plumb.bench.sqlite3} (the
     * shell, default {@code sqlite3} on the PATH), {@code plumb.bench.jar} (default {@code cli/target/plumb.jar}).
     */
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Math.max(1, Integer.parseInt(args[1])) : 5;
        discardJavaLoggingOutput();
        Path work = Files.createTempDirectory(workRoot(), "plumb-migrate-bench");
        try {
            MigrationWorkload workload = MigrationWorkload.generate(files, SEED);
            List<MigrateLeg> legs = prepare(workload, work);
            MigrateResults results = new MigrateResults(legs);
            warmUp(legs, work, results);
            for (int round = 1; round <= rounds; round++) {
                for (MigrateLeg leg : legs) {
                    runRound(leg, work.resolve("round" + round + "-" + legs.indexOf(leg) + ".db"), results);
                }
            }
            new MigrateReport(workload, rounds, results, sqlite3()).print(System.out);
            if (!results.failures().isEmpty()) {
                System.exit(1);
            }
        } finally {
            delete(work);
        }
    }

    private static List<MigrateLeg> prepare(MigrationWorkload workload, Path work) throws IOException {
        Path plumbDir = work.resolve("plumb");
        Path flywayDir = work.resolve("flyway");
        Path script = work.resolve("all.sql");
        workload.writePlumbDir(plumbDir);
        workload.writeFlywayDir(flywayDir);
        workload.writeSqlite3Script(script);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = Path.of(System.getProperty("plumb.bench.jar", "cli/target/plumb.jar"))
                .toAbsolutePath();
        return List.of(
                new Sqlite3Leg(sqlite3(), script, work.resolve("sqlite3.log")),
                new PlumbLauncherLeg(Path.of("plumb").toAbsolutePath(), plumbDir, work.resolve("plumb-launcher.log")),
                new PlumbProcessLeg(java, jar, plumbDir, work.resolve("plumb.log")),
                new PlumbInProcessLeg(plumbDir, work),
                new FlywayLeg(flywayDir, workload.migrations().size()));
    }

    /** Runs each in-process leg once, untimed, so that its rounds measure warm code as a long-lived JVM runs it. */
    private static void warmUp(List<MigrateLeg> legs, Path work, MigrateResults results) throws IOException {
        for (MigrateLeg leg : legs) {
            if (leg instanceof PlumbInProcessLeg || leg instanceof FlywayLeg) {
                Path database = work.resolve("warmup-" + legs.indexOf(leg) + ".db");
                try {
                    leg.apply(database);
                } catch (LegFailure e) {
                    results.fail(leg, e);
                }
                deleteDatabase(database);
            }
        }
    }

    private static void runRound(MigrateLeg leg, Path database, MigrateResults results)
            throws IOException, SQLException {
        if (results.hasFailed(leg)) {
            return;
        }
        deleteDatabase(database);
        long start = System.nanoTime();
        try {
            leg.apply(database);
        } catch (LegFailure e) {
            results.fail(leg, e);
            deleteDatabase(database);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        SchemaFingerprint fingerprint = SchemaFingerprint.read(database);
        deleteDatabase(database);
        Optional<String> difference = results.record(leg, seconds, fingerprint);
        if (difference.isPresent()) {
            throw new IllegalStateException("unfair comparison: " + leg.name() + " left a different database than "
                    + results.referenceLeg() + ": " + difference.get());
        }
    }

    /**
     * Sends java.util.logging output, where Flyway logs a line per migration by default, to a discarding stream: the
     * records are still formatted, as Flyway's default costs, but do not flood the terminal, just as the process
     * legs' output goes to a log file.
     */
    private static void discardJavaLoggingOutput() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        StreamHandler discard = new StreamHandler(OutputStream.nullOutputStream(), new SimpleFormatter());
        discard.setLevel(Level.INFO);
        root.addHandler(discard);
    }

    private static Path workRoot() {
        String root = System.getProperty("plumb.bench.workRoot");
        return Path.of(root != null ? root : System.getProperty("java.io.tmpdir"));
    }

    private static Path sqlite3() {
        return Path.of(System.getProperty("plumb.bench.sqlite3", "sqlite3"));
    }

    private static void deleteDatabase(Path database) throws IOException {
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
