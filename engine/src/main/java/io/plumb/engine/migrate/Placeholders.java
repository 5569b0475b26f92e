package io.plumb.engine.migrate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code Placeholders} are what Flyway replaces in a migration's text before it runs it: {@code ${name}} by the value
 * configured for {@code name} ({@code flyway.placeholders.name}), and {@code ${flyway:filename}} by the file's name.
 * A Flyway directory URL configures them as Flyway's settings do:
 *
 * <pre>file://db/migration?format=flyway&amp;placeholders.app_role=app&amp;placeholders.schema=tenant1</pre>
 *
 * <p>with {@code placeholderReplacement=false} to run the files as written, and {@code placeholderPrefix} and {@code
 * placeholderSuffix} for other delimiters than {@code ${} and {@code }}. Values are URL-decoded.
 *
 * <p>As in Flyway, a placeholder is replaced anywhere in the file, comments and string literals included; one with
 * no value is an error at its position (Flyway refuses to run such a file too); names are case-sensitive. The
 * checksums ({@code atlas.sum}) are over the file as written, so they do not change with the values, as Flyway's own
 * checksums do not; the snapshots of migration tests are keyed by the values too ({@link #key()}).
 *
 * @param enabled whether placeholders are replaced at all ({@code placeholderReplacement})
 * @param prefix what starts a placeholder
 * @param suffix what ends it
 * @param values the configured values by name
 */
public record Placeholders(boolean enabled, String prefix, String suffix, SortedMap<String, String> values) {

    /** Replaces nothing: the files of every format but Flyway's run as written. */
    public static final Placeholders NONE = new Placeholders(false, "${", "}", new TreeMap<>());

    /** Flyway's defaults: {@code ${name}} replaced, and no values. */
    static final Placeholders FLYWAY = new Placeholders(true, "${", "}", new TreeMap<>());

    /** The URL parameters that configure placeholders, as Flyway names its settings. */
    static final String VALUE_PARAMETER = "placeholders.";

    static final String REPLACEMENT_PARAMETER = "placeholderReplacement";
    static final String PREFIX_PARAMETER = "placeholderPrefix";
    static final String SUFFIX_PARAMETER = "placeholderSuffix";

    // Flyway's built-in placeholder that a file's text alone can give; its others name the connection or the run.
    private static final String FILENAME = "flyway:filename";

    public Placeholders {
        if (prefix.isEmpty() || suffix.isEmpty()) {
            throw new IllegalArgumentException("a placeholder prefix and suffix must not be empty");
        }
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** Whether a directory URL parameter ({@code name=value}, undecoded) is one of the placeholder settings. */
    static boolean isParameter(String name) {
        return name.startsWith(VALUE_PARAMETER)
                || name.equals(REPLACEMENT_PARAMETER)
                || name.equals(PREFIX_PARAMETER)
                || name.equals(SUFFIX_PARAMETER);
    }

    /**
     * Returns these placeholders with one URL parameter applied.
     *
     * @param name the parameter's name, as {@link #isParameter} accepts it
     * @param rawValue its value, URL-encoded
     * @param url the directory URL, for messages (its values redacted)
     * @throws MigrateException for an empty placeholder name, prefix or suffix, or a replacement flag that is
     *     neither {@code true} nor {@code false}
     */
    Placeholders with(String name, String rawValue, String url) {
        String value = decode(rawValue, name, url);
        if (name.startsWith(VALUE_PARAMETER)) {
            String key = decode(name.substring(VALUE_PARAMETER.length()), name, url);
            if (key.isEmpty()) {
                throw new MigrateException("migration directory parameter \"" + name + "\" in \"" + redact(url)
                        + "\" names no" + " placeholder: expected placeholders.NAME=VALUE");
            }
            SortedMap<String, String> more = new TreeMap<>(values);
            more.put(key, value);
            return new Placeholders(enabled, prefix, suffix, more);
        }
        if (name.equals(REPLACEMENT_PARAMETER)) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new MigrateException("migration directory parameter " + REPLACEMENT_PARAMETER + " in \""
                        + redact(url) + "\": expected true or false, found \"" + value + "\"");
            }
            return new Placeholders(Boolean.parseBoolean(value), prefix, suffix, values);
        }
        if (value.isEmpty()) {
            throw new MigrateException(
                    "migration directory parameter " + name + " in \"" + redact(url) + "\" is empty");
        }
        return name.equals(PREFIX_PARAMETER)
                ? new Placeholders(enabled, value, suffix, values)
                : new Placeholders(enabled, prefix, value, values);
    }

    /**
     * Returns a file's text with its placeholders replaced.
     *
     * @param file the file's name, for messages and {@code ${flyway:filename}}
     * @throws MigrationFileException at the first placeholder with no value
     */
    public String replace(String file, String text) {
        return replaced(file, text).text();
    }

    /**
     * Returns the statements of a file as it is written, placeholders and all, for output: a value may be a secret
     * (a role's password), and the statement as written says where it came from. A statement whose text cannot be
     * traced back (it starts or ends inside a value) is shown with every value put back by its placeholder.
     *
     * @param file the file's name
     * @param raw the file's text as written
     * @param statements the statements scanned from the replaced text
     */
    public List<String> shown(String file, String raw, List<Statement> statements) {
        if (!enabled || !raw.contains(prefix)) {
            return statements.stream().map(Statement::text).toList();
        }
        Replaced replaced = replaced(file, raw);
        int[] lineStarts = lineStarts(replaced.text());
        List<String> shown = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            String sql = statement.text();
            int start = statement.line() <= lineStarts.length
                    ? offset(replaced.text(), lineStarts[statement.line() - 1], statement.column())
                    : -1;
            int rawStart = start >= 0 && replaced.text().startsWith(sql, start) ? replaced.toRaw(start) : -1;
            int rawEnd = rawStart >= 0 ? replaced.toRaw(start + sql.length()) : -1;
            shown.add(rawEnd >= rawStart && rawStart >= 0 ? raw.substring(rawStart, rawEnd) : putBack(sql));
        }
        return shown;
    }

    /** A replaced text, and where each replaced placeholder was: {@code outStart, outEnd, rawStart, rawEnd} each. */
    private record Replaced(String text, int[] spans) {

        // The offset in the text as written of an offset in the replaced text (an offset at a value's start is
        // before its placeholder, at its end after it); -1 when it is inside a value.
        int toRaw(int out) {
            int shift = 0;
            for (int i = 0; i < spans.length; i += 4) {
                int outStart = spans[i];
                int outEnd = spans[i + 1];
                if (out <= outStart) {
                    break;
                }
                if (out >= outEnd) {
                    shift = spans[i + 3] - outEnd;
                    continue;
                }
                return -1;
            }
            return out + shift;
        }
    }

    private Replaced replaced(String file, String text) {
        if (!enabled || !text.contains(prefix)) {
            return new Replaced(text, new int[0]);
        }
        StringBuilder out = new StringBuilder(text.length());
        List<Integer> spans = new ArrayList<>();
        int from = 0;
        for (int start = text.indexOf(prefix); start >= 0; start = text.indexOf(prefix, from)) {
            int nameStart = start + prefix.length();
            int end = text.indexOf(suffix, nameStart);
            int newline = text.indexOf('\n', nameStart);
            if (end <= nameStart || (newline >= 0 && newline < end)) {
                // Not a placeholder (Flyway's needs a name on one line): kept as written.
                out.append(text, from, nameStart);
                from = nameStart;
                continue;
            }
            String name = text.substring(nameStart, end);
            out.append(text, from, start);
            int outStart = out.length();
            out.append(value(file, text, start, name));
            from = end + suffix.length();
            spans.addAll(List.of(outStart, out.length(), start, from));
        }
        out.append(text, from, text.length());
        return new Replaced(
                out.toString(), spans.stream().mapToInt(Integer::intValue).toArray());
    }

    // A statement with every value put back by its placeholder, longest values first.
    private String putBack(String sql) {
        String shown = sql;
        List<Map.Entry<String, String>> byLength = new ArrayList<>(values.entrySet());
        byLength.sort((a, b) -> b.getValue().length() - a.getValue().length());
        for (Map.Entry<String, String> entry : byLength) {
            if (!entry.getValue().isEmpty()) {
                shown = shown.replace(entry.getValue(), prefix + entry.getKey() + suffix);
            }
        }
        return shown;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    // The offset of a 1-based column (in code points) of the line starting at lineStart; -1 past the text.
    private static int offset(String text, int lineStart, int column) {
        try {
            return text.offsetByCodePoints(lineStart, column - 1);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private String value(String file, String text, int at, String name) {
        String value = values.get(name);
        if (value != null) {
            return value;
        }
        if (name.equals(FILENAME)) {
            return file.substring(file.lastIndexOf('/') + 1);
        }
        TextPositions positions = new TextPositions(text);
        String placeholder = prefix + name + suffix;
        String why = name.startsWith("flyway:")
                ? "Flyway fills it in from its connection or run, which plumb does not make"
                : "Flyway refuses to run a file with a placeholder it has no value for";
        throw new MigrationFileException(
                file,
                positions.line(at),
                positions.column(at),
                "Flyway placeholder " + placeholder + " has no value (" + why + "): give it one in the directory URL,"
                        + " file://DIR?format=flyway&placeholders." + name + "=VALUE, as flyway.placeholders." + name
                        + " does, or turn replacement off with placeholderReplacement=false");
    }

    /**
     * Returns what distinguishes these placeholders from others for the text they produce, empty when they replace
     * nothing; snapshot and cache keys add it, so that other values never reuse a state built with these.
     */
    public String key() {
        if (!enabled) {
            return "";
        }
        StringBuilder key = new StringBuilder()
                .append(prefix.length())
                .append(prefix)
                .append(suffix.length())
                .append(suffix);
        values.forEach((name, value) -> key.append(name.length())
                .append(':')
                .append(name)
                .append(value.length())
                .append(':')
                .append(value));
        return key.toString();
    }

    /** Returns a directory URL with the values of its placeholder parameters hidden, for messages. */
    static String redact(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.substring(0, query + 1));
        String[] parameters = url.substring(query + 1).split("&", -1);
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            if (i > 0) {
                out.append('&');
            }
            out.append(
                    equals >= 0 && parameter.startsWith(VALUE_PARAMETER)
                            ? parameter.substring(0, equals + 1) + "xxxxx"
                            : parameter);
        }
        return out.toString();
    }

    private static String decode(String raw, String name, String url) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MigrateException("migration directory parameter \"" + name + "\" in \"" + redact(url)
                    + "\" is not URL-encoded: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        // The values may be secrets (a role's password): never printed.
        return "Placeholders[enabled=" + enabled + ", prefix=" + prefix + ", suffix=" + suffix + ", names="
                + values.keySet() + "]";
    }
}
