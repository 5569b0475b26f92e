package io.plumb.runner.internal;

import org.jspecify.annotations.Nullable;

/**
 * A {@code ProcessResult} is what a finished program left: its output and how it ended.
 *
 * @param stdout the standard output
 * @param stderr the standard error
 * @param exitCode the exit code; 128 + N when signal N ended it; -1 when it could not start
 * @param state how it ended in Go's words: {@code exit status 1}, {@code signal: interrupt}, or the start error
 */
record ProcessResult(String stdout, String stderr, int exitCode, String state) {

    boolean isSuccess() {
        return exitCode == 0;
    }

    static ProcessResult notStarted(String error) {
        return new ProcessResult("", "", -1, error);
    }

    /** Describes an exit code as Go's {@code os.ProcessState} prints it. */
    static String stateOf(int exitCode) {
        if (exitCode > 128 && exitCode < 128 + 32) {
            String signal = signalName(exitCode - 128);
            if (signal != null) {
                return "signal: " + signal;
            }
        }
        return "exit status " + exitCode;
    }

    private static @Nullable String signalName(int signal) {
        return switch (signal) {
            case 1 -> "hangup";
            case 2 -> "interrupt";
            case 3 -> "quit";
            case 6 -> "aborted";
            case 9 -> "killed";
            case 13 -> "broken pipe";
            case 15 -> "terminated";
            default -> null;
        };
    }
}
