package io.plumb.engine.db;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code UrlSplit} is the raw text of a server URL after its {@code scheme://}, cut into user-info, host and
 * port, and the rest (path and query); no part is decoded.
 *
 * <p>The cut is made where the URL makes sense, because passwords are often pasted without percent-encoding: the
 * user-info ends at the last {@code @} that is followed by a {@code host[:port]} and is not inside a query value
 * such as {@code ?password=S3cr@et}. So {@code u:S3cr@et@host} is user {@code u} with password {@code S3cr@et}, as
 * in the reference tool, and {@code u:S3cr/et?PW#x@host:5432/db} is user {@code u} with password {@code
 * S3cr/et?PW#x}. A database name with an {@code @} must be written {@code %40}. When the last such {@code @} is
 * followed by no well-formed host, no reading is given: the URL is invalid.
 *
 * @param userInfo the user-info, empty when the URL has none
 * @param hostPort the host and port
 * @param rest the path and query, starting with {@code /} or {@code ?}, or empty
 */
record UrlSplit(Optional<String> userInfo, String hostPort, String rest) {

    // A host and a port that may be no number, which is reported as such.
    private static final Pattern HOST_ANY_PORT =
            Pattern.compile("(\\[[0-9A-Fa-f:.%a-zA-Z]*\\]|[A-Za-z0-9._~%-]*)(:[^@\\s]*)?");

    /** Splits the text after {@code scheme://}, or returns empty when no reading gives a well-formed host. */
    static Optional<UrlSplit> of(String text) {
        for (int i = text.lastIndexOf('@'); i >= 0; i = text.lastIndexOf('@', i - 1)) {
            if (isInQueryValue(text, i)) {
                continue;
            }
            int hostEnd = authorityEnd(text, i + 1);
            String hostPort = text.substring(i + 1, hostEnd);
            if (!HOST_ANY_PORT.matcher(hostPort).matches()) {
                return Optional.empty();
            }
            return Optional.of(new UrlSplit(Optional.of(text.substring(0, i)), hostPort, text.substring(hostEnd)));
        }
        int end = authorityEnd(text, 0);
        String authority = text.substring(0, end);
        if (!HOST_ANY_PORT.matcher(authority).matches()) {
            return Optional.empty();
        }
        return Optional.of(new UrlSplit(Optional.empty(), authority, text.substring(end)));
    }

    /** Returns whether the port, if any, is digits. */
    boolean hasNumericPort() {
        return portText().matches("[0-9]*");
    }

    /** Returns the port text after the host, empty when there is none. */
    String portText() {
        int close = hostPort.lastIndexOf(']');
        int colon = hostPort.indexOf(':', close + 1);
        return colon < 0 ? "" : hostPort.substring(colon + 1);
    }

    /** Returns the host, without the port. */
    String host() {
        int close = hostPort.lastIndexOf(']');
        int colon = hostPort.indexOf(':', close + 1);
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** Returns the path, with its leading {@code /}, or empty. */
    String path() {
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    /** Returns the raw query, or empty when the URL has none. */
    Optional<String> query() {
        int q = rest.indexOf('?');
        return q < 0 ? Optional.empty() : Optional.of(rest.substring(q + 1));
    }

    static int authorityEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return text.length();
    }

    // "?password=S3cr@et": the @ follows a "=" of the same query parameter.
    static boolean isInQueryValue(String text, int at) {
        int q = text.lastIndexOf('?', at);
        if (q < 0) {
            return false;
        }
        int start = Math.max(q, text.lastIndexOf('&', at)) + 1;
        return text.substring(start, at).contains("=");
    }
}
