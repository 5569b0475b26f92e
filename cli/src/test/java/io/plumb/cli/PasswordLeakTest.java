package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.EmbeddedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command that takes a database URL with a distinctive password in every form a URL can carry it, against
 * an unreachable port, a server that accepts and closes, and real PostgreSQL and MariaDB servers that reject the
 * password, and checks that no part of the password reaches standard output, standard error or any file written.
 *
 * <p>Each password holds {@code S3cr} and {@code etPW}; neither may appear anywhere. Every command gets every form;
 * the servers rotate over command and form, and two commands get the whole form-by-server matrix.
 */
class PasswordLeakTest {

    private static final List<String> MARKERS = List.of("S3cr", "etPW");
    private static final String DEV = "sqlite://dev?mode=memory";

    private static @org.jspecify.annotations.Nullable ServerSocket refusing;
    private static @org.jspecify.annotations.Nullable Thread acceptor;

    @TempDir
    static Path work;

    /** Where a URL points: scheme, user that exists there, host:port, database. */
    record Target(String name, String scheme, String user, String hostPort, String database, String extra) {}

    /** A way to carry the password in a URL. */
    record Form(String name, String userInfo, String query) {

        String url(Target t) {
            String user = userInfo.isEmpty() ? "" : userInfo.replace("USER", t.user()) + "@";
            String q = query.replace("USER", t.user());
            String params = Stream.of(q, t.extra())
                    .filter(s -> !s.isEmpty())
                    .reduce((a, b) -> a + "&" + b)
                    .orElse("");
            return t.scheme() + "://" + user + t.hostPort() + "/" + t.database()
                    + (params.isEmpty() ? "" : "?" + params);
        }
    }

    static final List<Form> FORMS = List.of(
            new Form("plain", "USER:S3cretPW", ""),
            new Form("at", "USER:S3cr@etPW", ""),
            new Form("hash", "USER:S3cr#etPW", ""),
            new Form("slash", "USER:S3cr/etPW", ""),
            new Form("question", "USER:S3cr?etPW", ""),
            new Form("percent", "USER:S3cr%etPW", ""),
            new Form("colon", "USER:S3cr:etPW", ""),
            new Form("encoded", "USER:S3cr%40%23%2F%3F%25%3AetPW", ""),
            new Form("query", "USER", "password=S3cretPW"),
            new Form("mysql-query", "", "user=USER&password=S3cr@etPW"));

    static final List<Target> targets = new ArrayList<>();

