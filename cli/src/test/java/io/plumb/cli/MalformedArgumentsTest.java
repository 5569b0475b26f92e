package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gives the command line malformed arguments: URLs of every scheme, durations, numbers, {@code --var} values,
 * {@code --format} templates and regular expressions, by hand and cut short at every character of a valid one.
 * Every run must fail with exit code 1 or 2 and one clean message, as {@link BadInputOracle} checks, without the
 * password of any URL.
 */
class MalformedArgumentsTest {

    private static final String SECRET = "S3cretPW";
    private static final String DEV = "sqlite://dev?mode=memory";

    @TempDir
    Path dir;

    @BeforeEach
    void workspace() throws IOException {
        Files.writeString(
                dir.resolve("schema.hcl"),
                "schema \"main\" {}\ntable \"t\" {\n  schema = schema.main\n"
                        + "  column \"id\" {\n    type = integer\n  }\n}\n");
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/1_t.sql"), "CREATE TABLE t (id integer);\n");
        Files.writeString(dir.resolve("s.txtar"), "exists schema.hcl\n-- schema.hcl --\nx\n");
        assertThat(CliRun.of(dir, dir, "migrate", "hash").exitCode()).isZero();
    }

    /** URLs that must be refused, each with the password that must not be printed. */
    static final List<String> URLS = List.of(
            "",
            " ",
            "nope",
            "://x",
            "sqlite://",
            "sqlite:///nonexistent/dir/x.db",
            "sqlite://x.db?mode=bogus",
            "postgres://",
            "postgres://u:" + SECRET + "@:notaport/db",
            "postgres://u:" + SECRET + "@localhost:99999/db",
            "postgres://u:" + SECRET + "@localhost:-1/db",
            "postgres://u:" + SECRET + "@[::1/db",
            "postgres://u:" + SECRET + "@h%zz/db",
            "postgres://u:S3cr%zzetPW@localhost:1/db",
            "postgres://u@localhost:1/db?password=" + SECRET + "&sslmode=bogus",
            "mysql://u:" + SECRET + "@localhost:1/db?x=%",
            "maria://u:" + SECRET + "@",
            "mariadb://:" + SECRET + "@localhost:1",
            "embedded://",
            "embedded://postgres/",
            "embedded://postgres/x",
            "embedded://oracle/1",
            "docker://",
            "docker://nope/1",
            "docker://postgres/",
            "http://x",
            "env://x",
            "file://",
            "file://missing.hcl",
            "file://migrations/1_t.sql?format=x",
            "mem://");

