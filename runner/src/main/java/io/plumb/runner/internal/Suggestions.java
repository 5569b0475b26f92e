package io.plumb.runner.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** {@code Suggestions} proposes spelling corrections for an unknown command, as go-internal does. */
final class Suggestions {
    private Suggestions() {}

    /** Returns the commands within one edit (Damerau-Levenshtein) of {@code name}, sorted, or {@code "! cmd"}. */
    static List<String> forCommand(String name, Collection<String> commands) {
        if (name.startsWith("!") && commands.contains(name.substring(1))) {
            return List.of("! " + name.substring(1));
        }
        TreeSet<String> candidates = new TreeSet<>();
        for (String command : commands) {
            if (almostEqual(name, command)) {
                candidates.add(command);
            }
        }
        return new ArrayList<>(candidates);
    }

    /** Returns the message for an unknown command, with suggestions when there are one to four. */
    static String unknownCommand(String name, Collection<String> commands) {
        List<String> candidates = forCommand(name, commands);
        String message = "unknown command " + GoQuote.quote(name);
        if (candidates.size() == 1) {
            return message + " (did you mean " + GoQuote.quote(candidates.get(0)) + "?)";
        }
        if (candidates.size() >= 2 && candidates.size() <= 4) {
            List<String> quoted = new ArrayList<>();
            candidates.forEach(c -> quoted.add(GoQuote.quote(c)));
            return message + " (did you mean one of [" + String.join(" ", quoted) + "]?)";
        }
        return message;
    }

    /** Reports whether one insertion, deletion, substitution or swap of neighbours turns a into b. */
    static boolean almostEqual(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int prefix = 0;
        while (prefix < la && prefix < lb && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (la == lb) {
            if (a.substring(prefix + 1).equals(b.substring(prefix + 1))) {
                return true;
            }
            return prefix + 1 < la
                    && a.charAt(prefix) == b.charAt(prefix + 1)
                    && a.charAt(prefix + 1) == b.charAt(prefix)
                    && a.substring(prefix + 2).equals(b.substring(prefix + 2));
        }
        String longer = la > lb ? a : b;
        String shorter = la > lb ? b : a;
        return longer.substring(prefix + 1).equals(shorter.substring(prefix));
    }
}
