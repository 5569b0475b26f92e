package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code StringFunctions} are the built-in functions over strings. */
final class StringFunctions {

    private StringFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put(
                "format",
                FunctionDef.variadic(
                        1, a -> new Value.Str(Format.format(a.str(0), a.values().subList(1, a.size()), a))));
        m.put("formatlist", FunctionDef.variadic(1, Format::formatList));
        m.put("join", FunctionDef.variadic(2, StringFunctions::join));
        m.put("split", FunctionDef.of(2, a -> {
            List<Value> parts = new ArrayList<>();
            for (String s : a.str(1).split(Pattern.quote(a.str(0)), -1)) {
                parts.add(new Value.Str(s));
            }
            return new Value.ListValue(parts);
        }));
        m.put("lower", FunctionDef.of(1, a -> new Value.Str(a.str(0).toLowerCase(Locale.ROOT))));
        m.put("upper", FunctionDef.of(1, a -> new Value.Str(a.str(0).toUpperCase(Locale.ROOT))));
        m.put("title", FunctionDef.of(1, a -> new Value.Str(title(a.str(0)))));
        m.put("replace", FunctionDef.of(3, StringFunctions::replace));
        m.put("trim", FunctionDef.of(2, a -> new Value.Str(trim(a.str(0), a.str(1)))));
        m.put("trimprefix", FunctionDef.of(2, a -> {
            String s = a.str(0);
            return new Value.Str(s.startsWith(a.str(1)) ? s.substring(a.str(1).length()) : s);
        }));
        m.put("trimsuffix", FunctionDef.of(2, a -> {
            String s = a.str(0);
            return new Value.Str(
                    s.endsWith(a.str(1)) ? s.substring(0, s.length() - a.str(1).length()) : s);
        }));
        m.put("trimspace", FunctionDef.of(1, a -> new Value.Str(a.str(0).strip())));
        m.put("chomp", FunctionDef.of(1, a -> new Value.Str(a.str(0).replaceAll("(\\r?\\n)+$", ""))));
        m.put("substr", FunctionDef.of(3, StringFunctions::substr));
        m.put("strrev", FunctionDef.of(1, a -> {
            int[] cps = a.str(0).codePoints().toArray();
            StringBuilder out = new StringBuilder();
            for (int i = cps.length - 1; i >= 0; i--) {
                out.appendCodePoint(cps[i]);
            }
            return new Value.Str(out.toString());
        }));
        m.put("startswith", FunctionDef.of(2, a -> new Value.Bool(a.str(0).startsWith(a.str(1)))));
        m.put("endswith", FunctionDef.of(2, a -> new Value.Bool(a.str(0).endsWith(a.str(1)))));
        // Every line but the first gets the spaces, as a value interpolated after some indentation needs.
        m.put("indent", FunctionDef.of(2, a -> new Value.Str(a.str(1).replace("\n", "\n" + " ".repeat(a.integer(0))))));
    }

    private static Value join(CallArgs a) {
        String sep = a.str(0);
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            for (Value v : a.list(i)) {
                if (v instanceof Value.Null) {
                    throw a.error("cannot join a null element");
                }
                parts.add(Conversions.toStr(v, a.pos(), "element of function \"join\" argument " + (i + 1)));
            }
        }
        return new Value.Str(String.join(sep, parts));
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        for (int cp : s.codePoints().toArray()) {
            out.appendCodePoint(wordStart ? Character.toTitleCase(cp) : cp);
            wordStart = !Character.isLetterOrDigit(cp) && cp != '_' && cp != '\'';
        }
        return out.toString();
    }

    private static Value replace(CallArgs a) {
        String s = a.str(0);
        String search = a.str(1);
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            Pattern p = RegexFunctions.compile(search.substring(1, search.length() - 1), a);
            return RegexFunctions.guarded(a, 1, () -> new Value.Str(RegexFunctions.replaceAll(p, s, a.str(2))));
        }
        return new Value.Str(s.replace(search, a.str(2)));
    }

    private static String trim(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static Value substr(CallArgs a) {
        int[] cps = a.str(0).codePoints().toArray();
        int offset = a.integer(1);
        int length = a.integer(2);
        if (offset < 0) {
            offset = Math.max(0, cps.length + offset);
        }
        if (offset > cps.length) {
            throw a.error("offset " + offset + " is past the end of a string of " + cps.length + " characters");
        }
        int end = length < 0 ? cps.length : Math.min(cps.length, offset + length);
        return new Value.Str(new String(cps, offset, end - offset));
    }
}
