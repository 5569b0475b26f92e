package io.plumb.cli;

import io.plumb.engine.migrate.ChecksumException;
import java.io.PrintWriter;

/**
 * {@code ChecksumReport} prints the reference tool's explanation of a checksum error on standard output, before
 * the one-line error on standard error.
 */
final class ChecksumReport {

    private ChecksumReport() {}

    static void print(PrintWriter out, ChecksumException error, String programName) {
        out.println("You have a checksum error in your migration directory.");
        // As the reference: a blank line and the blamed line, then a blank line; no blame, no blank line.
        error.blame().ifPresent(blame -> {
            out.println();
            out.println("\t" + blame.describe());
            out.println();
        });
        out.println(
                "Please check your migration files and run '" + programName + " migrate hash' to re-hash the contents");
        out.println();
    }
}
