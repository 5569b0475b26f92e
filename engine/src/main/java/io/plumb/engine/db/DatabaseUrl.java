package io.plumb.engine.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code DatabaseUrl} is a parsed Atlas-style database URL: {@code driver://[user[:pass]@]host[:port]/[path][?params]}.
 *
 * <p>Its {@link #toString()} is the redacted form: a password never leaves this class except through {@link
 * #password()}.
 *
 * @param scheme the lower-case scheme, such as {@code sqlite} or {@code postgres}
 * @param user the user name, or empty
 * @param password the password, or empty
 * @param host the host, or empty
 * @param port the port, or -1
 * @param path the path without its leading slash (for SQLite the whole data source name before the query)
 * @param query the query parameters in order, decoded
 * @param original the URL as given
 */
public record DatabaseUrl(
        String scheme,
        String user,
        Optional<String> password,
        String host,
        int port,
        String path,
        Map<String, String> query,
        String original) {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(.*)", Pattern.DOTALL);
    private static final Pattern PASSWORD = Pattern.compile("(://[^/@:]*:)([^@/]*)(@)");

    public DatabaseUrl {
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * Parses a URL.
     *
     * @throws InvalidUrlException when the text is not a URL of a known form; the message never holds the password
     */
    public static DatabaseUrl parse(String text) {
        Matcher m = SCHEME.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidUrlException(redact(text), "missing scheme, expected a URL such as sqlite://file.db");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (scheme.equals("sqlite") || scheme.equals("sqlite3")) {
            return sqlite(scheme, rest, text);
        }
        return network(scheme, text);
    }

    private static DatabaseUrl sqlite(String scheme, String rest, String text) {
        int q = rest.indexOf('?');
        String dsn = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(rest.substring(q + 1), text);
        if (dsn.isEmpty()) {
            throw new InvalidUrlException(
                    text, "missing database file, expected sqlite://FILE or sqlite://NAME?mode=memory");
        }
        return new DatabaseUrl(scheme, "", Optional.empty(), "", -1, dsn, query, text);
    }

    private static DatabaseUrl network(String scheme, String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new InvalidUrlException(redact(text), e.getReason().toLowerCase(Locale.ROOT));
        }
        String userInfo = Optional.ofNullable(uri.getRawUserInfo()).orElse("");
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        Optional<String> password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        String path = Optional.ofNullable(uri.getPath()).orElse("");
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        Map<String, String> query = uri.getRawQuery() == null ? Map.of() : parseQuery(uri.getRawQuery(), text);
        String host = Optional.ofNullable(uri.getHost()).orElse("");
        int port = uri.getPort();
        String authority = uri.getRawAuthority();
        if (uri.getHost() == null && authority != null) {
            // java.net.URI gives up on authorities such as "@:3306" (no host) or "h:notaport" and keeps them whole.
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colonAt = hostPort.lastIndexOf(':');
            host = decode(colonAt < 0 ? hostPort : hostPort.substring(0, colonAt));
            port = colonAt < 0 ? -1 : port(hostPort.substring(colonAt + 1), text);
        }
        return new DatabaseUrl(scheme, user, password, host, port, path, query, text);
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty()) {
            return -1;
        }
        if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
            throw new InvalidUrlException(redact(text), "port \"" + digits + "\" is not a number between 0 and 65535");
        }
        return Integer.parseInt(digits);
    }

    private static Map<String, String> parseQuery(String raw, String text) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.isEmpty()) {
                throw new InvalidUrlException(redact(text), "empty query parameter name");
            }
            query.put(key, value);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Returns the text with the password of any URL in it replaced by {@code xxxxx}. */
    public static String redact(String text) {
        return PASSWORD.matcher(text).replaceAll("$1xxxxx$3");
    }

    /** Returns whether this URL names a SQLite database. */
    public boolean isSqlite() {
        return scheme.equals("sqlite") || scheme.equals("sqlite3");
    }

    /** Returns whether this is a SQLite in-memory database ({@code mode=memory}). */
    public boolean isMemory() {
        return "memory".equals(query.get("mode"));
    }

    /** Returns the URL as given, with the password replaced by {@code xxxxx}. */
    @Override
    public String toString() {
        return redact(original);
    }
}
