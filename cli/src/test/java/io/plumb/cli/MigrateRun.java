package io.plumb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the command line in process on a fixed clock, so that new migration files have known names. */
final class MigrateRun {

    static final Instant NOW = Instant.parse("2024-06-13T06:11:02Z");

    private MigrateRun() {}

    static CliRun at(Path cwd, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = CliEnvironment.of(cwd, environment, new PrintWriter(out), new PrintWriter(err))
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        int exitCode = Plumb.execute(env, args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    static CliRun at(Path cwd, String... args) {
        return at(cwd, Map.of(), args);
    }
}
