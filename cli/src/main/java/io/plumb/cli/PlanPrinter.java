package io.plumb.cli;

import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlannedChange;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code PlanPrinter} prints plans in the reference tool's layout: a comment line, then the statement and a semicolon. */
final class PlanPrinter {

    private PlanPrinter() {}

    /** Prints {@code -- Planned Changes:} and the plan, as {@code schema apply} and {@code schema clean} do. */
    static void printPlanned(PrintWriter out, Plan plan) {
        out.println("-- Planned Changes:");
        printStatements(out, plan);
    }

    /** Prints each statement under its capitalised comment. */
    static void printStatements(PrintWriter out, Plan plan) {
        for (PlannedChange change : plan.changes()) {
            out.println("-- " + capitalize(change.comment()));
            out.println(change.sql() + ";");
        }
    }

    static String capitalize(String comment) {
        if (comment.isEmpty()) {
            return comment;
        }
        return comment.substring(0, 1).toUpperCase(Locale.ROOT) + comment.substring(1);
    }
}
