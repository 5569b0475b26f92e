package io.plumb.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code GoTemplate} is the part of Go's {@code text/template} language that {@code --format} templates of the
 * reference tool use, evaluated over a {@link LintTree}: text, {@code {{ pipeline }}} actions with {@code {{-}}
 * and {@code -}}} trimming, {@code range}, {@code if}, {@code with} and {@code else}, field chains ({@code
 * .Files}, {@code .Result.Name}), string and number literals, pipes, parentheses and the functions {@code json}
 * (with indent arguments), {@code print}, {@code println}, {@code printf} ({@code %s %d %v %q}), {@code len},
 * {@code lower}, {@code upper}, {@code join}, {@code add}, {@code sub} and {@code repeat}.
 */
final class GoTemplate {

    /** A template that cannot be parsed or run; its message says where. */
    static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateException(String message) {
            super(message);
        }
    }

    private sealed interface Node {}

    private record Text(String text) implements Node {}

    private record Action(String pipeline) implements Node {}

    private record Block(String kind, String pipeline, List<Node> body, List<Node> otherwise) implements Node {}

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * Parses a template.
     *
     * @throws TemplateException for an unclosed action or block, or an {@code end} without a block
     */
    static GoTemplate parse(String text) {
        List<String[]> tokens = tokens(text);
        int[] at = {0};
        List<Node> nodes = new ArrayList<>();
        String stop = parseInto(tokens, at, nodes, List.of());
        if (stop != null) {
            throw new TemplateException("template: unexpected {{" + stop + "}}");
        }
        return new GoTemplate(nodes);
    }

    /** Runs the template on a value. */
    String execute(Object dot) {
        StringBuilder out = new StringBuilder();
        run(nodes, dot, out);
        return out.toString();
    }

    // Tokens are {"text", s} or {"action", s}, with trim markers applied to the neighbouring text.
    private static List<String[]> tokens(String text) {
        List<String[]> tokens = new ArrayList<>();
        int i = 0;
        boolean trimNext = false;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            String chunk = open < 0 ? text.substring(i) : text.substring(i, open);
            if (trimNext) {
                chunk = chunk.stripLeading();
            }
            if (open < 0) {
                tokens.add(new String[] {"text", chunk});
                break;
            }
            int close = text.indexOf("}}", open);
            if (close < 0) {
                throw new TemplateException("template: unclosed action");
            }
            String action = text.substring(open + 2, close);
            if (action.startsWith("- ") || action.equals("-")) {
                chunk = chunk.stripTrailing();
                action = action.substring(1);
            }
            trimNext = false;
            if (action.endsWith(" -") || action.equals("-")) {
                trimNext = true;
                action = action.substring(0, action.length() - 1);
            }
            tokens.add(new String[] {"text", chunk});
            tokens.add(new String[] {"action", action.strip()});
            i = close + 2;
        }
        return tokens;
    }

    // Parses nodes until one of the stop keywords; returns the keyword that stopped it, or null at the end.
    private static @Nullable String parseInto(List<String[]> tokens, int[] at, List<Node> nodes, List<String> stops) {
        while (at[0] < tokens.size()) {
            String[] token = tokens.get(at[0]++);
            if (token[0].equals("text")) {
                if (!token[1].isEmpty()) {
                    nodes.add(new Text(token[1]));
                }
                continue;
            }
            String action = token[1];
            String keyword = action.split("\\s+", 2)[0];
            if (stops.contains(keyword)) {
                return keyword;
            }
            if (action.startsWith("/*")) {
                continue;
            }
            switch (keyword) {
                case "range", "if", "with" -> {
                    List<Node> body = new ArrayList<>();
                    List<Node> otherwise = new ArrayList<>();
                    String stop = parseInto(tokens, at, body, List.of("end", "else"));
                    if (stop == null) {
                        throw new TemplateException("template: unexpected EOF in " + keyword);
                    }
                    if (stop.equals("else") && parseInto(tokens, at, otherwise, List.of("end")) == null) {
                        throw new TemplateException("template: unexpected EOF in " + keyword);
                    }
                    nodes.add(new Block(
                            keyword, action.substring(keyword.length()).strip(), body, otherwise));
                }
                case "end", "else" -> throw new TemplateException("template: unexpected {{" + keyword + "}}");
                default -> nodes.add(new Action(action));
            }
        }
        return null;
    }

    private static void run(List<Node> nodes, Object dot, StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text text) {
                out.append(text.text());
            } else if (node instanceof Action action) {
                out.append(print(pipeline(action.pipeline(), dot)));
            } else if (node instanceof Block block) {
                Object value = pipeline(block.pipeline(), dot);
                switch (block.kind()) {
                    case "range" -> {
                        List<?> items = value instanceof List<?> list ? list : List.of();
                        if (items.isEmpty()) {
                            run(block.otherwise(), dot, out);
                        }
                        for (Object item : items) {
                            run(block.body(), item, out);
                        }
                    }
                    case "if" -> run(truthy(value) ? block.body() : block.otherwise(), dot, out);
                    default -> {
                        if (truthy(value)) {
                            run(block.body(), value, out);
                        } else {
                            run(block.otherwise(), dot, out);
                        }
                    }
                }
            }
        }
    }

    private static Object pipeline(String text, Object dot) {
        Object result = NONE;
        for (String command : split(text, '|')) {
            List<String> words = words(command.strip());
            if (words.isEmpty()) {
                throw new TemplateException("template: missing value for command");
            }
            result = command(words, dot, result);
        }
        return result;
    }

    private static final Object NONE = new Object();

    private static Object command(List<String> words, Object dot, Object piped) {
        String head = words.get(0);
        List<Object> args = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            args.add(operand(word, dot));
        }
        if (piped != NONE) {
            args.add(piped);
        }
        if (head.startsWith(".")
                || head.startsWith("\"")
                || head.startsWith("(")
                || Character.isDigit(head.charAt(0))) {
            if (!args.isEmpty()) {
                throw new TemplateException("template: can't give argument to non-function " + head);
            }
            return operand(head, dot);
        }
        return function(head, args);
    }

    private static Object operand(String word, Object dot) {
        if (word.startsWith("(") && word.endsWith(")")) {
            return pipeline(word.substring(1, word.length() - 1), dot);
        }
        if (word.startsWith("\"")) {
            return unquote(word);
        }
        if (Character.isDigit(word.charAt(0)) || word.startsWith("-")) {
            return Long.parseLong(word);
        }
        if (word.equals(".")) {
            return dot;
        }
        if (word.startsWith(".")) {
            Object value = dot;
            for (String field : word.substring(1).split("\\.")) {
                value = field(value, field);
            }
            return value;
        }
        if (word.equals("true") || word.equals("false")) {
            return Boolean.parseBoolean(word);
        }
        throw new TemplateException("template: function \"" + word + "\" not defined");
    }

    private static Object field(Object value, String name) {
        if (value instanceof LintTree.Struct struct && struct.has(name)) {
            return struct.get(name).orElse(LintTree.Nil.NIL);
        }
        throw new TemplateException("template: can't evaluate field " + name);
    }

    private static Object function(String name, List<Object> args) {
        switch (name) {
            case "json" -> {
                return json(
                        args.isEmpty() ? NONE : args.get(0), args.isEmpty() ? List.of() : args.subList(1, args.size()));
            }
            case "print" -> {
                return sprint(args, false);
            }
            case "println" -> {
                return sprint(args, true) + "\n";
            }
            case "printf" -> {
                return printf(String.valueOf(args.get(0)), args.subList(1, args.size()));
            }
            case "len" -> {
                Object v = args.get(0);
                return (long) (v instanceof List<?> l ? l.size() : v instanceof String s ? s.length() : 0);
            }
            case "lower" -> {
                return String.valueOf(args.get(0)).toLowerCase(Locale.ROOT);
            }
            case "upper" -> {
                return String.valueOf(args.get(0)).toUpperCase(Locale.ROOT);
            }
            case "join" -> {
                List<?> items = (List<?>) args.get(0);
                return String.join(
                        String.valueOf(args.get(1)),
                        items.stream().map(GoTemplate::print).toList());
            }
            case "add" -> {
                return number(args.get(0)) + number(args.get(1));
            }
            case "sub" -> {
                return number(args.get(0)) - number(args.get(1));
            }
            case "repeat" -> {
                return String.valueOf(args.get(0)).repeat((int) number(args.get(1)));
            }
            default -> throw new TemplateException("template: function \"" + name + "\" not defined");
        }
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new TemplateException("template: expected a number, found " + print(value));
    }

    // Go's fmt.Sprint adds spaces between operands when neither is a string; Sprintln always does.
    private static String sprint(List<Object> args, boolean always) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && (always || !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String))) {
                out.append(' ');
            }
            out.append(print(args.get(i)));
        }
        return out.toString();
    }

    private static String printf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            Object arg = next < args.size() ? args.get(next++) : NONE;
            out.append(verb == 'q' ? io.plumb.engine.lint.Quote.go(print(arg)) : print(arg));
        }
        return out.toString();
    }

    private static boolean truthy(Object value) {
        if (value == NONE || value == LintTree.Nil.NIL) {
            return false;
        } else if (value instanceof Boolean b) {
            return b;
        } else if (value instanceof Number n) {
            return n.longValue() != 0;
        } else if (value instanceof String s) {
            return !s.isEmpty();
        } else if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    private static String print(Object value) {
        if (value == NONE || value == LintTree.Nil.NIL) {
            return "<nil>";
        }
        if (value instanceof LintTree.Struct || value instanceof List<?>) {
            return json(value, List.of());
        }
        return value.toString();
    }

    private static String unquote(String word) {
        String body = word.substring(1, word.length() - 1);
        return body.replace("\\n", "\n")
                .replace("\\t", "\t")
                .replace("\\\"", "\"")
                .replace("\\\\", "\\");
    }

    // Splits at a separator outside quotes and parentheses.
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && (c == separator || separator == ' ' && Character.isWhitespace(c))) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String part : split(text, ' ')) {
            if (!part.isBlank()) {
                words.add(part.strip());
            }
        }
        return words;
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes a tree value as Go's {@code encoding/json} does, HTML characters escaped, with optional indents. */
    static String json(Object value, List<Object> indent) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.setCharacterEscapes(GoEscapes.INSTANCE);
            if (!indent.isEmpty()) {
                String prefix = indent.size() > 1 ? String.valueOf(indent.get(0)) : "";
                String unit = String.valueOf(indent.get(indent.size() - 1));
                json.setPrettyPrinter(new GoIndent(prefix, unit));
            }
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == NONE || value == LintTree.Nil.NIL) {
            json.writeNull();
        } else if (value instanceof LintTree.Struct struct) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : struct.fields().entrySet()) {
                json.writeFieldName(field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer n) {
            json.writeNumber(n);
        } else if (value instanceof Long n) {
            json.writeNumber(n);
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    /** Go escapes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 in JSON strings. */
    private static final class GoEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final GoEscapes INSTANCE = new GoEscapes();
        private final int[] escapes;

        private GoEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_CUSTOM;
            escapes['>'] = ESCAPE_CUSTOM;
            escapes['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            if (ch == '<' || ch == '>' || ch == '&' || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    /** Go's {@code json.MarshalIndent} layout: a newline and the prefix plus one indent per level. */
    private static final class GoIndent extends com.fasterxml.jackson.core.util.MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private final String prefix;
        private final String unit;
        private int depth;

        GoIndent(String prefix, String unit) {
            this.prefix = prefix;
            this.unit = unit;
        }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw("\n" + prefix + unit.repeat(depth));
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            newline(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }
}
