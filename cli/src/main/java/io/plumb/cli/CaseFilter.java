package io.plumb.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A {@code CaseFilter} is {@code --run REGEXP}, read as {@code go test -run} reads it: the pattern is split at
 * {@code /}, the first part must match somewhere in a test's name and the second in a {@code for_each} case's
 * number; {@code --run 'seed/2'} runs the second case of {@code seed}, {@code --run '^seed$'} all of them.
 */
final class CaseFilter {

    private final List<Pattern> parts;

    private CaseFilter(List<Pattern> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Returns the filter for the flag, which matches everything when not given. */
    static CaseFilter of(@Nullable String run, CommandSpec spec) {
        if (run == null || run.isEmpty()) {
            return new CaseFilter(List.of());
        }
        List<Pattern> parts = new ArrayList<>();
        for (String part : run.split("/", -1)) {
            parts.add(RegexFlag.compile("--run", part, spec));
        }
        return new CaseFilter(parts);
    }

    /** Returns whether a case runs: {@code number} is its {@code for_each} number, or empty for a plain test. */
    boolean matches(String testName, String number) {
        if (!parts.isEmpty() && !parts.get(0).matcher(testName).find()) {
            return false;
        }
        return parts.size() < 2
                || number.isEmpty()
                || parts.get(1).matcher(number).find();
    }
}
