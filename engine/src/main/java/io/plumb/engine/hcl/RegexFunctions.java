package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * {@code RegexFunctions} are {@code regex}, {@code regexall}, {@code regexreplace} and {@code regexpescape}; patterns use Go (RE2) syntax
 * as far as Java's regex engine shares it, with {@code (?P<name>...)} groups accepted.
 */
final class RegexFunctions {

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern NAME_IN_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /** A Go template reference after its {@code $}: {@code {name}} or a bare name. */
    private static final Pattern GROUP_REF = Pattern.compile("\\$(?:\\{([a-zA-Z0-9_]+)}|([a-zA-Z0-9_]+))");

    private RegexFunctions() {}

    static void register(Map<String, FunctionDef> m) {
        m.put("regexpescape", FunctionDef.of(1, a -> new Value.Str(quoteMeta(a.str(0)))));
        m.put(
                "regex",
                FunctionDef.of(
                        2,
                        a -> guarded(a, 0, () -> {
                            Matcher matcher = compile(a.str(0), a).matcher(RegexBudget.of(a.str(1)));
                            if (!matcher.find()) {
                                throw a.error("pattern \"" + a.str(0) + "\" does not match \"" + a.str(1) + "\"");
                            }
                            return match(matcher, a.str(0));
                        })));
        m.put(
                "regexall",
                FunctionDef.of(
                        2,
                        a -> guarded(a, 0, () -> {
                            Matcher matcher = compile(a.str(0), a).matcher(RegexBudget.of(a.str(1)));
                            List<Value> all = new ArrayList<>();
                            while (matcher.find()) {
                                all.add(match(matcher, a.str(0)));
                            }
                            return new Value.ListValue(all);
                        })));
        m.put(
                "regexreplace",
                FunctionDef.of(
                        3,
                        a -> guarded(a, 1, () -> {
                            return new Value.Str(replaceAll(compile(a.str(1), a), a.str(0), a.str(2)));
                        })));
    }

    /**
     * Runs a match, turning the matcher's failures on hostile patterns into errors: a budget exhausted by
     * backtracking, or a stack overflow from a pattern such as {@code (a|b)*} over a long text.
     */
    static Value guarded(CallArgs a, int patternArg, Supplier<Value> match) {
        try {
            return match.get();
        } catch (RegexBudget.Exhausted | StackOverflowError e) {
            throw a.error("regular expression \"" + a.str(patternArg)
                    + "\" is too costly to match on this text; expected a pattern that backtracks less");
        }
    }

    /** Replaces every match of {@code pattern} in {@code text}, expanding the Go template {@code replacement}. */
    static String replaceAll(Pattern pattern, String text, String replacement) {
        Matcher matcher = pattern.matcher(RegexBudget.of(text));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(expand(matcher, replacement)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Expands a replacement as Go's {@code Regexp.Expand} does: {@code $1}, {@code ${1}}, {@code $name} and {@code
     * ${name}} insert a group (empty when there is no such group), {@code $$} a dollar, and any other {@code $} is
     * kept as it is.
     */
    static String expand(Matcher matcher, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= template.length()) {
                out.append(c);
                i++;
                continue;
            }
            if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            Matcher ref = GROUP_REF.matcher(template).region(i, template.length());
            if (!ref.lookingAt()) {
                out.append('$');
                i++;
                continue;
            }
            out.append(group(matcher, ref.group(1) != null ? ref.group(1) : ref.group(2)));
            i = ref.end();
        }
        return out.toString();
    }

    private static String group(Matcher matcher, String name) {
        @Nullable String text;
        if (name.chars().allMatch(Character::isDigit)) {
            int n = name.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(name);
            text = n <= matcher.groupCount() ? matcher.group(n) : null;
        } else {
            text = namedGroup(matcher, name);
        }
        return text == null ? "" : text;
    }

    /** Returns a named group, or null when the pattern has no group of that name (Java 17 cannot list them). */
    private static @Nullable String namedGroup(Matcher matcher, String name) {
        try {
            return matcher.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Pattern compile(String pattern, CallArgs a) {
        try {
            return Pattern.compile(NAMED_GROUP.matcher(pattern).replaceAll("(?<$1>"));
        } catch (PatternSyntaxException e) {
            throw a.error("invalid regular expression \"" + pattern + "\": " + e.getDescription());
        }
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
                fields.put(name, group(namedGroup(matcher, name)));
            }
            return new Value.ObjectValue(fields);
        }
        List<Value> groups = new ArrayList<>();
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(group(matcher.group(i)));
        }
        return new Value.ListValue(groups);
    }

    private static Value group(@Nullable String text) {
        return text == null ? new Value.Null() : new Value.Str(text);
    }

    // Go's regexp.QuoteMeta: a backslash before each of the metacharacters \.+*?()|[]{}^$.
    private static String quoteMeta(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
