package io.plumb.engine.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.TestDialect;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the lint cases under {@code testdata/lint}: each is a txtar archive of migration files whose expected
 * diagnostics are written inline, as {@code -- expect: CODE text} comment lines above the statement that causes
 * them. The archive's comment names the dialects the case runs on ({@code dialects: sqlite postgres mariadb}), how
 * many files are new ({@code latest: N}, 1 by default), the files expected to fail ({@code fails: 2.sql}) and,
 * optionally, a {@code lint.hcl} section holds a {@code lint {}} block. A file without expectations must have no
 * diagnostics: every case is a positive and a negative one at once.
 */
class LintCasesTest {

    private static final Path CASES = Path.of("src/test/resources/testdata/lint");
    private static final String EXPECT = "-- expect: ";

    @TempDir
    Path dir;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CASES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txtar")).sorted().toList()) {
                Archive archive = Txtar.parse(Files.readString(file));
                for (String dialect : header(archive, "dialects", "sqlite").split("\\s+")) {
                    cases.add(Arguments.of(
                            file.getFileName().toString(), TestDialect.valueOf(dialect.toUpperCase(Locale.ROOT))));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedDiagnostics(String name, TestDialect dialect) throws IOException {
        Archive archive = Txtar.parse(Files.readString(CASES.resolve(name)));
        List<MigrationFile> files = new ArrayList<>();
        for (ArchiveFile file : archive.files()) {
            if (file.name().startsWith("migrations/")) {
                files.add(new MigrationFile(
                        file.name().substring("migrations/".length()),
                        file.data().getBytes(StandardCharsets.UTF_8)));
            }
        }
        LintConfig config = archive.file("lint.hcl")
                .map(f -> LintConfigs.parse(f.data(), "lint.hcl"))
                .orElse(LintConfig.NONE);
        int latest = Integer.parseInt(header(archive, "latest", "1"));
        LintReport report;
        if (dialect == TestDialect.SQLITE) {
            try (Database dev = Database.open("sqlite://file:" + dir.resolve("dev.db") + "?_fk=1", dir)) {
                report = new Linter(dev, config).lint(files, ChangeDetector.latest(latest));
            }
        } else {
            try (IsolatedDatabase db = dialect.fresh()) {
                report = new Linter(db.database(), config).lint(files, ChangeDetector.latest(latest));
            }
        }
        assertThat(report.steps()).allSatisfy(s -> assertThat(s.error()).isEmpty());
        List<String> actual = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (Report r : file.reports()) {
                for (Diagnostic d : r.diagnostics()) {
                    actual.add(file.name() + ":" + file.line(d.pos()) + ": " + d.code() + " " + d.text());
                }
            }
            if (file.hasError()) {
                failing.add(file.name());
            }
        }
        List<String> expected = new ArrayList<>();
        for (MigrationFile file : files.subList(Math.max(0, files.size() - latest), files.size())) {
            expected.addAll(expectations(file));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        String fails = header(archive, "fails", "");
        assertThat(failing).containsExactlyElementsOf(fails.isEmpty() ? List.of() : List.of(fails.split("\\s+")));
    }

    // Each "-- expect: CODE text" line is the expectation of the statement on the next line that is not a comment.
    private static List<String> expectations(MigrationFile file) {
        String[] lines = file.text().split("\n", -1);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith(EXPECT)) {
                continue;
            }
            int target = i + 1;
            while (target < lines.length && (lines[target].startsWith("--") || lines[target].isBlank())) {
                target++;
            }
            expected.add(file.name() + ":" + (target + 1) + ": "
                    + lines[i].substring(EXPECT.length()).strip());
        }
        return expected;
    }

    private static String header(Archive archive, String key, String fallback) {
        for (String line : archive.comment().split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).strip();
            }
        }
        return fallback;
    }
}
