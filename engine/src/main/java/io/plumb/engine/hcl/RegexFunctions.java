package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code RegexFunctions} are {@code regex}, {@code regexall} and {@code regexreplace}; patterns use Go (RE2) syntax
 * as far as Java's regex engine shares it, with {@code (?P<name>...)} groups accepted.
 */
final class RegexFunctions {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern NAME_IN_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private RegexFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("regex", FunctionDef.of(2, a -> {
            Matcher matcher = compile(a.str(0), a).matcher(a.str(1));
            if (!matcher.find()) {
                throw a.error("pattern \"" + a.str(0) + "\" does not match \"" + a.str(1) + "\"");
            }
            return match(matcher, a.str(0));
        }));
        m.put("regexall", FunctionDef.of(2, a -> {
            Matcher matcher = compile(a.str(0), a).matcher(a.str(1));
            List<Value> all = new ArrayList<>();
            while (matcher.find()) {
                all.add(match(matcher, a.str(0)));
            }
            return new Value.ListValue(all);
        }));
        m.put(
                "regexreplace",
                FunctionDef.of(
                        3,
                        a -> new Value.Str(
                                compile(a.str(1), a).matcher(a.str(0)).replaceAll(replacement(a.str(2))))));
    }

    static Pattern compile(String pattern, CallArgs a) {
        try {
            return Pattern.compile(NAMED_GROUP.matcher(pattern).replaceAll("(?<$1>"));
        } catch (PatternSyntaxException e) {
            throw a.error("invalid regular expression \"" + pattern + "\": " + e.getDescription());
        }
    }

    /** Turns a Go replacement string ({@code $1}, {@code ${1}}, {@code ${name}}) into Java's syntax. */
    static String replacement(String goReplacement) {
        return goReplacement.replaceAll("\\$\\{(\\d+)}", "\\$$1");
    }

    private static Value match(Matcher matcher, String pattern) {
        if (matcher.groupCount() == 0) {
            return new Value.Str(matcher.group());
        }
        List<String> names = new ArrayList<>();
        Matcher named = NAME_IN_GROUP.matcher(NAMED_GROUP.matcher(pattern).replaceAll("(?<$1>"));
        while (named.find()) {
            names.add(named.group(1));
        }
        if (!names.isEmpty()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            for (String name : names) {
                fields.put(name, group(matcher.group(name)));
            }
            return new Value.ObjectValue(fields);
        }
        List<Value> groups = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(group(matcher.group(i)));
        }
        return new Value.ListValue(groups);
    }

    private static Value group(String text) {
        return text == null ? new Value.Null() : new Value.Str(text);
    }
}
