package io.plumb.agent.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code Urls} checks receiver URLs and masks the tokens they carry before a URL is printed. */
final class Urls {

    private static final String MASK = "***";

    // A path segment that looks like a credential: long, or mixing letters and digits past a few characters.
    // Slack (services/T.../B.../token), Discord and Teams webhooks put their tokens in the path.
    private static final Pattern TOKEN = Pattern.compile(".{20,}|(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_\\-]{8,}");

    private Urls() {}

    static void requireHttp(String channel, URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "channel \"" + channel + "\": url must be an http or https URL with a host, got " + mask(url));
        }
    }

    /**
     * Returns the URL with its user info, its query values and every path segment that looks like a token
     * replaced by {@code ***}; everything after Slack's {@code /services/} is a token.
     */
    static String mask(URI url) {
        if (url.getHost() == null) {
            return MASK;
        }
        StringBuilder out = new StringBuilder();
        out.append(url.getScheme()).append("://");
        if (url.getRawUserInfo() != null) {
            out.append(MASK).append('@');
        }
        out.append(url.getHost());
        if (url.getPort() != -1) {
            out.append(':').append(url.getPort());
        }
        out.append(maskPath(url.getRawPath() == null ? "" : url.getRawPath()));
        if (url.getRawQuery() != null) {
            List<String> params = new ArrayList<>();
            for (String param : url.getRawQuery().split("&", -1)) {
                int eq = param.indexOf('=');
                params.add(eq < 0 ? param : param.substring(0, eq + 1) + MASK);
            }
            out.append('?').append(String.join("&", params));
        }
        return out.toString();
    }

    private static String maskPath(String path) {
        String[] segments = path.split("/", -1);
        boolean secretTail = false;
        for (int i = 0; i < segments.length; i++) {
            if (secretTail && !segments[i].isEmpty()) {
                segments[i] = MASK;
            } else if (TOKEN.matcher(segments[i]).matches()) {
                segments[i] = MASK;
            }
            if (segments[i].equals("services")) {
                secretTail = true;
            }
        }
        return String.join("/", segments);
    }
}
