package io.plumb.engine.hcl;

/**
 * An {@code HclException} reports a syntax or evaluation error at a position: its message is {@code
 * file:line:col: detail}, or the detail alone for an {@link #unplaced} one.
 */
public final class HclException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Pos pos;
    private final String detail;

    /** Creates an error at the given position; {@code detail} says what was expected and what was found. */
    public HclException(Pos pos, String detail) {
        this(pos, detail, pos + ": " + detail);
    }

    private HclException(Pos pos, String detail, String message) {
        super(message);
        this.pos = pos;
        this.detail = detail;
    }

    /**
     * Creates an error whose message is the detail alone, as the reference tool words errors that concern the
     * input rather than a place in the file (a required variable given no value); {@link #pos()} still says where
     * the cause is declared.
     */
    public static HclException unplaced(Pos pos, String detail) {
        return new HclException(pos, detail, detail);
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
