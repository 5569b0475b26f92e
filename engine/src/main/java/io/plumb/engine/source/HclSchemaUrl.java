package io.plumb.engine.source;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code HclSchemaUrl} is the desired-state URL of a project's {@code data "hcl_schema"} block:
 * {@code hcl_schema://NAME?path=FILE&var.KEY=VALUE}, which carries the files and the input variables they are
 * evaluated with, so that an env's {@code src} can name it like any other source.
 *
 * @param name the data block's name
 * @param paths the absolute schema files
 * @param vars the input variables
 */
public record HclSchemaUrl(String name, List<Path> paths, Map<String, String> vars) {

    /** The URL scheme, with its separator. */
    public static final String PREFIX = "hcl_schema://";

    public HclSchemaUrl {
        paths = List.copyOf(paths);
        vars = Map.copyOf(vars);
    }

    /** Writes the URL. */
    public static String format(String name, List<Path> paths, Map<String, String> vars) {
        List<String> query = new ArrayList<>();
        for (Path path : paths) {
            query.add("path=" + encode(path.toString()));
        }
        vars.forEach((key, value) -> query.add("var." + encode(key) + "=" + encode(value)));
        return PREFIX + encode(name) + "?" + String.join("&", query);
    }

    /** Returns whether the source is such a URL. */
    public static boolean matches(String source) {
        return source.startsWith(PREFIX);
    }

    /** Reads a URL written by {@link #format}. */
    public static HclSchemaUrl parse(String source) {
        String rest = source.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String name = decode(q < 0 ? rest : rest.substring(0, q));
        List<Path> paths = new ArrayList<>();
        Map<String, String> vars = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = decode(pair.substring(0, eq));
                String value = decode(pair.substring(eq + 1));
                if (key.equals("path")) {
                    paths.add(Path.of(value));
                } else if (key.startsWith("var.")) {
                    vars.put(key.substring("var.".length()), value);
                }
            }
        }
        return new HclSchemaUrl(name, paths, vars);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
