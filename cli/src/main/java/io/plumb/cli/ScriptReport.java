package io.plumb.cli;

import io.plumb.runner.ScriptResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ScriptReport} prints script results as they come, {@code PASS name}, {@code FAIL name} or {@code SKIP
 * name} with details indented below, and counts them for the closing {@code N passed, N failed} line.
 */
final class ScriptReport {
    private static final String INDENT = "    ";

    private final PrintWriter out;
    private final boolean verbose;
    private int passed;
    private int failed;
    private int skipped;
    private final List<ScriptResult> results = new ArrayList<>();

    ScriptReport(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    /** Prints one result and counts it. */
    void add(ScriptResult result) {
        results.add(result);
        switch (result.outcome()) {
            case PASSED -> {
                passed++;
                out.println("PASS " + result.name());
                if (verbose) {
                    printIndented(result.log());
                }
            }
            case FAILED -> {
                failed++;
                out.println("FAIL " + result.name());
                printIndented(result.log());
            }
            case SKIPPED -> {
                skipped++;
                out.println("SKIP " + result.name());
                printIndented(verbose ? result.log() : result.message());
            }
        }
        result.keptWorkDir().ifPresent(dir -> out.println(INDENT + "WORK=" + dir));
        out.flush();
    }

    /** Returns the results added so far, in order. */
    List<ScriptResult> results() {
        return List.copyOf(results);
    }

    /** Returns whether any script failed. */
    boolean hasFailures() {
        return failed > 0;
    }

    /** Returns the closing line: {@code N passed, N failed}, then {@code , N skipped} when any were skipped. */
    String summary() {
        String line = passed + " passed, " + failed + " failed";
        return skipped > 0 ? line + ", " + skipped + " skipped" : line;
    }

    private void printIndented(String text) {
        if (text.isEmpty()) {
            return;
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            out.println(line.isEmpty() ? "" : INDENT + line);
        }
    }
}
