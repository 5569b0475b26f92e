package io.plumb.engine.dialect.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ArrayCasts} bring a cast of an array constructor to the form PostgreSQL parses it into. The server prints
 * {@code c IN ('a', 'b')} on a {@code varchar} column as {@code ARRAY['a'::character varying, 'b'::character
 * varying]::text[]}, but parses that text as an array of casts, which it prints as {@code ARRAY['a'::character
 * varying::text, 'b'::character varying::text]}: a view created from the first form is read back in the second. Both
 * are the same array, so the cast of the array is moved onto its elements, an element that is more than a value
 * with casts in parentheses, as the server prints one.
 */
final class ArrayCasts {

    private ArrayCasts() {}

    /** Returns the tokens (of {@link BodyTokens}) with each cast of a one-dimensional array constructor distributed. */
    static List<String> distribute(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int next = rewrite(tokens, i, out);
            if (next < 0) {
                out.add(tokens.get(i));
                i++;
            } else {
                i = next;
            }
        }
        return out;
    }

    // Rewrites `array [ e1 , ... ] :: T [ ]` starting at i into out and returns the index after it; -1 when the tokens
    // at i are not such a cast.
    private static int rewrite(List<String> tokens, int i, List<String> out) {
        if (!tokens.get(i).equals("array") || !at(tokens, i + 1, "[")) {
            return -1;
        }
        int close = matching(tokens, i + 1);
        if (close < 0 || !at(tokens, close + 1, ":") || !at(tokens, close + 2, ":")) {
            return -1;
        }
        int typeStart = close + 3;
        int typeEnd = typeStart;
        int depth = 0;
        while (typeEnd < tokens.size()) {
            String t = tokens.get(typeEnd);
            if (depth == 0 && t.equals("[")) {
                break;
            }
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                if (depth == 0) {
                    return -1;
                }
                depth--;
            } else if (depth == 0 && !isTypeWord(t)) {
                return -1;
            }
            typeEnd++;
        }
        // One dimension only: `T[]` and nothing more (a `T[][]` cast of nested constructors is left as it is).
        if (typeEnd == typeStart
                || !at(tokens, typeEnd, "[")
                || !at(tokens, typeEnd + 1, "]")
                || at(tokens, typeEnd + 2, "[")) {
            return -1;
        }
        List<List<String>> elements = elements(tokens, i + 2, close);
        if (elements.isEmpty()
                || elements.stream().anyMatch(e -> e.isEmpty() || e.get(0).equals("array"))) {
            return -1;
        }
        List<String> type = tokens.subList(typeStart, typeEnd);
        out.add("array");
        out.add("[");
        for (int e = 0; e < elements.size(); e++) {
            if (e > 0) {
                out.add(",");
            }
            List<String> element = distribute(elements.get(e));
            if (isValue(element)) {
                out.addAll(element);
            } else {
                out.add("(");
                out.addAll(element);
                out.add(")");
            }
            out.add(":");
            out.add(":");
            out.addAll(type);
        }
        out.add("]");
        return typeEnd + 2;
    }

    // A value with casts: a literal, a (qualified) name or a function call, then `:: type` any number of times.
    private static boolean isValue(List<String> element) {
        int i = 0;
        if (isOperand(element.get(0))) {
            i++;
        } else {
            return false;
        }
        while (at(element, i, ".") && i + 1 < element.size() && isOperand(element.get(i + 1))) {
            i += 2;
        }
        if (at(element, i, "(")) {
            int close = matching(element, i);
            if (close < 0) {
                return false;
            }
            i = close + 1;
        }
        if (i == element.size()) {
            return true;
        }
        if (!at(element, i, ":") || !at(element, i + 1, ":")) {
            return false;
        }
        // What follows the first cast is types and further casts: no operator at the top level.
        int depth = 0;
        for (int k = i + 2; k < element.size(); k++) {
            String t = element.get(k);
            if (t.equals("(") || t.equals("[")) {
                depth++;
            } else if (t.equals(")") || t.equals("]")) {
                depth--;
            } else if (depth == 0 && !t.equals(":") && !isTypeWord(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOperand(String token) {
        char c = token.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '"' || c == '$';
    }

    private static boolean isTypeWord(String token) {
        char c = token.charAt(0);
        return Character.isLetterOrDigit(c) || c == '_' || c == '"' || token.equals(".");
    }

    private static List<List<String>> elements(List<String> tokens, int from, int to) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int depth = 0;
        for (int k = from; k < to; k++) {
            String t = tokens.get(k);
            if (t.equals("(") || t.equals("[")) {
                depth++;
            } else if (t.equals(")") || t.equals("]")) {
                depth--;
            }
            if (depth == 0 && t.equals(",")) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty() || !out.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    // The index of the bracket or parenthesis closing the one at open, or -1.
    private static int matching(List<String> tokens, int open) {
        String o = tokens.get(open);
        String c = o.equals("[") ? "]" : ")";
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            String t = tokens.get(k);
            if (t.equals(o)) {
                depth++;
            } else if (t.equals(c)) {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    private static boolean at(List<String> tokens, int i, String token) {
        return i >= 0 && i < tokens.size() && tokens.get(i).equals(token);
    }
}
