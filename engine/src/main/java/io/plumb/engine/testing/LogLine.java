package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;

/**
 * A {@code LogLine} is a message a {@code log} command printed under its case.
 *
 * @param pos where the {@code log} block starts
 * @param message the message
 */
public record LogLine(Pos pos, String message) {

    /** Renders the line as the reference prints it: {@code file.test.hcl:LINE: message}. */
    public String render() {
        return pos.file() + ":" + pos.line() + ": " + message;
    }
}
