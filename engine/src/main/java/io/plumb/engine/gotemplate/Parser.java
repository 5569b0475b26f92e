package io.plumb.engine.gotemplate;

import io.plumb.engine.gotemplate.Node.Call;
import io.plumb.engine.gotemplate.Node.If;
import io.plumb.engine.gotemplate.Node.Jump;
import io.plumb.engine.gotemplate.Node.Output;
import io.plumb.engine.gotemplate.Node.Range;
import io.plumb.engine.gotemplate.Node.Text;
import io.plumb.engine.gotemplate.Node.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Parser} reads one file of Go's {@code text/template} syntax: text and {@code {{ pipeline }}} actions with
 * {@code {{- } / { -}}} trimming and comments; {@code if}/{@code else if}/{@code else}, {@code range} (with {@code
 * break} and {@code continue}), {@code with}, {@code define}, {@code template} and {@code block}. Pipelines are
 * {@link PipelineParser}'s. Errors name the file, line and column of the action.
 */
final class Parser {

    private final String file;
    private final String text;
    private final Map<String, List<Node>> templates;
    private final Predicate<String> functions;
    private int offset;
    private int lastAction;
    private int ranges;

    private Parser(String file, String text, Map<String, List<Node>> templates, Predicate<String> functions) {
        this.file = file;
        this.text = text;
        this.templates = templates;
        this.functions = functions;
    }

    /**
     * Parses a file into {@code templates}: its own body, named {@code name}, and those it defines.
     *
     * @param functions whether a name is a function the template may call
     */
    static void parse(
            String file, String name, String text, Map<String, List<Node>> templates, Predicate<String> functions) {
        Parser parser = new Parser(file, text, templates, functions);
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
            // As Go: "{{-" trims only when a space follows it, and "-}}" only after a space.
            boolean trimLeft =
                    text.startsWith("{{-", open) && open + 3 < text.length() && isSpace(text.charAt(open + 3));
            String before = text.substring(offset, open);
            if (trimLeft) {
                before = before.substring(0, trimmedEnd(before));
            }
            if (!before.isEmpty()) {
                out.add(new Text(before));
            }
            int start = open + (trimLeft ? 3 : 2);
            int close = actionEnd(start);
            boolean trimRight = close - 2 >= start && text.charAt(close - 1) == '-' && isSpace(text.charAt(close - 2));
            String action = text.substring(start, trimRight ? close - 1 : close).strip();
            offset = close + 2;
            if (trimRight) {
                while (offset < text.length() && isSpace(text.charAt(offset))) {
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

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int trimmedEnd(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private int actionEnd(int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '`' || c == '\'') {
                int close = c == '`' ? text.indexOf('`', i + 1) : quotedEnd(i, c);
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
                Pipeline pipeline = pipeline(rest, at, "range");
                List<Node> body = new ArrayList<>();
                List<Node> otherwise = new ArrayList<>();
                ranges++;
                String end = nodes(body);
                ranges--;
                blockBody(end, otherwise, at, "range");
                out.add(new Range(pipeline, body, otherwise));
            }
            case "with" -> {
                Pipeline pipeline = pipeline(rest, at, "with");
                List<Node> body = new ArrayList<>();
                List<Node> otherwise = new ArrayList<>();
                blockBody(nodes(body), otherwise, at, "with");
                out.add(new With(pipeline, body, otherwise));
            }
            case "define" -> {
                String name = templateName(rest, at);
                if (!afterName(rest, name).isEmpty()) {
                    throw error(at, "unexpected text after define \"" + name + "\"");
                }
                templates.put(name, definition(at, "define \"" + name + "\""));
            }
            case "block" -> {
                // {{ block "name" pipeline }}body{{ end }} defines the template and calls it in place.
                String name = templateName(rest, at);
                String argument = afterName(rest, name);
                Pipeline pipeline = argument.isEmpty() ? null : pipeline(argument, at);
                templates.put(name, definition(at, "block \"" + name + "\""));
                out.add(new Call(name, pipeline, position(at)));
            }
            case "template" -> {
                String name = templateName(rest, at);
                String argument = afterName(rest, name);
                out.add(new Call(name, argument.isEmpty() ? null : pipeline(argument, at), position(at)));
            }
            case "break", "continue" -> {
                if (ranges == 0) {
                    throw error(at, "{{" + keyword + "}} outside {{range}}");
                }
                if (!rest.isEmpty()) {
                    throw error(at, "unexpected \"" + rest + "\" in " + keyword);
                }
                out.add(new Jump(keyword.equals("break")));
            }
            default -> out.add(new Output(pipeline(action, at)));
        }
        return null;
    }

    // A define's or block's body: a range around it does not reach into it.
    private List<Node> definition(int at, String what) {
        int outer = ranges;
        ranges = 0;
        List<Node> body = new ArrayList<>();
        String end = nodes(body);
        ranges = outer;
        if (!"end".equals(end)) {
            throw error(at, what + " has no {{end}}");
        }
        return body;
    }

    private If conditional(String condition, int at) {
        Pipeline pipeline = pipeline(condition, at, "if");
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

    private void blockBody(@Nullable String end, List<Node> otherwise, int at, String keyword) {
        String last = end;
        if ("else".equals(last)) {
            last = nodes(otherwise);
        }
        if (!"end".equals(last)) {
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

    private static String afterName(String rest, String name) {
        return rest.substring(name.length() + 2).strip();
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
        return pipeline(source, at, "command");
    }

    private Pipeline pipeline(String source, int at, String context) {
        return new PipelineParser(source, position(at), context, functions).parse();
    }

    private TemplateException error(int at, String detail) {
        return TemplateException.parsing(position(at), detail);
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
