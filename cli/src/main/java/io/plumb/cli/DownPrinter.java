package io.plumb.cli;

import io.plumb.engine.revert.DownReport;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code DownPrinter} prints a {@code migrate down} run in {@code migrate apply}'s layout (reference 4.5): a header,
 * a block per file's data-loss checks, a block per file reverted with its statements, and a summary.
 */
final class DownPrinter {

    private DownPrinter() {}

    static void print(PrintWriter out, DownReport report) {
        out.println("Migrating down from version " + report.current()
                + (report.target().isEmpty() ? "" : " to " + report.target()) + " ("
                + report.total() + " migrations in total):");
        int checksOk = 0;
        int checksFailed = 0;
        for (DownReport.CheckBlock block : report.checks()) {
            out.println();
            out.println("  -- checks before reverting version " + block.version());
            block.statements().forEach(sql -> statement(out, sql));
            if (block.error().isPresent()) {
                error(out, block.error().get());
                checksOk += block.statements().size() - 1;
                checksFailed++;
            } else {
                ok(out, block.elapsed());
                checksOk += block.statements().size();
            }
        }
        int filesOk = 0;
        int filesFailed = checksFailed;
        int statementsOk = 0;
        int statementsFailed = 0;
        for (DownReport.RevertedFile file : report.reverted()) {
            out.println();
            out.println("  -- reverting version " + file.file().version());
            file.applied().forEach(sql -> statement(out, sql));
            if (file.error().isPresent()) {
                error(out, file.error().get().text());
                filesFailed++;
                statementsOk += file.applied().size() - 1;
                statementsFailed++;
            } else {
                ok(out, Duration.between(file.start(), file.end()));
                filesOk++;
                statementsOk += file.applied().size();
            }
        }
        out.println();
        out.println("  -------------------------");
        out.println("  -- " + GoDuration.format(Duration.between(report.start(), report.end())));
        out.println("  -- " + ApplyPrinter.okAndErrors(filesOk, filesFailed, "migration"));
        if (checksOk + checksFailed > 0) {
            out.println("  -- " + ApplyPrinter.plural(checksOk, "check")
                    + (checksFailed == 0 ? "" : " ok, " + ApplyPrinter.plural(checksFailed, "failure")));
        }
        out.println("  -- " + ApplyPrinter.okAndErrors(statementsOk, statementsFailed, "sql statement"));
        out.flush();
    }

    private static void statement(PrintWriter out, String sql) {
        out.println("    -> " + sql.replace("\n", "\n       ") + ";");
    }

    private static void ok(PrintWriter out, Duration elapsed) {
        out.println("  -- ok (" + GoDuration.format(elapsed) + ")");
    }

    private static void error(PrintWriter out, String message) {
        out.println("    " + message.replace("\n", "\n    "));
    }
}
