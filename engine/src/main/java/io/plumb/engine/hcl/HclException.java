package io.plumb.engine.hcl;

/**
 * An {@code HclException} reports a syntax or evaluation error at a position: its message is {@code
 * file:line:col: detail}.
 */
public final class HclException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Pos pos;
    private final String detail;

    /** Creates an error at the given position; {@code detail} says what was expected and what was found. */
    public HclException(Pos pos, String detail) {
        super(pos + ": " + detail);
        this.pos = pos;
        this.detail = detail;
    }

    /** Returns where the error is. */
    public Pos pos() {
        return pos;
    }

    /** Returns the message without the position. */
    public String detail() {
        return detail;
    }
}
