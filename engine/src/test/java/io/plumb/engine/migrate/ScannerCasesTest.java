package io.plumb.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code testdata/migrate/lex}: the archive comment names the dialect, {@code input.sql} is the
 * file, and either {@code error} holds {@code line:col: detail} or {@code statements} holds the statements joined
 * by {@code -- end --} lines (each a txtar marker, so the statements after the first are files named {@code end}).
 * Optional {@code positions} ({@code line:col} per statement) and {@code comments} ({@code N: comment} per comment
 * line of the N-th statement) pin the rest.
 */
class ScannerCasesTest {

    private static final String DIR = "/testdata/migrate/lex";

    @TestFactory
    Stream<DynamicTest> scansEveryCase() throws IOException, URISyntaxException {
        URL url = Objects.requireNonNull(ScannerCasesTest.class.getResource(DIR), DIR);
        List<Path> cases;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            cases = files.filter(f -> f.toString().endsWith(".txtar")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream()
                .map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(), file.toUri(), () -> run(Files.readString(file))));
    }

    private static void run(String data) {
        Archive archive = Txtar.parse(data);
        ScannerOptions options = ScannerOptions.forDialect(dialect(archive.comment()));
        String input = section(archive, "input.sql").orElseThrow();
        Optional<String> error = section(archive, "error");
        if (error.isPresent()) {
            assertThatThrownBy(() -> StatementScanner.scan(input, options))
                    .isInstanceOf(ScanException.class)
                    .hasMessage(error.get().strip());
            return;
        }
        List<Statement> statements = StatementScanner.scan(input, options);
        assertThat(statements).extracting(Statement::text).containsExactlyElementsOf(expectedStatements(archive));
        section(archive, "positions").ifPresent(p -> assertThat(statements)
                .extracting(s -> s.line() + ":" + s.column())
                .containsExactlyElementsOf(p.lines().toList()));
        section(archive, "comments").ifPresent(c -> assertThat(comments(statements))
                .containsExactlyElementsOf(c.lines().toList()));
    }

    private static String dialect(String comment) {
        return comment.lines()
                .filter(l -> l.startsWith("dialect:"))
                .map(l -> l.substring("dialect:".length()).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("case without a dialect: line"));
    }

    private static List<String> expectedStatements(Archive archive) {
        List<String> expected = new ArrayList<>();
        boolean inStatements = false;
        for (ArchiveFile file : archive.files()) {
            if (file.name().equals("statements")) {
                inStatements = true;
                if (!file.data().isEmpty()) {
                    expected.add(withoutFinalNewline(file.data()));
                }
            } else if (inStatements && file.name().equals("end")) {
                expected.add(withoutFinalNewline(file.data()));
            } else {
                inStatements = false;
            }
        }
        return expected;
    }

    private static List<String> comments(List<Statement> statements) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            for (String comment : statements.get(i).comments()) {
                lines.add((i + 1) + ": " + comment);
            }
        }
        return lines;
    }

    private static Optional<String> section(Archive archive, String name) {
        return archive.file(name).map(ArchiveFile::data);
    }

    private static String withoutFinalNewline(String data) {
        return data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
    }
}
