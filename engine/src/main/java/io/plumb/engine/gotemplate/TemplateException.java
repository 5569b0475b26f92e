package io.plumb.engine.gotemplate;

/**
 * A {@code TemplateException} is a template that cannot be parsed or executed: what is wrong, and where ({@code
 * file:line:col} of the action), when the error has a place.
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String position;
    private final String detail;
    private final boolean parsing;
    private final String node;

    private TemplateException(String position, String detail, boolean parsing, String node) {
        super(position.isEmpty() ? detail : position + ": " + detail);
        this.position = position;
        this.detail = detail;
        this.parsing = parsing;
        this.node = node;
    }

    /**
     * Creates an error at a position, while executing.
     *
     * @param position {@code file:line:col}, or empty when the error has no place
     * @param detail what is wrong
     */
    public TemplateException(String position, String detail) {
        this(position, detail, false, "");
    }

    /** Creates an error without a place, as a {@link TemplateFunction} throws it; execution adds the place. */
    public TemplateException(String detail) {
        this("", detail);
    }

    /** Returns an error of a template that does not parse. */
    static TemplateException parsing(String position, String detail) {
        return new TemplateException(position, detail, true, "");
    }

    /** Returns an execution error at a node of the template, such as the field {@code .Foo} it could not read. */
    static TemplateException at(String position, String node, String detail) {
        return new TemplateException(position, detail, false, node);
    }

    /** Returns {@code file:line:col} of the action, or empty. */
    public String position() {
        return position;
    }

    /** Returns what is wrong, without the position. */
    public String detail() {
        return detail;
    }

    /** Returns whether the template did not parse, rather than failing while it ran. */
    public boolean isParsing() {
        return parsing;
    }

    /**
     * Returns the error as Go's {@code text/template} words it for a template parsed under {@code name}: {@code
     * template: NAME:LINE: DETAIL} when it does not parse, {@code template: NAME:LINE:COL: executing "NAME" at
     * <NODE>: DETAIL} when it fails while running.
     */
    public String goMessage(String name) {
        if (position.isEmpty()) {
            return "template: " + name + ": " + detail;
        }
        if (parsing) {
            // Go names the line of a parse error only.
            return "template: " + position.substring(0, position.lastIndexOf(':')) + ": " + detail;
        }
        return "template: " + position + ": executing \"" + name + "\"" + (node.isEmpty() ? "" : " at <" + node + ">")
                + ": " + detail;
    }
}
