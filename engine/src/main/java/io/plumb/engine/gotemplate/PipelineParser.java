package io.plumb.engine.gotemplate;

import io.plumb.engine.gotemplate.Pipeline.Field;
import io.plumb.engine.gotemplate.Pipeline.Function;
import io.plumb.engine.gotemplate.Pipeline.Literal;
import io.plumb.engine.gotemplate.Pipeline.Nested;
import io.plumb.engine.gotemplate.Pipeline.Operand;
import io.plumb.engine.gotemplate.Pipeline.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A {@code PipelineParser} parses the pipeline of one template action. */
final class PipelineParser {

    private final String source;
    private final String at;
    private final String context;
    private final Predicate<String> functions;
    private int i;

    /**
     * Creates a parser of one action's pipeline.
     *
     * @param at {@code file:line:col} of the action, for errors
     * @param context what the pipeline belongs to as Go's errors name it: {@code command}, {@code if}, {@code range}
     * @param functions whether a name is a function the template may call: as in Go, another name is a parse error
     */
    PipelineParser(String source, String at, String context, Predicate<String> functions) {
        this.source = source;
        this.at = at;
        this.context = context;
        this.functions = functions;
    }

    Pipeline parse() {
        Pipeline pipeline = pipeline();
        skipSpace();
        if (i < source.length()) {
            throw error("unexpected \"" + source.substring(i) + "\" in action");
        }
        return pipeline;
    }

    private Pipeline pipeline() {
        List<String> variables = new ArrayList<>();
        boolean declare = false;
        int mark = i;
        skipSpace();
        if (peek() == '$') {
            List<String> names = new ArrayList<>();
            names.add(variableName());
            skipSpace();
            if (peek() == ',') {
                i++;
                skipSpace();
                if (peek() == '$') {
                    names.add(variableName());
                    skipSpace();
                }
            }
            if (source.startsWith(":=", i) || (peek() == '=' && !source.startsWith("==", i))) {
                declare = source.startsWith(":=", i);
                i += declare ? 2 : 1;
                variables = names;
            } else {
                i = mark;
            }
        }
        List<List<Operand>> commands = new ArrayList<>();
        while (true) {
            List<Operand> command = new ArrayList<>();
            while (true) {
                skipSpace();
                if (i >= source.length() || peek() == '|' || peek() == ')') {
                    break;
                }
                command.add(operand());
            }
            if (command.isEmpty()) {
                throw error("missing value for " + (commands.isEmpty() ? context : "command"));
            }
            commands.add(command);
            if (peek() == '|') {
                i++;
                continue;
            }
            break;
        }
        return new Pipeline(variables, declare, commands, at);
    }

    private Operand operand() {
        char c = peek();
        if (c == '(') {
            i++;
            Pipeline nested = pipeline();
            skipSpace();
            if (peek() != ')') {
                throw error("unclosed left paren");
            }
            i++;
            return new Nested(nested, fields());
        }
        if (c == '.') {
            List<String> path = fields();
            return new Field(path);
        }
        if (c == '$') {
            String name = variableName();
            return new Variable(name, fields());
        }
        if (c == '"' || c == '`') {
            return new Literal(string(c));
        }
        if (c == '\'') {
            int close = source.indexOf('\'', i + 1);
            if (close != i + 2) {
                throw error("malformed character constant");
            }
            Literal literal = new Literal((long) source.charAt(i + 1));
            i = close + 1;
            return literal;
        }
        if (Character.isDigit(c)
                || ((c == '-' || c == '+') && i + 1 < source.length() && Character.isDigit(source.charAt(i + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            String word = word();
            if (peek() == '.') {
                throw error("method and field calls on \"" + word + "\" are not supported");
            }
            return switch (word) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "nil" -> throw error("nil is not a command");
                default -> {
                    if (!functions.test(word)) {
                        throw error("function \"" + word + "\" not defined");
                    }
                    yield new Function(word);
                }
            };
        }
        throw error("unexpected \"" + c + "\" in operand");
    }

    private List<String> fields() {
        List<String> path = new ArrayList<>();
        while (peek() == '.') {
            i++;
            if (!(Character.isLetter(peek()) || peek() == '_')) {
                // A lone "." is the dot itself.
                if (path.isEmpty()) {
                    return path;
                }
                throw error("malformed field name");
            }
            path.add(word());
        }
        return path;
    }

    private String variableName() {
        i++;
        return "$" + word();
    }

    private String word() {
        int start = i;
        while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
            i++;
        }
        return source.substring(start, i);
    }

    private Literal number() {
        int start = i;
        i++;
        while (i < source.length()
                && (Character.isLetterOrDigit(source.charAt(i))
                        || source.charAt(i) == '.'
                        || source.charAt(i) == '_')) {
            i++;
        }
        String text = source.substring(start, i).replace("_", "");
        try {
            if (text.matches("[-+]?\\d+")) {
                return new Literal(Long.parseLong(text));
            }
            return new Literal(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw error("bad number syntax: \"" + text + "\"");
        }
    }

    private String string(char quote) {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < source.length() && source.charAt(i) != quote) {
            char c = source.charAt(i);
            if (quote == '"' && c == '\\' && i + 1 < source.length()) {
                char next = source.charAt(++i);
                value.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                value.append(c);
            }
            i++;
        }
        if (i >= source.length()) {
            throw error("unterminated quoted string");
        }
        i++;
        return value.toString();
    }

    private void skipSpace() {
        while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        return i < source.length() ? source.charAt(i) : '\0';
    }

    private TemplateException error(String detail) {
        return TemplateException.parsing(at, detail);
    }
}
