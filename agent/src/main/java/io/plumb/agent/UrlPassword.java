package io.plumb.agent;

import java.nio.charset.StandardCharsets;

/** {@code UrlPassword} puts a password read from a reference into a database URL that has none. */
final class UrlPassword {

    private UrlPassword() {}

    /**
     * Returns the URL with the password in its user-info ({@code postgres://app:PW@host/db}), or, when it names no
     * user, as its {@code password} query parameter; the password is percent-encoded, which URLs decode.
     */
    static String inject(String url, String password) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        int at = authority.lastIndexOf('@');
        String encoded = encode(password);
        if (at >= 0) {
            String user = authority.substring(0, at);
            int colon = user.indexOf(':');
            String bare = colon >= 0 ? user.substring(0, colon) : user;
            return url.substring(0, start) + bare + ":" + encoded + authority.substring(at) + url.substring(end);
        }
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + "password=" + encoded;
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
