package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code HclFormat} lays out an HCL file in the canonical style the reference's {@code schema fmt} writes (Go's {@code
 * hclwrite.Format}): two spaces of indentation per open brace, bracket or parenthesis; one space between the words
 * of a line; {@code key = value} with the {@code =} of consecutive attribute lines of one level aligned; no trailing
 * whitespace. What is inside strings, comments and heredocs stays as written; so does the spacing inside expressions
 * ({@code [ a,b ]}), which {@code hclwrite} also normalises. The file must parse ({@link Hcl#parse}) before it is
 * formatted.
 */
public final class HclFormat {

    private static final Pattern ATTRIBUTE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*) ?=(?![=>]) ?(.*)$");
    private static final Pattern BLOCK_OPEN = Pattern.compile("^[A-Za-z_][^=]*[^ ]\\{$");
    private static final Pattern HEREDOC = Pattern.compile("<<-?([A-Za-z_][A-Za-z0-9_-]*)$");

    private HclFormat() {}

    /**
     * Returns the file formatted.
     *
     * @param file the file's name, for error positions
     * @param src the file's text
     * @throws HclException when the file does not parse
     */
    public static String format(String file, String src) {
        Hcl.parse(file, src, null);
        String[] lines = src.split("\n", -1);
        List<Line> out = new ArrayList<>();
        Scanner scanner = new Scanner();
        for (String raw : lines) {
            out.add(scanner.line(raw));
        }
        align(out);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            Line line = out.get(i);
            text.append(line.verbatim ? line.text : line.render());
        }
        return text.toString();
    }

    /** Pads the keys of runs of attribute lines at one level, so that their {@code =} line up. */
    private static void align(List<Line> lines) {
        int start = 0;
        while (start < lines.size()) {
            if (lines.get(start).key == null) {
                start++;
                continue;
            }
            int end = start;
            int width = 0;
            while (end < lines.size() && lines.get(end).depth == lines.get(start).depth) {
                String key = lines.get(end).key;
                if (key == null) {
                    break;
                }
                width = Math.max(width, key.length());
                end++;
            }
            for (int i = start; i < end; i++) {
                lines.get(i).width = width;
            }
            start = end;
        }
    }

    /** One output line: verbatim (inside a heredoc or a comment), or its indentation level and content. */
    private static final class Line {
        final String text;
        final boolean verbatim;
        final int depth;
        final @Nullable String key;
        final String value;
        int width;

        Line(String text, boolean verbatim, int depth, @Nullable String key, String value) {
            this.text = text;
            this.verbatim = verbatim;
            this.depth = depth;
            this.key = key;
            this.value = value;
        }

        String render() {
            if (text.isEmpty()) {
                return "";
            }
            String indent = "  ".repeat(Math.max(0, depth));
            if (key != null) {
                String padded = key + " ".repeat(Math.max(0, width - key.length()));
                return indent + padded + " =" + (value.isEmpty() ? "" : " " + value);
            }
            return indent + text;
        }
    }

    /** Reads lines in order, tracking what spans lines: brackets, block comments and heredocs. */
    private static final class Scanner {
        private int depth;
        private boolean inComment;
        private @Nullable String heredoc;

        Line line(String raw) {
            if (heredoc != null) {
                if (raw.trim().equals(heredoc)) {
                    heredoc = null;
                }
                return new Line(raw, true, depth, null, "");
            }
            if (inComment) {
                Normalized n = normalize(raw);
                return new Line(raw, true, depth, null, n.text);
            }
            String trimmed = raw.strip();
            int closers = 0;
            while (closers < trimmed.length() && "}])".indexOf(trimmed.charAt(closers)) >= 0) {
                closers++;
            }
            int level = depth - closers;
            Normalized n = normalize(trimmed);
            String content = n.text;
            if (BLOCK_OPEN.matcher(content).matches() && !content.endsWith(" {")) {
                content = content.substring(0, content.length() - 1) + " {";
            }
            Matcher heredocStart = HEREDOC.matcher(content);
            if (heredocStart.find()) {
                heredoc = heredocStart.group(1);
            }
            Matcher attribute = n.plain ? ATTRIBUTE.matcher(content) : null;
            if (attribute != null && attribute.matches()) {
                return new Line(content, false, level, attribute.group(1), attribute.group(2));
            }
            return new Line(content, false, level, null, "");
        }

        /** The line with runs of blanks outside strings and comments made one space, and the brackets counted. */
        private Normalized normalize(String line) {
            StringBuilder text = new StringBuilder();
            // Open strings and interpolations: a '"' is a string, a '{' an interpolation's own brace.
            List<Character> stack = new ArrayList<>();
            boolean startsPlain = !inComment;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
                if (inComment) {
                    text.append(c);
                    if (c == '*' && next == '/') {
                        text.append(next);
                        i += 2;
                        inComment = false;
                        continue;
                    }
                    i++;
                    continue;
                }
                boolean inString = !stack.isEmpty() && stack.get(stack.size() - 1) == '"';
                if (inString) {
                    text.append(c);
                    if (c == '\\' && next != '\0') {
                        text.append(next);
                        i += 2;
                        continue;
                    }
                    if ((c == '$' || c == '%') && next == '{') {
                        text.append(next);
                        stack.add('$');
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        stack.remove(stack.size() - 1);
                    }
                    i++;
                    continue;
                }
                if (c == '#' || (c == '/' && next == '/')) {
                    text.append(line.substring(i));
                    break;
                }
                if (c == '/' && next == '*') {
                    inComment = true;
                    text.append("/*");
                    i += 2;
                    continue;
                }
                if (c == ' ' || c == '\t') {
                    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                        i++;
                    }
                    if (i < line.length() && text.length() > 0) {
                        text.append(' ');
                    }
                    continue;
                }
                if (c == '"') {
                    stack.add('"');
                } else if (c == '{' || c == '[' || c == '(') {
                    if (stack.isEmpty()) {
                        depth++;
                    } else {
                        stack.add(c);
                    }
                } else if (c == '}' || c == ']' || c == ')') {
                    if (stack.isEmpty()) {
                        depth--;
                    } else {
                        stack.remove(stack.size() - 1);
                    }
                }
                text.append(c);
                i++;
            }
            return new Normalized(text.toString().stripTrailing(), startsPlain);
        }
    }

    private record Normalized(String text, boolean plain) {}
}
