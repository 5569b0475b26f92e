package io.plumb.engine.hcl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code UrlFunctions} are Atlas's URL helpers {@code urlescape}, {@code urlsetpath}, {@code urlqueryset} and {@code
 * urluserinfo}, escaping exactly as Go's {@code net/url} does so that generated URLs match the reference tool's.
 */
final class UrlFunctions {

    private UrlFunctions() {}

    /** A URL split into the parts these functions replace; absent parts are null. */
    private record Url(
            @Nullable String scheme,
            @Nullable String userinfo,
            String host,
            String path,
            @Nullable String query,
            @Nullable String fragment) {

        static Url parse(String s) {
            String rest = s;
            String fragment = null;
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                fragment = rest.substring(hash + 1);
                rest = rest.substring(0, hash);
            }
            String query = null;
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
            int sep = rest.indexOf("://");
            if (sep < 0) {
                return new Url(null, null, "", rest, query, fragment);
            }
            String scheme = rest.substring(0, sep);
            rest = rest.substring(sep + 3);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            String userinfo = at < 0 ? null : authority.substring(0, at);
            return new Url(scheme, userinfo, authority.substring(at + 1), path, query, fragment);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            if (scheme != null) {
                out.append(scheme).append("://");
                if (userinfo != null) {
                    out.append(userinfo).append('@');
                }
                out.append(host);
                if (!path.isEmpty() && !path.startsWith("/")) {
                    out.append('/');
                }
            }
            out.append(path);
            if (query != null) {
                out.append('?').append(query);
            }
            if (fragment != null) {
                out.append('#').append(fragment);
            }
            return out.toString();
        }
    }

    static void register(Map<String, FunctionDef> m) {
        m.put("urlescape", FunctionDef.of(1, a -> new Value.Str(queryEscape(a.str(0)))));
        m.put("urlsetpath", FunctionDef.of(2, a -> {
            Url u = Url.parse(a.str(0));
            String path = escape(a.str(1), "-_.~/;,:@&=+$!*'()");
            return new Value.Str(new Url(u.scheme(), u.userinfo(), u.host(), path, u.query(), u.fragment()).toString());
        }));
        m.put("urlqueryset", FunctionDef.of(3, UrlFunctions::querySet));
        m.put("urluserinfo", FunctionDef.range(2, 3, a -> {
            Url u = Url.parse(a.str(0));
            String userinfo = escape(a.str(1), "-_.~$&+,;=!*'()");
            if (a.size() == 3) {
                userinfo += ":" + escape(a.str(2), "-_.~$&+,;=!*'()");
            }
            return new Value.Str(new Url(u.scheme(), userinfo, u.host(), u.path(), u.query(), u.fragment()).toString());
        }));
    }

    private static Value querySet(CallArgs a) {
        Url u = Url.parse(a.str(0));
        // Go's url.Values.Encode sorts by key and keeps each key's values in order.
        Map<String, List<String>> values = new TreeMap<>();
        if (u.query() != null && !u.query().isEmpty()) {
            for (String pair : u.query().split("&", -1)) {
                int eq = pair.indexOf('=');
                String k = unescape(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : unescape(pair.substring(eq + 1));
                values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        values.put(a.str(1), List.of(a.str(2)));
        List<String> pairs = new ArrayList<>();
        values.forEach((k, vs) -> vs.forEach(v -> pairs.add(queryEscape(k) + "=" + queryEscape(v))));
        String query = String.join("&", pairs);
        return new Value.Str(new Url(u.scheme(), u.userinfo(), u.host(), u.path(), query, u.fragment()).toString());
    }

    /** Go's {@code url.QueryEscape}: space becomes {@code +}, everything but letters, digits and {@code -_.~} is %-encoded. */
    static String queryEscape(String s) {
        return escape(s, "-_.~").replace("%20", "+");
    }

    private static String escape(String s, String allowed) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || allowed.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length() + 0 && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
