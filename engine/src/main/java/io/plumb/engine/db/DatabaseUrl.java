package io.plumb.engine.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code DatabaseUrl} is a parsed Atlas-style database URL: {@code driver://[user[:pass]@]host[:port]/[path][?params]}.
 *
 * <p>Its {@link #toString()} is the redacted form: a password, or the value of a credential-bearing query parameter
 * such as {@code ?password=}, never leaves this class except through {@link #password()} and {@link #query()}. The
 * user-info runs to the last {@code @} of the authority, and unencoded {@code / ? # @ :} in a password are read as
 * {@link UrlSplit} describes; {@code %XX} escapes are decoded everywhere.
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
            throw new InvalidUrlException(text, "missing scheme, expected a URL such as sqlite://file.db");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (scheme.equals("sqlite") || scheme.equals("sqlite3")) {
            return sqlite(scheme, rest, text);
        }
        return network(scheme, rest, text);
    }

    private static DatabaseUrl sqlite(String scheme, String rest, String text) {
        int q = rest.indexOf('?');
        String dsn = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(rest.substring(q + 1), text);
        if (dsn.isEmpty()) {
            throw new InvalidUrlException(
                    text, "missing database file, expected sqlite://FILE or sqlite://NAME?mode=memory");
        }
        // SQLite refuses an unknown mode itself ("no such access mode"); the driver would quietly open read-write.
        String mode = query.get("mode");
        if (mode != null && !SQLITE_MODES.contains(mode)) {
            throw new InvalidUrlException(text, "no such access mode \"" + mode + "\", expected ro, rw, rwc or memory");
        }
        return new DatabaseUrl(scheme, "", Optional.empty(), "", -1, dsn, query, text);
    }

    private static final Set<String> SQLITE_MODES = Set.of("ro", "rw", "rwc", "memory");

    private static DatabaseUrl network(String scheme, String rest, String text) {
        UrlSplit split = UrlSplit.of(rest)
                .orElseThrow(() -> InvalidUrlException.notOfForm(text, scheme + "://[USER[:PASS]@]HOST[:PORT]/..."));
        String userInfo = split.userInfo().orElse("");
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        Optional<String> password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        String path = decode(split.path());
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        Map<String, String> query = split.query().map(q -> parseQuery(q, text)).orElse(Map.of());
        return new DatabaseUrl(
                scheme, user, password, decode(split.host()), port(split.portText(), text), path, query, text);
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty()) {
            return -1;
        }
        if (!digits.matches("[0-9]+")) {
            throw new InvalidUrlException(text, "the port is not a number between 1 and 65535");
        }
        if (digits.length() > 5 || Integer.parseInt(digits) > 65535 || Integer.parseInt(digits) == 0) {
            throw new InvalidUrlException(text, "port " + digits + " is out of range, expected 1 to 65535");
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
                throw new InvalidUrlException(text, "empty query parameter name");
            }
            query.put(key, value);
        }
        return query;
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8; a {@code %} not followed by two hex digits stands for itself, and
     * {@code +} stays a plus.
     */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    encoded = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Returns the text with the secrets of any URL in it replaced by {@code xxxxx}: passwords and the values of
     * credential-bearing query parameters such as {@code password=}.
     */
    public static String redact(String text) {
        return UrlRedaction.text(text);
    }

    /**
     * Returns a whole URL, however malformed, with its secrets replaced by {@code xxxxx}; when it cannot be read,
     * everything before its last {@code @} is replaced.
     */
    public static String redactUrl(String url) {
        return UrlRedaction.url(url.trim());
    }

    /** Returns the user to log in as: the {@code user} query parameter (MySQL's form), else the user-info's. */
    public String loginUser() {
        return query.getOrDefault("user", user);
    }

    /** Returns the password to log in with: the {@code password} query parameter, else the user-info's. */
    public Optional<String> loginPassword() {
        String given = query.get("password");
        return given != null ? Optional.of(given) : password;
    }

    /** Returns whether this URL names a SQLite database. */
    public boolean isSqlite() {
        return scheme.equals("sqlite") || scheme.equals("sqlite3");
    }

    /** Returns whether this is a SQLite in-memory database ({@code mode=memory}). */
    public boolean isMemory() {
        return "memory".equals(query.get("mode"));
    }

    /** Returns the URL as given, with its password and credential parameters replaced by {@code xxxxx}. */
    @Override
    public String toString() {
        return redactUrl(original);
    }
}
