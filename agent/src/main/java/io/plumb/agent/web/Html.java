package io.plumb.agent.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Html} escapes untrusted text (target names, messages, schema names) for HTML and SVG. */
public final class Html {

    private Html() {}

    /** Returns the text with {@code & < > " '} replaced by character references, safe in text and attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Returns the text encoded as one URL path segment ({@code /} and spaces included). */
    public static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