    @BeforeAll
    static void servers() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServerSocket server = new ServerSocket(0);
        refusing = server;
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    accepted.setSoLinger(true, 0);
                } catch (IOException e) {
                    // The socket was closed by the test.
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        acceptor = thread;
        String refusingAt = "127.0.0.1:" + server.getLocalPort();
        targets.add(new Target("unreachable postgres", "postgres", "u", "127.0.0.1:" + closed, "db", ""));
        targets.add(new Target("refusing postgres", "postgres", "u", refusingAt, "db", "sslmode=disable"));
        targets.add(new Target("refusing mysql", "mysql", "u", refusingAt, "db", ""));
        targets.add(new Target("unreachable maria", "maria", "u", "127.0.0.1:" + closed, "", ""));
        DatabaseUrl pg = DatabaseUrl.parse(EmbeddedServers.postgres());
        targets.add(new Target(
                "postgres, wrong password",
                "postgres",
                pg.user(),
                pg.host() + ":" + pg.port(),
                "postgres",
                "sslmode=disable"));
        DatabaseUrl maria = DatabaseUrl.parse(EmbeddedServers.mariadb());
        targets.add(new Target(
                "mariadb, wrong password", "mariadb", maria.user(), maria.host() + ":" + maria.port(), "", ""));
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (refusing != null) {
            refusing.close();
        }
        if (acceptor != null) {
            acceptor.join(10_000);
        }
    }

    /** The command lines that take a URL, with {@code U} where the URL goes. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("schema", "inspect", "--url", "U"),
            List.of("schema", "inspect", "--url", "U", "--format", "{{ json . }}"),
            List.of("schema", "apply", "--url", "U", "--to", "file://schema.hcl", "--dev-url", DEV, "--auto-approve"),
            List.of("schema", "apply", "--url", "sqlite://t.db", "--to", "file://schema.hcl", "--dev-url", "U"),
            List.of("schema", "apply", "--url", "sqlite://t.db", "--to", "U", "--auto-approve"),
            List.of("schema", "diff", "--from", "U", "--to", "file://schema.hcl", "--dev-url", DEV),
            List.of("schema", "diff", "--from", "sqlite://t.db", "--to", "U"),
            List.of("schema", "diff", "--from", "file://schema.hcl", "--to", "file://schema.hcl", "--dev-url", "U"),
            List.of("schema", "clean", "--url", "U", "--auto-approve"),
            List.of(
                    "schema",
                    "test",
                    "--url",
                    "file://schema.hcl",
                    "--dev-url",
                    "U",
                    "--junit-report",
                    "r1.xml",
                    "s.test.hcl"),
            List.of("schema", "test", "--url", "U", "--dev-url", DEV, "--junit-report", "r2.xml", "s.test.hcl"),
            List.of("migrate", "apply", "--url", "U", "--dir", "file://migrations"),
            List.of("migrate", "apply", "--url", "U", "--dir", "file://migrations", "--format", "{{ json . }}"),
            List.of("migrate", "status", "--url", "U", "--dir", "file://migrations"),
            List.of("migrate", "status", "--url", "U", "--dir", "file://migrations", "--format", "{{ json . }}"),
            List.of("migrate", "set", "--url", "U", "--dir", "file://migrations", "1"),
            List.of(
                    "migrate",
                    "diff",
                    "--dev-url",
                    "U",
                    "--to",
                    "file://schema.hcl",
                    "--dir",
                    "file://migrations",
                    "d"),
            List.of("migrate", "diff", "--dev-url", DEV, "--to", "U", "--dir", "file://migrations", "e"),
            List.of("migrate", "lint", "--dev-url", "U", "--dir", "file://migrations", "--latest", "1"),
            List.of(
                    "migrate",
                    "test",
                    "--dev-url",
                    "U",
                    "--dir",
                    "file://migrations",
                    "--junit-report",
                    "r3.xml",
                    "m.test.hcl"),
            List.of("migrate", "validate", "--dev-url", "U", "--dir", "file://migrations"),
            List.of("schema", "test", "-u", "U"));

    /** The same, with the URLs coming from an env of {@code atlas.hcl}. */
    static final List<List<String>> ENV_COMMANDS = List.of(
            List.of("schema", "inspect"),
            List.of("schema", "apply", "--to", "file://schema.hcl", "--auto-approve"),
            List.of("migrate", "apply"),
            List.of("migrate", "status"),
            List.of("migrate", "lint", "--latest", "1"),
            List.of("migrate", "validate"));

    @BeforeAll
    static void project() throws IOException {
        Files.writeString(
                work.resolve("schema.hcl"),
                """
                schema "main" {}
                table "t" {
                  schema = schema.main
                  column "id" {
                    type = integer
                  }
                }
                """);
        Files.createDirectories(work.resolve("migrations"));
        Files.writeString(work.resolve("migrations/1_init.sql"), "CREATE TABLE t (id integer);\n");
        Files.writeString(
                work.resolve("s.test.hcl"),
                """
                test "schema" "t" {
                  exec {
                    sql = "SELECT 1"
                  }
                }
                """);
        Files.writeString(
                work.resolve("m.test.hcl"),
                """
                test "migrate" "m" {
                  migrate {
                    to = "1"
                  }
                }
                """);
        CliRun hash = CliRun.of(work, work, "migrate", "hash", "--dir", "file://migrations");
        assertThat(hash.exitCode()).as(hash.err()).isZero();
    }

    @Test
    void everyCommandWithEveryFormLeaksNothing() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (int c = 0; c < COMMANDS.size(); c++) {
            for (int f = 0; f < FORMS.size(); f++) {
                Target target = targets.get((c + f) % targets.size());
                leaks.addAll(run(COMMANDS.get(c), FORMS.get(f), target));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyFormAgainstEveryServerLeaksNothing() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Target target : targets) {
            for (Form form : FORMS) {
                leaks.addAll(run(COMMANDS.get(0), form, target));
                leaks.addAll(run(COMMANDS.get(13), form, target));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void urlsFromTheProjectFileLeakNothing() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (int f = 0; f < FORMS.size(); f++) {
            Form form = FORMS.get(f);
            Target target = targets.get(f % targets.size());
            String url = form.url(target);
            Files.writeString(work.resolve("atlas.hcl"), project(url, target));
            for (List<String> command : ENV_COMMANDS) {
                leaks.addAll(check(
                        command + " --env file, " + form.name() + ", " + target.name(), command, "--env", "file"));
                leaks.addAll(check(command + " --env var", command, "--env", "var", "--var", "url=" + url));
                leaks.addAll(
                        check(command + " --env getenv", command, Map.of("PLUMB_LEAK_URL", url), "--env", "getenv"));
                if (form.userInfo().startsWith("USER:")) {
                    String password = form.userInfo().substring("USER:".length());
                    leaks.addAll(check(command + " --env varpw", command, "--env", "varpw", "--var", "pw=" + password));
                }
            }
        }
        Files.delete(work.resolve("atlas.hcl"));
        assertThat(leaks).isEmpty();
    }

    private static String project(String url, Target target) {
        String varpw = target.scheme() + "://" + target.user() + ":${var.pw}@" + target.hostPort() + "/"
                + target.database() + (target.extra().isEmpty() ? "" : "?" + target.extra());
        return """
                variable "url" {
                  type    = string
                  default = "sqlite://unused.db"
                }
                variable "pw" {
                  type    = string
                  default = ""
                }
                env "file" {
                  url = "%1$s"
                  dev = "%1$s"
                  migration {
                    dir = "file://migrations"
                  }
                }
                env "var" {
                  url = var.url
                  dev = var.url
                  migration {
                    dir = "file://migrations"
                  }
                }
                env "getenv" {
                  url = getenv("PLUMB_LEAK_URL")
                  dev = getenv("PLUMB_LEAK_URL")
                  migration {
                    dir = "file://migrations"
                  }
                }
                env "varpw" {
                  url = "%2$s"
                  dev = "%2$s"
                  migration {
                    dir = "file://migrations"
                  }
                }
                """
                .formatted(url, varpw);
    }

    private List<String> run(List<String> command, Form form, Target target) throws IOException {
        String url = form.url(target);
        List<String> args = command.stream().map(a -> a.equals("U") ? url : a).toList();
        return check(String.join(" ", command) + " [" + form.name() + ", " + target.name() + "]", args);
    }

    private List<String> check(String what, List<String> command, String... more) throws IOException {
        return check(what, command, Map.of(), more);
    }

    private List<String> check(String what, List<String> command, Map<String, String> env, String... more)
            throws IOException {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(more));
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("TMPDIR", work.toString());
        CliRun run = CliRun.of(work, environment, args.toArray(String[]::new));
        List<String> leaks = new ArrayList<>();
        if (run.exitCode() == 0) {
            leaks.add(what + ": exited 0 (" + run.out() + ")");
        }
        leak(what, "stdout", run.out(), leaks);
        leak(what, "stderr", run.err(), leaks);
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (!file.getFileName().toString().equals("atlas.hcl")) {
                    leak(what, file.toString(), text, leaks);
                }
            }
        } catch (UncheckedIOException e) {
            // A file removed while walking (a temporary file of the run) held nothing that was kept.
        }
        return leaks;
    }

    private static void leak(String what, String where, String text, List<String> leaks) {
        for (String marker : MARKERS) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                int from = Math.max(0, at - 60);
                leaks.add(
                        what + ": " + where + ": ..." + text.substring(from, Math.min(text.length(), at + 40)) + "...");
            }
        }
    }
}
