package io.plumb.bench;

import io.plumb.runner.DefaultWorkRoot;
import io.plumb.runner.RunnerOptions;
import io.plumb.runner.ScriptResult;
import io.plumb.runner.ScriptRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code ScriptThroughputBench} runs many small scripts (ten builtin commands each, no external programs) in one
 * JVM and prints scripts per second and the median per-script time next to the targets (500 scripts/s on one
 * thread, 1,000 on two or more), first with the runner's default work root (a tmpfs when one is usable), then with the
 * system temporary directory, the default before, as the baseline.
 *
 * <p>Usage: {@code ScriptThroughputBench [SCRIPTS] [THREADS]}; defaults 1000 scripts on 1 thread, then on as many
 * threads as there are processors.
 */
public final class ScriptThroughputBench {
    /** The target on one thread (issue 6). */
    private static final double TARGET_ONE_THREAD = 500;
    /** The target on two threads or more (issue 18). */
    private static final double TARGET_TWO_THREADS = 1000;
    /** Rounds per configuration; the median round is reported, with the range, since disk speed varies. */
    private static final int ROUNDS = 3;

    private static final String SCRIPT =
            """
            # a small script of builtins
            env GREETING=hello
            exists in.txt
            mkdir sub/dir
            cp in.txt sub/dir/copy.txt
            cmp in.txt sub/dir/copy.txt
            grep '^hello' sub/dir/copy.txt
            cmpenv in.txt want.txt
            mv sub/dir/copy.txt moved.txt
            ! exists sub/dir/copy.txt
            rm sub
            -- in.txt --
            hello world
            -- want.txt --
            $GREETING world
            """;

    private ScriptThroughputBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> threads = args.length > 1 ? List.of(Integer.parseInt(args[1])) : List.of(1, cores);
        Path dir = Files.createTempDirectory("plumb-bench");
        try {
            measure(dir, count, cores, threads);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(Path dir, int count, int cores, List<Integer> threads) throws Exception {
        List<Path> scripts = writeScripts(dir.resolve("small"), count, SCRIPT);
        List<Path> empty = writeScripts(dir.resolve("empty"), count, "env A=b\n");
        String named = System.getProperty("plumb.bench.workRoot");
        // The runner's own choice ($TMPDIR, else a usable tmpfs, else java.io.tmpdir), then the system temporary
        // directory it used before the tmpfs default, as the baseline, when that is another directory.
        Path chosen = named != null ? Path.of(named) : DefaultWorkRoot.choose();
        Path disk = Path.of(System.getProperty("java.io.tmpdir"));
        System.out.printf(
                Locale.ROOT,
                "plumb script runner: %d scripts of 10 builtin commands, %d cores, load average %s%n",
                count,
                cores,
                loadAverage());
        leg(named != null ? "work root named by plumb.bench.workRoot" : "default work root", chosen, scripts, threads);
        if (!chosen.equals(disk)) {
            leg("baseline: the system temporary directory, the default before", disk, scripts, threads);
        }
        try (ScriptRunner runner = new ScriptRunner(RunnerOptions.defaults().withWorkRoot(chosen))) {
            Measurement overhead = run(runner, empty, 1);
            System.out.printf(
                    Locale.ROOT,
                    "runner overhead (one-line script, 1 thread, %s): median %.2f ms per script, %.0f scripts/s%n",
                    chosen,
                    overhead.medianMillis(),
                    overhead.scriptsPerSecond());
        }
        goInternalBaseline(scripts);
    }

    private static void leg(String label, Path workRoot, List<Path> scripts, List<Integer> threads) throws Exception {
        System.out.printf(Locale.ROOT, "%s: %s%n", label, workRoot);
        try (ScriptRunner runner = new ScriptRunner(RunnerOptions.defaults().withWorkRoot(workRoot))) {
            run(runner, scripts.subList(0, Math.min(300, scripts.size())), 1); // warm-up: JIT, class loading
            System.out.printf(
                    Locale.ROOT,
                    "  %-8s %22s %16s %14s %8s%n",
                    "threads",
                    "scripts/s (min-max)",
                    "median/script",
                    "target",
                    "verdict");
            for (int n : threads) {
                List<Measurement> rounds = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    rounds.add(run(runner, scripts, n));
                }
                rounds.sort(java.util.Comparator.comparingDouble(Measurement::scriptsPerSecond));
                Measurement median = rounds.get(ROUNDS / 2);
                double target = n >= 2 ? TARGET_TWO_THREADS : TARGET_ONE_THREAD;
                System.out.printf(
                        Locale.ROOT,
                        "  %-8d %8.0f (%4.0f-%4.0f) %13.2f ms %12.0f/s %8s%n",
                        n,
                        median.scriptsPerSecond(),
                        rounds.get(0).scriptsPerSecond(),
                        rounds.get(ROUNDS - 1).scriptsPerSecond(),
                        median.medianMillis(),
                        target,
                        median.scriptsPerSecond() >= target ? "met" : "MISSED");
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * Runs go-internal's own {@code testscript} command on the same scripts, in one process, when it is installed
     * (on {@code PATH}, or named by {@code -Dplumb.bench.testscript=PATH}), for a reference figure on this machine.
     */
    private static void goInternalBaseline(List<Path> scripts) throws IOException, InterruptedException {
        Path testscript = Optional.ofNullable(System.getProperty("plumb.bench.testscript"))
                .map(Path::of)
                .or(() -> onPath("testscript"))
                .orElse(null);
        if (testscript == null) {
            System.out.println("go-internal testscript: not installed, no baseline figure (see bench/README.md)");
            return;
        }
        List<String> command = new ArrayList<>(List.of(testscript.toString()));
        scripts.forEach(script -> command.add(script.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "go-internal testscript (%s, 1 process, sequential): %.0f scripts/s%s%n",
                testscript,
                scripts.size() / seconds,
                exit == 0 ? "" : " (exit status " + exit + ")");
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private record Measurement(double scriptsPerSecond, double medianMillis) {}

    private static Measurement run(ScriptRunner runner, List<Path> scripts, int threads) throws Exception {
        long[] nanos = new long[scripts.size()];
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ScriptResult>> futures = new ArrayList<>();
            for (Path script : scripts) {
                futures.add(pool.submit(() -> runner.run(script)));
            }
            for (int i = 0; i < futures.size(); i++) {
                ScriptResult result = futures.get(i).get();
                if (!result.isPassed()) {
                    throw new IllegalStateException("benchmark script failed:\n" + result.log());
                }
                nanos[i] = result.duration().toNanos();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        return new Measurement(scripts.size() / seconds, nanos[nanos.length / 2] / 1e6);
    }

    private static List<Path> writeScripts(Path dir, int count, String text) throws IOException {
        Files.createDirectories(dir);
        List<Path> scripts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path script = dir.resolve(String.format(Locale.ROOT, "script%04d.txtar", i));
            Files.writeString(script, text);
            scripts.add(script);
        }
        return scripts;
    }
}
