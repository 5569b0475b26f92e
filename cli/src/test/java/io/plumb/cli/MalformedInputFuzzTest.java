package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds every input format the command line reads (the seeds under {@code testdata/badinput}) mechanically broken
 * variants: truncated at token boundaries, tokens deleted, duplicated, swapped, hostile snippets inserted, and the
 * whole-file variants of {@link Mutations}. Each run must end the way {@link BadInputOracle} demands, and a failed
 * run must leave the work directory as it found it (database files aside). The seed is fixed, so a failure is
 * reproducible; it prints the variant, the file and the output.
 */
class MalformedInputFuzzTest {

    /**
     * The fixed seed; {@code -Dplumb.fuzz.seed=N} explores others (never change it to make a failure go away: fix
     * the failure and keep its variant as a focused test).
     */
    static final long SEED = Long.getLong("plumb.fuzz.seed", 20261207L);

    /** Token-level variants per seed ({@code -Dplumb.fuzz.count=N} for more), and truncations per seed. */
    static final int TOKEN_VARIANTS = Integer.getInteger("plumb.fuzz.count", 16);

    static final int TRUNCATIONS = 6;

    /** The seeds that start a server and so get fewer variants. */
    static final int SERVER_VARIANTS = 8;

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everySeedSurvivesItsVariants() throws IOException, URISyntaxException {
        URL testdata = Objects.requireNonNull(getClass().getResource("/testdata/badinput"), "testdata/badinput");
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of(testdata.toURI()))) {
            seeds = files.filter(p -> p.toString().endsWith(".txtar")).sorted().toList();
        }
        assertThat(seeds).isNotEmpty();
        return seeds.stream()
                .map(seed -> DynamicTest.dynamicTest(seed.getFileName().toString(), seed.toUri(), () -> {
                    fuzz(FuzzSeed.read(seed));
                }));
    }

    private void fuzz(FuzzSeed seed) throws IOException {
        Path base = work.resolve(seed.name() + "-base");
        prepare(base, seed, null);
        String text = Files.readString(base.resolve(seed.mutate()));
        boolean server = String.join(" ", seed.args()).contains("embedded://");
        Random random = new Random(SEED ^ seed.name().hashCode());
        List<Mutations.Variant> variants = new ArrayList<>(Mutations.wholeFile(text));
        variants.addAll(Mutations.truncations(text, server ? SERVER_VARIANTS / 2 : TRUNCATIONS));
        variants.addAll(Mutations.tokenLevel(
                text, random, server ? Math.min(SERVER_VARIANTS, TOKEN_VARIANTS) : TOKEN_VARIANTS));
        CliRun valid = CliRun.of(base, environment(base), seed.args().toArray(String[]::new));
        assertThat(valid.exitCode())
                .as("the seed itself must pass:\n%s\n%s", valid.out(), valid.err())
                .isZero();

        List<String> failures = new ArrayList<>();
        int failed = 0;
        int unpositioned = 0;
        for (int i = 0; i < variants.size(); i++) {
            Mutations.Variant variant = variants.get(i);
            Path dir = work.resolve(seed.name() + "-" + i);
            List<String> problems = new ArrayList<>();
            prepare(dir, seed, variant, problems);
            Map<String, String> before = snapshot(dir);
            CliRun run = CliRun.of(dir, environment(dir), seed.args().toArray(String[]::new));
            String content = new String(variant.bytes(), StandardCharsets.UTF_8);
            problems.addAll(
                    BadInputOracle.problems(run, seed.mutate(), content, variant.invalid(), seed.report(), List.of()));
            if (run.exitCode() != 0) {
                failed++;
                // Only a file that is missing or a directory has no position to name.
                if (BadInputOracle.namesFileWithoutPosition(run, seed.mutate())) {
                    unpositioned++;
                    if (!variant.name().equals(Mutations.DIRECTORY)
                            && !variant.name().equals(Mutations.MISSING)) {
                        problems.add("names the file without a line and column");
                    }
                }
                Map<String, String> after = snapshot(dir);
                if (seed.rewrites()) {
                    // Update mode keeps the updates made before a failure: the script is rewritten whole.
                    if (!Objects.equals(before.get(seed.mutate()), after.get(seed.mutate()))) {
                        problems.addAll(rewriteProblems(dir, seed));
                    }
                    before.remove(seed.mutate());
                    after.remove(seed.mutate());
                }
                if (!before.equals(after)) {
                    problems.add("a failed run changed the directory: " + changes(before, after));
                }
            }
            if (!problems.isEmpty()) {
                failures.add(describe(seed, variant, content, run, problems));
            }
        }
        System.out.printf(
                "badinput %s: %d variants, %d refused, %d named the file without a position, %d problems%n",
                seed.name(), variants.size(), failed, unpositioned, failures.size());
        assertThat(failures)
                .as("%d of %d variants of %s", failures.size(), variants.size(), seed.name())
                .isEmpty();
    }

    /** Writes the seed's files into {@code dir}, the variant in place of the mutated file, and rehashes. */
    private void prepare(Path dir, FuzzSeed seed, Mutations.@org.jspecify.annotations.Nullable Variant variant)
            throws IOException {
        prepare(dir, seed, variant, new ArrayList<>());
    }

    private void prepare(
            Path dir,
            FuzzSeed seed,
            Mutations.@org.jspecify.annotations.Nullable Variant variant,
            List<String> problems)
            throws IOException {
        Files.createDirectories(dir);
        for (ArchiveFile file : seed.files()) {
            Path path = dir.resolve(file.name());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.data());
        }
        boolean sumMutated = seed.mutate().endsWith("atlas.sum");
        if (sumMutated) {
            rehash(dir, seed, problems);
        }
        if (variant != null) {
            Path mutated = dir.resolve(seed.mutate());
            if (variant.name().equals(Mutations.DIRECTORY)) {
                Files.deleteIfExists(mutated);
                Files.createDirectories(mutated);
            } else if (variant.name().equals(Mutations.MISSING)) {
                Files.deleteIfExists(mutated);
            } else {
                Files.write(mutated, variant.bytes());
            }
        }
        if (!sumMutated) {
            rehash(dir, seed, problems);
        }
    }

    // Rehashing is itself a command under test: a refused hash must say why cleanly and leave atlas.sum alone.
    private void rehash(Path dir, FuzzSeed seed, List<String> problems) throws IOException {
        if (seed.rehash().isEmpty()) {
            return;
        }
        Map<String, String> before = snapshot(dir);
        CliRun run = CliRun.of(
                dir,
                environment(dir),
                "migrate",
                "hash",
                "--dir",
                "file://" + seed.rehash().get());
        String content = Files.isRegularFile(dir.resolve(seed.mutate()))
                ? Files.readString(dir.resolve(seed.mutate()), StandardCharsets.ISO_8859_1)
                : "";
        for (String problem : BadInputOracle.problems(run, seed.mutate(), content, false, false, List.of())) {
            problems.add("migrate hash: " + problem);
        }
        if (run.exitCode() != 0 && !before.equals(snapshot(dir))) {
            problems.add("migrate hash: a failed run changed the directory: " + changes(before, snapshot(dir)));
        }
    }

    // A rewritten script must still be a txtar archive that parses, not a half-written one.
    private static List<String> rewriteProblems(Path dir, FuzzSeed seed) throws IOException {
        Path file = dir.resolve(seed.mutate());
        if (!Files.isRegularFile(file) || !seed.mutate().endsWith(".txtar")) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            return List.of("a rewritten " + seed.mutate() + " does not end with a newline");
        }
        try {
            Txtar.parse(text);
        } catch (RuntimeException e) {
            return List.of("a rewritten " + seed.mutate() + " does not parse: " + e.getMessage());
        }
        return List.of();
    }

    // The work directory as TMPDIR, and the PATH that scripts' exec needs.
    private static Map<String, String> environment(Path dir) {
        return Map.of("TMPDIR", dir.toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** Returns the files under {@code dir} with their content, database files and work directories aside. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String name = dir.relativize(p).toString();
                if (!name.matches(".*\\.db(-journal|-wal|-shm)?|.*\\.lock|plumb.*/.*")) {
                    try {
                        files.put(name, Arrays.toString(Files.readAllBytes(p)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String name : after.keySet()) {
            if (!before.containsKey(name)) {
                changed.add("+" + name);
            } else if (!before.get(name).equals(after.get(name))) {
                changed.add("~" + name);
            }
        }
        for (String name : before.keySet()) {
            if (!after.containsKey(name)) {
                changed.add("-" + name);
            }
        }
        return String.join(" ", changed);
    }

    private static String describe(
            FuzzSeed seed, Mutations.Variant variant, String content, CliRun run, List<String> problems) {
        String shown = content.length() > 2000 ? content.substring(0, 2000) + "...(cut)" : content;
        return "\n=== " + seed.name() + ": " + variant.name() + "\n--- problems: " + String.join("; ", problems)
                + "\n--- plumb " + String.join(" ", seed.args()) + " (exit " + run.exitCode() + ")\n--- stderr:\n"
                + cut(run.err()) + "\n--- stdout:\n" + cut(run.out()) + "\n--- " + seed.mutate() + ":\n" + shown;
    }

    private static String cut(String s) {
        return s.length() > 1500 ? s.substring(0, 1500) + "...(cut)" : s;
    }
}
