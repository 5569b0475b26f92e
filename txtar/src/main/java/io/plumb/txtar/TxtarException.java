package io.plumb.txtar;

/** A {@code TxtarException} reports data that cannot be quoted, unquoted or written. */
public class TxtarException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with the message go-internal uses for the same fault. */
    public TxtarException(String message) {
        super(message);
    }
}
