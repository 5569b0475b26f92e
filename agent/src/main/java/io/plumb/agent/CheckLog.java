package io.plumb.agent;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@code CheckLog} writes the agent's structured log: one {@code key=value} line per check and per fault, with
 * every value masked, so that a log collector can parse it and no password reaches it.
 */
final class CheckLog {

    private final PrintWriter out;

    CheckLog(PrintWriter out) {
        this.out = out;
    }

    void check(Target target, CheckResult result, Instant at, Duration took) {
        line("time=" + at
                + " event=check target=" + quote(target.name())
                + " status=" + result.status().label()
                + " current=" + quote(result.currentVersion().orElse(""))
                + " latest=" + quote(result.latestVersion().orElse(""))
                + " pending=" + result.pending().size()
                + " duration_ms=" + took.toMillis()
                + " message=" + quote(target.mask(result.message())));
    }

    void event(Instant at, String event, String message) {
        line("time=" + at + " event=" + event + " message=" + quote(message));
    }

    private synchronized void line(String text) {
        out.println(io.plumb.engine.db.DatabaseUrl.redact(text));
        out.flush();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
