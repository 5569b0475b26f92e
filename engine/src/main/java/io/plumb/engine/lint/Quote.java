package io.plumb.engine.lint;

/**
 * {@code Quote} quotes a name as Go's {@code %q} does, since the reference's messages are written with it and
 * Plumb prints them byte for byte: double quotes, with backslash, double quote and control characters escaped.
 */
public final class Quote {

    private Quote() {}

    /** Returns the name quoted as Go's {@code strconv.Quote} would, for printable names. */
    public static String go(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
