package io.plumb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * {@code Approval} asks the user to approve a plan before it is applied.
 *
 * <p>It prints the reference tool's menu and reads one line: {@code apply} (or {@code a}, {@code y}, {@code yes},
 * or an empty line, which picks the highlighted choice) approves; anything else aborts. Without an answer, as when
 * standard input is not a terminal and is empty, nothing is applied.
 */
final class Approval {

    private static final Set<String> YES = Set.of("", "apply", "a", "y", "yes");

    private Approval() {}

    /** Returns whether the user approved. */
    static boolean ask(CliEnvironment env) {
        env.out().println("? Are you sure?:");
        env.out().println("  \u25b8 Apply");
        env.out().println("    Abort");
        env.out().flush();
        try {
            String line = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8)).readLine();
            return line != null && YES.contains(line.trim().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }
}