    @TestFactory
    Stream<DynamicTest> badUrlsAreRefusedCleanly() {
        List<List<String>> runs = new ArrayList<>();
        for (String url : URLS) {
            runs.add(List.of("schema", "inspect", "--url", url));
            runs.add(List.of("migrate", "status", "--url", url));
            runs.add(List.of("schema", "inspect", "--url", "file://schema.hcl", "--dev-url", url));
        }
        for (String url : List.of("file://", "file://nope", "file://migrations?format=nope", "x://y")) {
            runs.add(List.of("migrate", "validate", "--dir", url));
        }
        return runs.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> refused(args)));
    }

    @TestFactory
    Stream<DynamicTest> badFlagValuesAreRefusedCleanly() {
        List<List<String>> runs = new ArrayList<>();
        for (String duration : List.of(
                "", "1", "1x", "-1s", "s", "1.5.5s", "999999999999999999999h", "9223372036854775807h", "NaN", "1 s")) {
            runs.add(List.of("script", "run", "--timeout=" + duration, "s.txtar"));
        }
        for (String n : List.of("", "-1", "x", "99999999999999999999", "1.5")) {
            runs.add(List.of("script", "run", "-p", n, "s.txtar"));
            runs.add(List.of("migrate", "lint", "--dev-url", DEV, "--latest", n));
            runs.add(List.of("migrate", "apply", "--url", "sqlite://app.db", n));
        }
        for (String regex : List.of("(", "[", "a{99999999999}", "\\")) {
            runs.add(List.of("script", "run", "--run", regex, "s.txtar"));
            runs.add(List.of("schema", "test", "--url", "file://schema.hcl", "--dev-url", DEV, "--run", regex));
        }
        for (String var : List.of("x", "=1", "a", ",", "a=1,=2")) {
            runs.add(List.of("schema", "inspect", "--url", "file://schema.hcl", "--dev-url", DEV, "--var", var));
        }
        for (String format : List.of(
                "{{",
                "{{ .Nope }}",
                "{{ json }}",
                "{{ sql . 1 2 3 }}",
                "{{ template \"x\" }}",
                "{{ range }}",
                "{{ end }}",
                "{{ if }}{{ end }}",
                "{{ .Files | nofunc }}",
                "{{ index . 99 }}",
                "{{ define \"x\" }}",
                "{{/* x",
                "{{ \"unterminated }}")) {
            runs.add(List.of("schema", "inspect", "--url", "file://schema.hcl", "--dev-url", DEV, "--format", format));
            runs.add(List.of("migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", format));
        }
        runs.add(List.of("schema", "inspect", "--url", "file://schema.hcl", "--dev-url", DEV, "--format", "yaml"));
        runs.add(List.of("migrate", "new", "a/b"));
        runs.add(List.of("migrate", "new", "../escape"));
        runs.add(List.of("migrate", "set", "--url", "sqlite://app.db", "no-such-version"));
        runs.add(List.of("schema", "apply", "--url", "sqlite://app.db", "--to", "file://schema.hcl", "--tx-mode", "x"));
        runs.add(List.of("migrate", "apply", "--url", "sqlite://app.db", "--tx-mode", "bogus"));
        runs.add(List.of("migrate", "apply", "--url", "sqlite://app.db", "--baseline", "nope"));
        runs.add(List.of("script", "run", "--dialect", "oracle", "s.txtar"));
        runs.add(List.of("script", "run", "missing.txtar"));
        runs.add(List.of("schema", "test", "--url", "file://schema.hcl", "--dev-url", DEV, "missing.test.hcl"));
        runs.add(List.of("schema", "inspect", "--env", "nope"));
        runs.add(List.of("schema", "inspect", "--config", "file://missing.hcl", "--env", "x"));
        runs.add(List.of("schema", "inspect", "--config", "missing.hcl"));
        return runs.stream().map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> refused(args)));
    }

    /** A valid template and URL, cut short at every character: each prefix must fail or pass without a crash. */
    @TestFactory
    Stream<DynamicTest> truncatedArgumentsNeverCrash() {
        List<List<String>> runs = new ArrayList<>();
        String template = "{{ range $i, $f := .Files }}{{ if $i }},{{ end }}{{ printf \"%q\" $f.Name }}{{ end }}";
        for (int i = 1; i < template.length(); i++) {
            runs.add(List.of(
                    "migrate", "lint", "--dev-url", DEV, "--latest", "1", "--format", template.substring(0, i)));
        }
        String url = "postgres://u:" + SECRET + "@127.0.0.1:1/db?sslmode=disable&search_path=public";
        for (int i = 1; i < url.length(); i++) {
            runs.add(List.of("migrate", "status", "--url", url.substring(0, i)));
        }
        return runs.stream()
                .map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
                    CliRun run = CliRun.of(dir, Map.of("TMPDIR", dir.toString()), args.toArray(String[]::new));
                    assertThat(BadInputOracle.problems(run, "", "", false, false, List.of(SECRET, "3cret")))
                            .as("plumb %s\n%s%s", String.join(" ", args), run.out(), run.err())
                            .isEmpty();
                }));
    }

    private void refused(List<String> args) {
        CliRun run = CliRun.of(dir, Map.of("TMPDIR", dir.toString()), args.toArray(String[]::new));
        List<String> problems =
                new ArrayList<>(BadInputOracle.problems(run, "", "", true, false, List.of(SECRET, "3cret", "S3cr%zz")));
        if (run.exitCode() == 2 && run.err().lines().findFirst().orElse("").isBlank()) {
            problems.add("a usage error without its message first");
        }
        assertThat(problems)
                .as("plumb %s (exit %d)\n%s%s", String.join(" ", args), run.exitCode(), run.out(), run.err())
                .isEmpty();
    }
}
