package io.plumb.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code BadInputOracle} says what is wrong with how one run of the command line treated a malformed input: a stack
 * trace, a raw JVM message, a {@code null}, a password in the output, a failure without a message, a {@code
 * file:line:col} outside the file, an exit code that is not one of the documented ones.
 */
final class BadInputOracle {

    private static final Pattern STACK = Pattern.compile("\\tat |\\bat (io\\.plumb|java\\.|picocli\\.)");

    // What the JVM's own exceptions say, which no message of ours may pass on.
    private static final Pattern RAW = Pattern.compile("out of bounds for length|Index -?\\d+ out of"
            + "|String index out of range|begin -?\\d+, end -?\\d+, length|Cannot invoke|Cannot read field"
            + "|Cannot load from|Cannot store to|because \"|For input string|cannot be cast to|No value present"
            + "|/ by zero|BigInteger (would )?overflow|Non-terminating decimal|\\bjava\\.[a-z]+\\.|\\bio\\.plumb\\."
            + "|\\b[A-Z][A-Za-z]*(Exception|Error)\\b");

    // A null that is not quoted ("null" is a column attribute and an HCL literal).
    private static final Pattern NULL = Pattern.compile("(?<![\"'`A-Za-z_])null(?![\"'`A-Za-z_])");

    private BadInputOracle() {}

    /**
     * Returns the problems of one run.
     *
     * @param run what the command line gave
     * @param file the mutated file's path as output shows it
     * @param content the mutated file's text
     * @param mustFail whether the input is malformed whatever the format
     * @param report whether the command may print several lines on standard error
     * @param secrets strings that must not appear in the output
     */
    static List<String> problems(
            CliRun run, String file, String content, boolean mustFail, boolean report, List<String> secrets) {
        List<String> problems = new ArrayList<>();
        int code = run.exitCode();
        if (code < 0 || code > 3) {
            problems.add("exit code " + code + " is not one of 0, 1, 2, 3");
        }
        if (mustFail && code == 0) {
            problems.add("a malformed file was accepted (exit 0)");
        }
        if (code != 0 && run.err().isBlank() && run.out().isBlank()) {
            problems.add("failed without a message");
        }
        String all = run.out() + "\n" + run.err();
        if (STACK.matcher(all).find()) {
            problems.add("a stack trace");
        }
        Matcher raw = RAW.matcher(run.err());
        if (raw.find()) {
            problems.add("a raw JVM message: " + raw.group());
        }
        for (String line : run.err().split("\n")) {
            // A message may quote the input, which may say null itself.
            if (NULL.matcher(line).find() && !NULL.matcher(content).find()) {
                problems.add("an unquoted null in: " + line);
            }
        }
        for (String secret : secrets) {
            if (all.contains(secret)) {
                problems.add("the password " + secret + " in the output");
            }
        }
        // One error, one message: continuation lines may quote a statement, but there is no second error.
        if (code != 0 && !report && code != 2) {
            List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
            long errors = lines.stream().filter(l -> l.startsWith("plumb: ")).count();
            if (errors != 1) {
                problems.add(errors + " errors on standard error, not one");
            } else if (!lines.get(0).startsWith("plumb: ")) {
                problems.add("standard error does not start with the error");
            }
        }
        problems.addAll(positionProblems(run.err() + "\n" + run.out(), file, content));
        return problems;
    }

    /** Returns the problems of every {@code file:line:col} of the mutated file in the output. */
    static List<String> positionProblems(String output, String file, String content) {
        List<String> problems = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        Matcher m = Pattern.compile("(?<![\\w/.-])" + Pattern.quote(file) + ":(\\d+):(\\d+)")
                .matcher(output);
        while (m.find()) {
            long line = Long.parseLong(m.group(1));
            long column = Long.parseLong(m.group(2));
            if (line < 1 || line > lines.length) {
                problems.add("position " + m.group() + ": the file has " + lines.length + " lines");
            } else if (column < 1 || column > lines[(int) line - 1].length() + 1) {
                problems.add("position " + m.group() + ": line " + line + " has " + lines[(int) line - 1].length()
                        + " characters");
            }
        }
        return problems;
    }

    /** Returns whether a failed run names the mutated file without a position. */
    static boolean namesFileWithoutPosition(CliRun run, String file) {
        String err = run.err();
        return err.contains(file)
                && !Pattern.compile(Pattern.quote(file) + ":\\d+:\\d+")
                        .matcher(err)
                        .find();
    }
}
