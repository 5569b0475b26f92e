package io.plumb.engine.gotemplate;

/**
 * A {@code TemplateException} is a template that cannot be parsed or executed: what is wrong, and where ({@code
 * file:line:col} of the action), when the error has a place.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String position;
    private final String detail;

    /**
     * Creates an error at a position.
     *
     * @param position {@code file:line:col}, or empty when the error has no place
     * @param detail what is wrong
     */
    public TemplateException(String position, String detail) {
        super(position.isEmpty() ? detail : position + ": " + detail);
        this.position = position;
        this.detail = detail;
    }

    /** Creates an error without a place, as a {@link TemplateFunction} throws it; execution adds the place. */
    public TemplateException(String detail) {
        this("", detail);
    }

    /** Returns {@code file:line:col} of the action, or empty. */
    public String position() {
        return position;
    }

    /** Returns what is wrong, without the position. */
    public String detail() {
        return detail;
    }
}
