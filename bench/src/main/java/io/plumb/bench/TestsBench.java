package io.plumb.bench;

import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.testing.CaseResult;
import io.plumb.engine.testing.CaseStatus;
import io.plumb.engine.testing.SnapshotStats;
import io.plumb.engine.testing.TestBlock;
import io.plumb.engine.testing.TestFile;
import io.plumb.engine.testing.TestRunner;
import io.plumb.engine.testing.TestSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code TestsBench} measures migration tests with snapshots against replaying every case from an empty database,
 * as the reference tool does: it generates a directory of 200 migration files and 50 {@code test "migrate"} cases
 * that each migrate to a random version, seed rows, migrate one to three files further and assert, then runs every
 * case through a fresh {@code TestRunner} in each mode per round, on SQLite: with snapshots and an empty snapshot cache
 * (cold), again with the cache that run filled (as a second run of an unchanged directory), and replaying every case.
 * It prints the wall times and the ratios against the targets (9x cold, 20x with the cache), beside the same
 * statements run with sqlite-jdbc alone ({@link TestsCeiling}), which bound what any tool can gain; and it fails when
 * any case does not pass, since a benchmark of failing tests measures nothing.
 */
public final class TestsBench {

    /** The seed of the workload, printed with the figures so that a run can be repeated. */
    static final long SEED = 20_240_613L;

    static final String DEV_URL = "sqlite://bench?mode=memory";

    private static final String TEST_FILE = "bench.test.hcl";

    private TestsBench() {}

    /**
     * Runs the benchmark; the optional arguments are the number of cases (default 50), of migration files (200) and
     * of rounds (3), timed after untimed warm-up rounds of every mode. System properties: {@code plumb.bench.warmup}
     * sets the number of warm-up rounds (6; a run of the cached mode is short enough for the JIT's compilations to
     * weigh on it for several rounds); {@code plumb.bench.workRoot} moves the generated files;
     * {@code plumb.bench.only} ({@code snapshots}, {@code cached} or {@code replay}) runs one mode and prints no
     * ratio, for profiling it ({@code cached} fills the cache once, untimed, first).
     */
    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int roundCount = args.length > 2 ? Math.max(1, Integer.parseInt(args[2])) : 3;
        int warmups = Integer.getInteger("plumb.bench.warmup", 6);
        String root = System.getProperty("plumb.bench.workRoot", System.getProperty("java.io.tmpdir"));
        String only = System.getProperty("plumb.bench.only", "");
        if (!only.isEmpty() && !only.equals("snapshots") && !only.equals("cached") && !only.equals("replay")) {
            throw new IllegalArgumentException(
                    "plumb.bench.only: expected \"snapshots\", \"cached\" or \"replay\", found \"" + only + "\"");
        }
        Path work = Files.createTempDirectory(Path.of(root), "plumb-tests-bench");
        try {
            TestsWorkload workload = TestsWorkload.generate(files, cases, SEED);
            Path dir = work.resolve("migrations");
            workload.writeDir(dir);
            workload.writeTests(work.resolve(TEST_FILE));
            TestFile file = TestFile.load(work.resolve(TEST_FILE), TEST_FILE, Map.of(), System::getenv);
            TestSetup setup =
                    TestSetup.of(DEV_URL, work).withMigrationDir("file://" + dir.toAbsolutePath(), Optional.empty());
            SnapshotCache cache = new SnapshotCache(
                    work.resolve("snapshot-cache"), SnapshotCache.DEFAULT_MAX_BYTES, System.err::println);
            TestSetup cold = setup.withCache(Optional.of(cache));
            TestsReport report = new TestsReport(workload, System.out);
            report.printWorkload();
            if (only.isEmpty() && warmups > 0) {
                long started = System.nanoTime();
                for (int round = 1; round <= warmups; round++) {
                    cache.clear();
                    run(file, cold, "snapshots");
                    run(file, cold, "cached");
                    run(file, setup.withSnapshots(false), "replay");
                    TestsCeiling.measure(workload);
                }
                report.printWarmup(warmups, (System.nanoTime() - started) / 1e9);
            }
            List<TestsRound> rounds = new ArrayList<>();
            List<TestsCeiling> ceilings = new ArrayList<>();
            for (int round = 1; round <= roundCount; round++) {
                // Alternating which mode goes first spreads the JIT's warm-up and the machine's moods over both.
                boolean snapshotsFirst = round % 2 == 1;
                if (!only.isEmpty()) {
                    // The cached mode fills the cache once, before its first round; the others start empty.
                    if (!only.equals("cached") || round == 1) {
                        cache.clear();
                    }
                    if (only.equals("cached") && round == 1) {
                        run(file, cold, "snapshots");
                    }
                    TestSetup one = only.equals("replay") ? setup.withSnapshots(false) : cold;
                    report.printRun(round, run(file, one, only));
                    continue;
                }
                TestsRun replay = snapshotsFirst ? null : run(file, setup.withSnapshots(false), "replay");
                // Cold: the cache is empty, and the run pays for filling it.
                cache.clear();
                TestsRun snapshots = run(file, cold, "snapshots");
                TestsRun cached = run(file, cold, "cached");
                if (replay == null) {
                    replay = run(file, setup.withSnapshots(false), "replay");
                }
                TestsRound three = new TestsRound(snapshots, cached, replay);
                rounds.add(three);
                report.printRound(round, three);
                TestsCeiling ceiling = TestsCeiling.measure(workload);
                ceilings.add(ceiling);
                report.printCeiling(ceiling);
            }
            if (!rounds.isEmpty()) {
                report.printSummary(rounds, ceilings);
            }
        } finally {
            delete(work);
        }
    }

    /** Runs every case in order through one runner and times it from creation to close. */
    private static TestsRun run(TestFile file, TestSetup setup, String mode) {
        Duration inCases = Duration.ZERO;
        Duration slowest = Duration.ZERO;
        SnapshotStats stats;
        long start = System.nanoTime();
        try (TestRunner runner = new TestRunner(setup)) {
            for (TestBlock block : file.tests()) {
                for (TestBlock.CaseRef ref : block.cases()) {
                    CaseResult result = runner.run(file, block, ref);
                    requirePass(result, mode);
                    inCases = inCases.plus(result.duration());
                    slowest = result.duration().compareTo(slowest) > 0 ? result.duration() : slowest;
                }
            }
            stats = runner.snapshotStats();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TestsRun(mode, seconds, stats, inCases, slowest);
    }

    private static void requirePass(CaseResult result, String mode) {
        if (result.status() == CaseStatus.PASS) {
            return;
        }
        String why = result.failure()
                .map(f -> f.pos().file() + ":" + f.pos().line() + ": " + f.message()
                        + f.expected().map(e -> " (expected " + e + ")").orElse("")
                        + f.actual().map(a -> " (actual " + a + ")").orElse(""))
                .orElse("no failure given");
        throw new IllegalStateException("case " + result.name() + " with " + mode + ": expected PASS, found "
                + result.status() + ": " + why + "; a benchmark of failing tests measures nothing");
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
