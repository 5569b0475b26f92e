package io.plumb.engine.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code GoTemplate} parses the subset of Go's {@code text/template} syntax that a {@code template_dir}'s files
 * use, as the reference renders them: text and {@code {{ pipeline }}} actions with {@code {{-}} / {@code -}}}
 * trimming and comments; fields ({@code .Env}, {@code $.Env}), variables ({@code $x := ...}), string, number and
 * bool literals, parenthesised pipelines and {@code |}; {@code if}/{@code else if}/{@code else}, {@code range},
 * {@code with}, {@code define} and {@code template}. Anything else ({@code block}, {@code break}, {@code continue},
 * method calls) is a parse error that names it. {@link GoTemplateRunner} executes the result.
 */
final class GoTemplate {

    /** A parse error at a line and column of a file. */
    static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateException(String message) {
            super(message);
        }
    }

    sealed interface Node permits Text, Output, If, Range, With, Call {}

    record Text(String text) implements Node {}

    /** {@code {{ pipeline }}}, or {@code {{ $x := pipeline }}} (declare) and {@code {{ $x = pipeline }}}. */
    record Output(Pipeline pipeline) implements Node {}

    record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {}

    record Range(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

    record With(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {}

    record Call(String name, @Nullable Pipeline argument, String at) implements Node {}

    /** Commands joined by {@code |}, with the variables it declares or assigns. */
    record Pipeline(List<String> variables, boolean declare, List<List<Operand>> commands, String at) {}

    sealed interface Operand permits Field, Variable, Literal, Function, Nested {}

    /** {@code .A.B}, or {@code .} (empty path). */
    record Field(List<String> path) implements Operand {}

    /** {@code $x.A.B}, or {@code $} and {@code $.A}. */
    record Variable(String name, List<String> path) implements Operand {}

    record Literal(Object value) implements Operand {}

    record Function(String name) implements Operand {}

    record Nested(Pipeline pipeline, List<String> path) implements Operand {}

    private final String file;
    private final String text;
    private final Map<String, List<Node>> templates;
    private int offset;
    private int lastAction;

    private GoTemplate(String file, String text, Map<String, List<Node>> templates) {
        this.file = file;
        this.text = text;
        this.templates = templates;
    }

    /**
     * Parses a file into the named templates: the file's own, named {@code name}, and those it {@code define}s.
     *
     * @throws TemplateException at the first construct that is malformed or not supported
     */
    static void parse(String file, String name, String text, Map<String, List<Node>> templates) {
        GoTemplate parser = new GoTemplate(file, text, templates);
        List<Node> body = new ArrayList<>();
        String end = parser.nodes(body);
        if (end != null) {
            throw parser.error(parser.lastAction, "unexpected {{" + end + "}}");
        }
        templates.put(name, body);
    }

    // Parses nodes until the end of input (null) or an {{end}} / {{else ...}} action, whose keyword it returns.
    private @Nullable String nodes(List<Node> out) {
        while (offset < text.length()) {
            int open = text.indexOf("{{", offset);
            if (open < 0) {
                out.add(new Text(text.substring(offset)));
                offset = text.length();
                return null;
            }
            boolean trimLeft = text.startsWith("{{- ", open)
                    || text.startsWith("{{-\t", open)
                    || text.startsWith("{{-\n", open)
                    || text.startsWith("{{-\r", open);
            String before = text.substring(offset, open);
            if (trimLeft) {
                before = before.stripTrailing();
            }
            if (!before.isEmpty()) {
                out.add(new Text(before));
            }
            int start = open + (trimLeft ? 3 : 2);
            int close = actionEnd(start);
            boolean trimRight = close > start
                    && text.charAt(close - 1) == '-'
                    && close - 2 >= start
                    && Character.isWhitespace(text.charAt(close - 2));
            String action = text.substring(start, trimRight ? close - 1 : close).strip();
            offset = close + 2;
            if (trimRight) {
                while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
                    offset++;
                }
            }
            lastAction = open;
            String stop = action(action, open, out);
            if (stop != null) {
                return stop;
            }
        }
        return null;
    }

    private int actionEnd(int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                int close = c == '"' || c == '\'' ? quotedEnd(i, c) : text.indexOf('`', i + 1);
                if (close < 0) {
                    throw error(start, "unterminated quoted string in action");
                }
                i = close + 1;
            } else if (text.startsWith("}}", i)) {
                return i;
            } else {
                i++;
            }
        }
        throw error(start, "unclosed action");
    }

    private int quotedEnd(int from, char quote) {
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private @Nullable String action(String action, int at, List<Node> out) {
        if (action.startsWith("/*")) {
            if (!action.endsWith("*/")) {
                throw error(at, "unclosed comment");
            }
            return null;
        }
        String keyword = keyword(action);
        String rest = action.substring(keyword.length()).strip();
        switch (keyword) {
            case "end" -> {
                return "end";
            }
            case "else" -> {
                return rest.isEmpty() ? "else" : "else " + rest;
            }
            case "if" -> out.add(conditional(rest, at));
            case "range" -> {
                Pipeline pipeline = pipeline(rest, at);
                List<Node> body = new ArrayList<>();
                List<Node> otherwise = new ArrayList<>();
                blockBody(body, otherwise, at, "range");
                out.add(new Range(pipeline, body, otherwise));
            }
            case "with" -> {
                Pipeline pipeline = pipeline(rest, at);
                List<Node> body = new ArrayList<>();
                List<Node> otherwise = new ArrayList<>();
                blockBody(body, otherwise, at, "with");
                out.add(new With(pipeline, body, otherwise));
            }
            case "define" -> {
                String name = templateName(rest, at);
                if (!rest.substring(rest.indexOf(name) + name.length() + 1).isBlank()) {
                    throw error(at, "unexpected text after define \"" + name + "\"");
                }
                List<Node> body = new ArrayList<>();
                String end = nodes(body);
                if (!"end".equals(end)) {
                    throw error(at, "define \"" + name + "\" has no {{end}}");
                }
                templates.put(name, body);
            }
            case "template" -> {
                String name = templateName(rest, at);
                String argument =
                        rest.substring(rest.indexOf(name) + name.length() + 1).strip();
                out.add(new Call(name, argument.isEmpty() ? null : pipeline(argument, at), position(at)));
            }
            case "block", "break", "continue" -> throw error(at, "{{" + keyword + "}} is not supported");
            default -> out.add(new Output(pipeline(action, at)));
        }
        return null;
    }

    private If conditional(String condition, int at) {
        Pipeline pipeline = pipeline(condition, at);
        List<Node> then = new ArrayList<>();
        String end = nodes(then);
        List<Node> otherwise = new ArrayList<>();
        if (end == null) {
            throw error(at, "if has no {{end}}");
        }
        if (end.startsWith("else if ")) {
            otherwise.add(conditional(end.substring("else if ".length()), at));
        } else if (end.equals("else")) {
            if (!"end".equals(nodes(otherwise))) {
                throw error(at, "if has no {{end}}");
            }
        } else if (!end.equals("end")) {
            throw error(at, "unexpected {{" + end + "}}");
        }
        return new If(pipeline, then, otherwise);
    }

    private void blockBody(List<Node> body, List<Node> otherwise, int at, String keyword) {
        String end = nodes(body);
        if ("else".equals(end)) {
            end = nodes(otherwise);
        }
        if (!"end".equals(end)) {
            throw error(at, keyword + " has no {{end}}");
        }
    }

    private String templateName(String rest, int at) {
        if (rest.length() < 2 || (rest.charAt(0) != '"' && rest.charAt(0) != '`')) {
            throw error(at, "expected a quoted template name");
        }
        int close = rest.indexOf(rest.charAt(0), 1);
        if (close < 0) {
            throw error(at, "unterminated template name");
        }
        return rest.substring(1, close);
    }

    private static String keyword(String action) {
        int i = 0;
        while (i < action.length() && Character.isLetter(action.charAt(i))) {
            i++;
        }
        String word = action.substring(0, i);
        return switch (word) {
            case "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue" -> word;
            default -> "";
        };
    }

    private Pipeline pipeline(String source, int at) {
        return new PipelineParser(source, position(at), this::error).parse();
    }

    private TemplateException error(int at, String detail) {
        return new TemplateException(position(at) + ": " + detail);
    }

    private TemplateException error(String at, String detail) {
        return new TemplateException(at + ": " + detail);
    }

    private String position(int at) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return file + ":" + line + ":" + column;
    }
}
