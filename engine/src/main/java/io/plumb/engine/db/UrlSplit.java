package io.plumb.engine.db;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code UrlSplit} is the raw text of a server URL after its {@code scheme://}, cut into user-info, host and
 * port, and the rest (path and query); no part is decoded.
 *
 * <p>The cut is made where the URL makes sense, because passwords are often pasted without percent-encoding:
 *
 * <ol>
 *   <li>When the authority (the text before the first {@code /} or {@code ?}) holds an {@code @}, the user-info
 *       ends at its last {@code @}, as in the reference tool: {@code u:S3cr@et@host} is user {@code u}, password
 *       {@code S3cr@et}.
 *   <li>Otherwise, when the authority is a well-formed {@code host[:port]} and no {@code @} follows in the path or
 *       in a query parameter's name, there is no user-info.
 *   <li>Otherwise the user-info ends at the last {@code @} that is followed by a well-formed {@code host[:port]}:
 *       {@code u:S3cr/et?PW#x@host:5432/db} is user {@code u}, password {@code S3cr/et?PW#x}. A database name
 *       with an {@code @} must then be written {@code %40}.
 * </ol>
 *
 * @param userInfo the user-info, empty when the URL has none
 * @param hostPort the host and port
 * @param rest the path and query, starting with {@code /} or {@code ?}, or empty
 */
record UrlSplit(Optional<String> userInfo, String hostPort, String rest) {

    private static final Pattern HOST_PORT =
            Pattern.compile("(\\[[0-9A-Fa-f:.%a-zA-Z]*\\]|[A-Za-z0-9._~%-]*)(:[0-9]*)?");

    // After the last @ of the authority nothing is secret: a port that is no number is reported as such.
    private static final Pattern HOST_ANY_PORT =
            Pattern.compile("(\\[[0-9A-Fa-f:.%a-zA-Z]*\\]|[A-Za-z0-9._~%-]*)(:[^@\\s]*)?");

    /** Splits the text after {@code scheme://}, or returns empty when no reading gives a well-formed host. */
    static Optional<UrlSplit> of(String text) {
        int end = authorityEnd(text, 0);
        String authority = text.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0 && HOST_ANY_PORT.matcher(authority.substring(at + 1)).matches()) {
            return Optional.of(new UrlSplit(
                    Optional.of(authority.substring(0, at)), authority.substring(at + 1), text.substring(end)));
        }
        if (at < 0 && isHostPort(authority) && !hasStrayAt(text.substring(end))) {
            return Optional.of(new UrlSplit(Optional.empty(), authority, text.substring(end)));
        }
        for (int i = text.lastIndexOf('@'); i >= 0; i = text.lastIndexOf('@', i - 1)) {
            int hostEnd = authorityEnd(text, i + 1);
            String hostPort = text.substring(i + 1, hostEnd);
            if (isHostPort(hostPort)) {
                return Optional.of(new UrlSplit(Optional.of(text.substring(0, i)), hostPort, text.substring(hostEnd)));
            }
        }
        if (at < 0 && isHostPort(authority)) {
            return Optional.of(new UrlSplit(Optional.empty(), authority, text.substring(end)));
        }
        return Optional.empty();
    }

    /** Returns whether the text is a well-formed {@code host[:port]}; the port may be out of range. */
    static boolean isHostPort(String text) {
        return HOST_PORT.matcher(text).matches();
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

    private static int authorityEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?') {
                return i;
            }
        }
        return text.length();
    }

    // An @ in the path or in a query parameter's name is never meant: it is the end of a password with a / or ?.
    private static boolean hasStrayAt(String rest) {
        int q = rest.indexOf('?');
        if (rest.substring(0, q < 0 ? rest.length() : q).contains("@")) {
            return true;
        }
        if (q < 0) {
            return false;
        }
        for (String pair : rest.substring(q + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).contains("@")) {
                return true;
            }
        }
        return false;
    }
}
