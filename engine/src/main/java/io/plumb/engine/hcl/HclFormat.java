package io.plumb.engine.hcl;

import io.plumb.engine.hcl.FormatToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code HclFormat} lays out an HCL file in the canonical style the reference's {@code schema fmt} writes (Go's {@code
 * hclwrite.Format}), changing only whitespace: each line is indented two spaces per bracket level still open (an
 * indent stack, as hclwrite keeps, so that a line opening two brackets indents the next lines once); the spaces
 * between the tokens of a line follow hclwrite's rules (one space between most tokens and around operators and
 * {@code =}, none inside {@code ()} and {@code []}, before {@code ,} and around {@code .}, one inside {@code { }}
 * but {@code {}} when empty, none after a function name, a negation or {@code !}, nothing added inside a string's
 * text); the {@code =} of consecutive attribute lines line up, and so do the comments that end consecutive lines;
 * blank lines stay, and lines end without trailing whitespace. Comments, the text of strings and heredocs (an
 * interpolation inside a heredoc included) stay as written. The file must parse ({@link Hcl#parse}) before it is
 * formatted.
 */
public final class HclFormat {

    private static final FormatToken NONE = new FormatToken(Kind.OTHER, "");

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
        List<Line> lines = lines(FormatScanner.scan(src));
        indent(lines);
        for (Line line : lines) {
            space(line.lead);
            if (!line.assign.isEmpty()) {
                space(line.assign);
                line.assign.get(0).spaces = 1;
            }
        }
        alignAssignments(lines);
        alignComments(lines);
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            if (n > 0) {
                text.append('\n');
            }
            for (List<FormatToken> cell : List.of(lines.get(n).lead, lines.get(n).assign, lines.get(n).comment)) {
                for (FormatToken token : cell) {
                    text.append(" ".repeat(Math.max(0, token.spaces))).append(token.text);
                }
            }
        }
        return text.toString();
    }

    /** One line's tokens in hclwrite's three cells: what leads, the {@code = value} of an attribute, a comment. */
    private static final class Line {
        List<FormatToken> lead = new ArrayList<>();
        List<FormatToken> assign = List.of();
        List<FormatToken> comment = List.of();
    }

    private static List<Line> lines(List<FormatToken> tokens) {
        List<Line> lines = new ArrayList<>();
        Line current = new Line();
        lines.add(current);
        for (FormatToken token : tokens) {
            if (token.kind == Kind.NEWLINE) {
                current = new Line();
                lines.add(current);
            } else {
                current.lead.add(token);
            }
        }
        for (Line line : lines) {
            List<FormatToken> lead = line.lead;
            if (lead.size() > 1 && lead.get(lead.size() - 1).kind == Kind.LINE_COMMENT) {
                line.comment = List.of(lead.get(lead.size() - 1));
                line.lead = new ArrayList<>(lead.subList(0, lead.size() - 1));
            }
            splitAssignment(line);
        }
        return lines;
    }

    // The value of an attribute is its own cell when it is whole on the line (its brackets balance): a value that
    // opens a multi-line expression is not aligned with its neighbours.
    private static void splitAssignment(Line line) {
        for (int n = 1; n < line.lead.size(); n++) {
            if (line.lead.get(n).kind == Kind.ASSIGN) {
                List<FormatToken> rest = line.lead.subList(n, line.lead.size());
                if (rest.stream().mapToInt(FormatToken::bracketChange).sum() == 0) {
                    line.assign = new ArrayList<>(rest);
                    line.lead = new ArrayList<>(line.lead.subList(0, n));
                }
                return;
            }
        }
    }

    private static void indent(List<Line> lines) {
        List<Integer> indents = new ArrayList<>();
        for (Line line : lines) {
            if (line.lead.isEmpty()) {
                continue;
            }
            int net = 0;
            for (List<FormatToken> cell : List.of(line.lead, line.assign)) {
                for (FormatToken token : cell) {
                    net += token.bracketChange();
                }
            }
            if (net < 0) {
                int closed = -net;
                while (closed > 0 && !indents.isEmpty()) {
                    int last = indents.size() - 1;
                    if (closed >= indents.get(last)) {
                        closed -= indents.remove(last);
                    } else {
                        indents.set(last, indents.get(last) - closed);
                        closed = 0;
                    }
                }
            }
            line.lead.get(0).spaces = 2 * indents.size();
            if (net > 0) {
                indents.add(net);
            }
        }
    }

    private static void space(List<FormatToken> cell) {
        for (int n = 0; n + 1 < cell.size(); n++) {
            FormatToken before = n > 0 ? cell.get(n - 1) : NONE;
            cell.get(n + 1).spaces = spaceAfter(cell.get(n), before, cell.get(n + 1)) ? 1 : 0;
        }
    }

    /** Returns whether one space separates {@code subject} from {@code after}, by hclwrite's rules in their order. */
    private static boolean spaceAfter(FormatToken subject, FormatToken before, FormatToken after) {
        Kind s = subject.kind;
        Kind a = after.kind;
        if (s == Kind.IDENT && a == Kind.OPEN_PAREN
                || (s == Kind.IDENT && a == Kind.DOUBLE_COLON)
                || (s == Kind.DOUBLE_COLON && a == Kind.IDENT)
                || s == Kind.DOT
                || a == Kind.DOT
                || a == Kind.COMMA
                || a == Kind.ELLIPSIS) {
            return false;
        }
        if (s == Kind.COMMA) {
            return true;
        }
        if (s == Kind.QUOTED_TEXT
                || s == Kind.OPEN_QUOTE
                || s == Kind.OPEN_HEREDOC
                || a == Kind.QUOTED_TEXT
                || a == Kind.CLOSE_QUOTE
                || a == Kind.HEREDOC) {
            return false;
        }
        if (s == Kind.IDENT && subject.text.equals("in") && before.kind == Kind.IDENT) {
            return true;
        }
        if (a == Kind.OPEN_BRACKET && (s == Kind.IDENT || s == Kind.NUMBER || subject.bracketChange() < 0)) {
            return false;
        }
        if (s == Kind.BANG) {
            return false;
        }
        if (s == Kind.MINUS) {
            return isOperand(before);
        }
        if (s == Kind.OPEN_BRACE || a == Kind.CLOSE_BRACE) {
            return !(s == Kind.OPEN_BRACE && a == Kind.CLOSE_BRACE);
        }
        if (s == Kind.TEMPLATE_OPEN && a == Kind.OPEN_BRACE || s == Kind.CLOSE_BRACE && a == Kind.TEMPLATE_END) {
            return true;
        }
        if (s == Kind.TEMPLATE_END && a == Kind.TEMPLATE_OPEN) {
            return false;
        }
        return subject.bracketChange() <= 0 && after.bracketChange() >= 0;
    }

    // A minus after something that may end an expression subtracts (a space follows); elsewhere it negates.
    private static boolean isOperand(FormatToken before) {
        return switch (before.kind) {
            case OPEN_PAREN,
                    OPEN_BRACE,
                    OPEN_BRACKET,
                    ASSIGN,
                    COLON,
                    COMMA,
                    QUESTION,
                    ARITHMETIC,
                    MINUS,
                    COMPARISON,
                    LOGICAL,
                    BANG -> false;
            default -> before != NONE;
        };
    }

    private static void alignAssignments(List<Line> lines) {
        int start = -1;
        int width = 0;
        for (int n = 0; n <= lines.size(); n++) {
            if (n < lines.size() && !lines.get(n).assign.isEmpty()) {
                start = start < 0 ? n : start;
                width = Math.max(width, columns(lines.get(n).lead));
                continue;
            }
            for (int k = Math.max(start, 0); start >= 0 && k < n; k++) {
                lines.get(k).assign.get(0).spaces = width - columns(lines.get(k).lead) + 1;
            }
            start = -1;
            width = 0;
        }
    }

    private static void alignComments(List<Line> lines) {
        int start = -1;
        int width = 0;
        for (int n = 0; n <= lines.size(); n++) {
            if (n < lines.size() && !lines.get(n).comment.isEmpty()) {
                start = start < 0 ? n : start;
                width = Math.max(width, columns(lines.get(n).lead) + columns(lines.get(n).assign));
                continue;
            }
            for (int k = Math.max(start, 0); start >= 0 && k < n; k++) {
                Line line = lines.get(k);
                line.comment.get(0).spaces = width - columns(line.lead) - columns(line.assign) + 1;
            }
            start = -1;
            width = 0;
        }
    }

    private static int columns(List<FormatToken> cell) {
        return cell.stream().mapToInt(FormatToken::columns).sum();
    }
}
