package io.plumb.runner.internal;

import java.util.Locale;

/**
 * A {@code ScriptLog} is the log of one script in go-internal's layout: each phase starts with its {@code #}
 * heading, a phase that passes is rewound to its heading plus its duration (unless verbose), and the failing
 * phase keeps every line.
 */
final class ScriptLog {
    private final StringBuilder text = new StringBuilder();
    private final boolean verbose;
    /** Where the current phase's lines start: just after its heading. */
    private int mark;

    private long phaseStartNanos = -1;

    ScriptLog(boolean verbose) {
        this.verbose = verbose;
    }

    /** Appends a message and a newline, as go-internal's {@code ts.Logf("%s", message)} does. */
    synchronized void line(String message) {
        text.append(message).append('\n');
    }

    /** Appends text exactly as given. */
    synchronized void raw(String message) {
        text.append(message);
    }

    /** Starts a new phase: the previous one passed, so it is rewound and timed. */
    synchronized void phase(String heading) {
        if (text.length() > mark) {
            rewind();
            markTime();
        }
        text.append(heading).append('\n');
        mark = text.length();
        phaseStartNanos = System.nanoTime();
    }

    /** Called when the script passed: rewinds and times the last phase. */
    synchronized void finishPassed() {
        rewind();
        markTime();
    }

    /** Called when the script ended otherwise: times the current phase but keeps its lines. */
    synchronized void finishFailed() {
        markTime();
    }

    /** Marks the current position as the start of the phase, for the environment dump of verbose runs. */
    synchronized void markHere() {
        mark = text.length();
    }

    synchronized String text() {
        return text.toString();
    }

    private void rewind() {
        if (!verbose) {
            text.setLength(mark);
        }
    }

    private void markTime() {
        if (mark > 0 && phaseStartNanos >= 0) {
            String afterMark = text.substring(mark);
            text.setLength(mark - 1);
            double seconds = (System.nanoTime() - phaseStartNanos) / 1e9;
            text.append(String.format(Locale.ROOT, " (%.3fs)\n", seconds));
            text.append(afterMark);
            mark = text.length() - afterMark.length();
        }
        phaseStartNanos = -1;
    }
}
