package io.plumb.cli;

import io.plumb.engine.drift.DivergedObject;
import io.plumb.engine.drift.DriftJson;
import io.plumb.engine.drift.DriftReport;
import io.plumb.engine.drift.DriftStatus;
import java.io.PrintWriter;
import picocli.CommandLine.ExitCode;

/**
 * {@code DriftText} prints a drift report as {@code migrate drift} and {@code schema drift} do, and gives their exit
 * code: 0 when there is no drift (pending files are not drift), {@value #DRIFT} on drift, 1 when the last migration
 * failed (and for errors), 2 for bad usage.
 */
final class DriftText {

    /** The exit code on drift: distinct from 1 (an error) and 2 (picocli's bad usage). */
    static final int DRIFT = 3;

    /** The help text's line about exit codes, shared by both commands. */
    static final String EXIT_CODES = "Exit codes: 0 no drift (pending files are not drift), 1 error or a failed last"
            + " migration, 2 bad usage, 3 drift.";

    private DriftText() {}

    /** Returns the exit code of a report. */
    static int exitCode(DriftReport report) {
        return switch (report.status()) {
            case SYNCED, PENDING -> ExitCode.OK;
            case DRIFTED -> DRIFT;
            case FAILED -> ExitCode.SOFTWARE;
        };
    }

    /** Prints the report as JSON ({@link DriftJson}) or text. */
    static void print(PrintWriter out, DriftReport report, boolean json, boolean history) {
        if (json) {
            out.println(DriftJson.of(report));
        } else {
            text(out, report, history);
        }
    }

    /**
     * Prints the report: the status and header lines as the reference prints them ({@code Drift Status: OK}, {@code
     * -- Current Version: 2}, {@code -- Expected State: file://migrations (local)}, {@code -- Pending Files: 1
     * (ignored)}), then on drift each diverged object, the HCL diff and the statements that fix it.
     *
     * @param history whether the check read a migration history (migrate drift), whose versions are printed
     */
    static void text(PrintWriter out, DriftReport report, boolean history) {
        out.println("Drift Status: " + label(report.status()));
        if (history) {
            String current = report.currentVersion();
            out.println("-- Current Version: " + (current == null ? "none" : current));
        }
        out.println("-- Expected State: " + report.expectedSource());
        if (history) {
            int pending = report.pendingFiles().size();
            out.println("-- Pending Files: " + pending + (pending > 0 ? " (ignored)" : ""));
        }
        report.error().ifPresent(error -> out.println("-- Error: " + error));
        if (report.status() != DriftStatus.DRIFTED) {
            return;
        }
        out.println("-- Diverged Objects: " + report.diverged().size());
        for (DivergedObject object : report.diverged()) {
            out.println("   " + object.describe());
        }
        if (!report.hclDiff().isEmpty()) {
            out.println("-- HCL Diff:");
            out.print(report.hclDiff().endsWith("\n") ? report.hclDiff() : report.hclDiff() + "\n");
        }
        if (report.fixStatements().isEmpty()) {
            out.println("-- No statement can fix it: the difference is in objects plumb does not model.");
            return;
        }
        out.println(
                report.destructive()
                        ? "-- Fix (may be destructive: it drops objects or changes types; review before applying):"
                        : "-- Fix:");
        for (String statement : report.fixStatements()) {
            out.println(statement + ";");
        }
    }

    private static String label(DriftStatus status) {
        return switch (status) {
            case SYNCED, PENDING -> "OK";
            case DRIFTED -> "DRIFTED";
            case FAILED -> "FAILED";
        };
    }
}
