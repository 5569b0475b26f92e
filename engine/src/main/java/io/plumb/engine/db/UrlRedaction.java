package io.plumb.engine.db;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the secrets of database URLs with {@code xxxxx}: the password of the user-info, and the value of every
 * credential-bearing query parameter ({@code password}, {@code sslpassword}, {@code _auth_pass}, {@code token},
 * ...). A URL that cannot be read loses everything before its last {@code @}, so that no part of a password
 * survives however malformed the URL is.
 */
final class UrlRedaction {

    static final String MASK = "xxxxx";

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)", Pattern.DOTALL);
    // The patterns run over whole messages, which may quote a long line of a malformed file: each bounds what it
    // backtracks over (a scheme, a key, a user name), so that a long run of letters costs linear time, not quadratic.
    private static final Pattern URL_IN_TEXT =
            Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,63}://(?:[^\\s\"'<>]*[^\\s\"'<>:.,;)\\]])?");
    private static final Pattern CREDENTIAL_IN_TEXT = Pattern.compile("(?i)\\b([A-Za-z0-9_.-]{0,64}"
            + "(?:pass|pwd|secret|token|credential)[A-Za-z0-9_.-]{0,64}=)[^&\\s\"'<>;,]*");

    // "user:password@" outside a URL, as in a mistyped one ("postgres:/u:pw@h/db") taken for a file name.
    private static final Pattern USER_INFO_IN_TEXT =
            Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,256}):[^\\s\"'<>@]{1,1024}@");

    private UrlRedaction() {}

    /** Returns whether a query parameter carries a credential and its value is never shown. */
    static boolean isCredential(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("pass")
                || k.contains("pwd")
                || k.contains("secret")
                || k.contains("token")
                || k.contains("credential")
                || k.equals("auth")
                || k.endsWith("_auth");
    }

    /** Returns a whole URL with its secrets masked. */
    static String url(String text) {
        Matcher m = SCHEME.matcher(text);
        if (!m.matches()) {
            int at = text.lastIndexOf('@');
            return at < 0 ? text : MASK + text.substring(at);
        }
        String scheme = m.group(1);
        String rest = m.group(2);
        if (scheme.equalsIgnoreCase("sqlite") || scheme.equalsIgnoreCase("sqlite3")) {
            int q = rest.indexOf('?');
            return q < 0 ? text : scheme + "://" + rest.substring(0, q + 1) + query(rest.substring(q + 1));
        }
        Optional<UrlSplit> split = UrlSplit.of(rest).filter(s -> s.userInfo().isPresent() || s.hasNumericPort());
        return scheme + "://" + split.map(UrlRedaction::split).orElseGet(() -> unreadable(rest));
    }

    /** Returns a message with the secrets of every URL and every {@code password=...} in it masked. */
    static String text(String message) {
        Matcher m = URL_IN_TEXT.matcher(message);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(credentials(message.substring(from, m.start()))).append(url(m.group()));
            from = m.end();
        }
        return out.append(credentials(message.substring(from))).toString();
    }

    private static String credentials(String text) {
        String masked = CREDENTIAL_IN_TEXT.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO_IN_TEXT.matcher(masked).replaceAll("$1:" + MASK + "@");
    }

    private static String split(UrlSplit split) {
        StringBuilder out = new StringBuilder();
        Optional<String> userInfo = split.userInfo();
        if (userInfo.isPresent()) {
            int colon = userInfo.get().indexOf(':');
            out.append(colon < 0 ? userInfo.get() : userInfo.get().substring(0, colon) + ":" + MASK)
                    .append('@');
        }
        out.append(split.hostPort());
        out.append(split.path());
        split.query().ifPresent(q -> out.append('?').append(query(q)));
        return out.toString();
    }

    // Without user-info, a port that is no number may be a password whose "@host" is missing or malformed.
    private static String unreadable(String rest) {
        int cut = rest.lastIndexOf('@');
        while (cut >= 0 && UrlSplit.isInQueryValue(rest, cut)) {
            cut = rest.lastIndexOf('@', cut - 1);
        }
        String head;
        String tail;
        if (cut >= 0) {
            head = MASK + "@";
            tail = rest.substring(cut + 1);
        } else {
            int end = UrlSplit.authorityEnd(rest, 0);
            int colon = rest.substring(0, end).indexOf(':');
            head = colon < 0 ? rest.substring(0, end) : rest.substring(0, colon) + ":" + MASK;
            tail = rest.substring(end);
        }
        int q = tail.indexOf('?');
        return head + (q < 0 ? tail : tail.substring(0, q + 1) + query(tail.substring(q + 1)));
    }

    private static String query(String raw) {
        StringJoiner out = new StringJoiner("&");
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            out.add(eq >= 0 && isCredential(DatabaseUrl.decode(key)) ? key + "=" + MASK : pair);
        }
        return out.toString();
    }
}
