package io.plumb.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Compiles the regular expression of a flag such as {@code --run}; a malformed one is a usage error that names the
 * flag, the expression and the 1-based position of the fault, in words rather than as a Java exception.
 */
final class RegexFlag {

    private RegexFlag() {}

    /**
     * Compiles the pattern given to a flag.
     *
     * @throws ParameterException such as {@code --run: invalid regular expression "[": unclosed character class at
     *     position 1}
     */
    static Pattern compile(String flag, String regex, CommandSpec spec) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            String description = e.getDescription().toLowerCase(Locale.ROOT);
            String position = e.getIndex() < 0 ? "" : " at position " + Math.min(e.getIndex() + 1, regex.length());
            throw new ParameterException(
                    spec.commandLine(),
                    flag + ": invalid regular expression \"" + regex + "\": " + description + position);
        }
    }
}
