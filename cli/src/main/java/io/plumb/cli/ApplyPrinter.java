package io.plumb.cli;

import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyReport;
import io.plumb.engine.migrate.MigrationFile;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * An {@code ApplyPrinter} prints a {@code migrate apply} run as it happens, in the reference tool's layout
 * (reference 4.5): a header, a block per file with its statements, and a summary.
 */
final class ApplyPrinter implements ApplyListener {

    static final String NOTHING_PENDING = "No migration files to execute";

    private final PrintWriter out;

    ApplyPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void starting(ApplyReport plan) {
        int count = plan.pending().size();
        out.println("Migrating to version " + plan.target()
                + (plan.current().isEmpty() ? "" : " from " + plan.current()) + " (" + count
                + " migrations in total):");
        out.flush();
    }

    @Override
    public void checksStarting(MigrationFile file) {
        out.println();
        out.println("  -- checks before migrating version " + file.version());
    }

    @Override
    public void checksPassed(Duration elapsed) {
        ok(elapsed);
    }

    @Override
    public void checksFailed(String message) {
        error(message);
    }

    @Override
    public void fileStarting(MigrationFile file) {
        out.println();
        out.println("  -- migrating version " + file.version());
        out.flush();
    }

    @Override
    public void statement(String sql) {
        out.println("    -> " + sql.replace("\n", "\n       "));
        out.flush();
    }

    @Override
    public void note(String message) {
        out.println("    -- " + message.replace("\n", "\n       "));
        out.flush();
    }

    @Override
    public void fileApplied(Duration elapsed) {
        ok(elapsed);
    }

    @Override
    public void fileFailed(String message) {
        error(message);
    }

    @Override
    public void finished(ApplyReport report) {
        ApplyReport.Counts counts = report.counts();
        out.println();
        out.println("  -------------------------");
        out.println("  -- " + GoDuration.format(Duration.between(report.start(), report.end())));
        out.println("  -- " + okAndErrors(counts.filesOk(), counts.filesFailed(), "migration"));
        if (counts.anyChecks()) {
            out.println("  -- " + checks(counts));
        }
        out.println("  -- " + okAndErrors(counts.statementsOk(), counts.statementsFailed(), "sql statement"));
        out.flush();
    }

    private void ok(Duration elapsed) {
        out.println("  -- ok (" + GoDuration.format(elapsed) + ")");
        out.flush();
    }

    private void error(String message) {
        out.println("    " + message.replace("\n", "\n    "));
        out.flush();
    }

    static String okAndErrors(int ok, int errors, String noun) {
        if (errors == 0) {
            return plural(ok, noun);
        }
        if (ok == 0) {
            return plural(errors, noun) + " with errors";
        }
        return plural(ok, noun) + " ok, " + errors + " with errors";
    }

    private static String checks(ApplyReport.Counts counts) {
        if (counts.checkErrors() > 0) {
            return plural(counts.checkErrors(), "check error");
        }
        if (counts.checksFailed() > 0) {
            return plural(counts.checksOk(), "check") + " ok, " + plural(counts.checksFailed(), "failure");
        }
        return plural(counts.checksOk(), "check");
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
