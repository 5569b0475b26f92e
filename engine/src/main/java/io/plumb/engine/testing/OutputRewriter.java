package io.plumb.engine.testing;

import io.plumb.engine.hcl.ExpressionSpan;
import io.plumb.engine.hcl.HclException;
import io.plumb.runner.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code OutputRewriter} writes the outputs commands actually produced into the {@code output} attributes of a
 * test file, for update mode: only the source text of each value changes, every other byte of the file stays.
 *
 * <p>A heredoc stays a heredoc with its marker and indentation style, a value with a newline becomes an indented
 * heredoc (unless something follows the value on its line), and any other value a quoted string. A computed value, or one that several cases share but produced
 * different outputs for, is refused, and then nothing is rewritten.
 */
public final class OutputRewriter {

    private record Replacement(ExpressionSpan span, String source) {}

    private OutputRewriter() {}

    /**
     * Returns {@code text} with the value of each update's attribute replaced by HCL source evaluating to its
     * actual output (for a heredoc: with a final newline added, which the comparison ignores).
     *
     * @throws HclException at an update's position when its value is not a literal string or heredoc, when
     *     updates at the same position differ, or when no expression starts there
     */
    public static String rewrite(String text, List<OutputUpdate> updates) {
        if (updates.isEmpty()) {
            return text;
        }
        List<OutputUpdate> distinct = distinct(updates);
        List<ExpressionSpan> spans =
                ExpressionSpan.at(text, distinct.stream().map(OutputUpdate::pos).toList());
        List<Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            OutputUpdate update = distinct.get(i);
            ExpressionSpan span = spans.get(i);
            if (!span.isLiteral()) {
                throw new HclException(
                        update.pos(),
                        "output " + abbreviate(span.source(text)) + " is computed, so update mode cannot rewrite"
                                + " it; write the expected output by hand, or as a literal string");
            }
            replacements.add(new Replacement(span, render(text, span, update.actual())));
        }
        // From the last span to the first, so that the offsets of those still to replace stay valid.
        replacements.sort(Comparator.comparingInt((Replacement r) -> r.span().startOffset())
                .reversed());
        StringBuilder out = new StringBuilder(text);
        int limit = text.length();
        for (Replacement r : replacements) {
            if (r.span().endOffset() > limit) {
                throw new IllegalArgumentException("outputs to rewrite overlap at offset " + limit);
            }
            out.replace(r.span().startOffset(), r.span().endOffset(), r.source());
            limit = r.span().startOffset();
        }
        return out.toString();
    }

    /**
     * Rewrites a test file in place, as {@link #rewrite} does, replacing it atomically with a file written beside
     * it; a file with nothing to change is not written.
     *
     * @throws HclException as {@link #rewrite} does; the file is then unchanged
     * @throws UncheckedIOException when the file cannot be read or replaced
     */
    public static void rewriteFile(Path file, List<OutputUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String rewritten = rewrite(text, updates);
            if (!rewritten.equals(text)) {
                replace(file, rewritten);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting outputs in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void replace(Path file, String text) throws IOException {
        // Atomic, synced, keeping the test file's permissions and any symbolic link to it.
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns one update per position. A {@code for_each} block runs one {@code output} expression for several
     * cases: equal outputs are one update, different ones cannot all be written, and guessing would be wrong.
     */
    private static List<OutputUpdate> distinct(List<OutputUpdate> updates) {
        Map<String, OutputUpdate> byPos = new LinkedHashMap<>();
        for (OutputUpdate update : updates) {
            String key = update.pos().line() + ":" + update.pos().column();
            OutputUpdate seen = byPos.putIfAbsent(key, update);
            if (seen != null && !seen.actual().equals(update.actual())) {
                throw new HclException(
                        update.pos(),
                        "output is shared by several cases that produced different outputs: "
                                + abbreviate(OutputLiteral.quoted(seen.actual())) + " and "
                                + abbreviate(OutputLiteral.quoted(update.actual()))
                                + "; update mode cannot choose one, so nothing was rewritten");
            }
        }
        return new ArrayList<>(byPos.values());
    }

    private static String render(String text, ExpressionSpan span, String actual) {
        String eol = lineEnding(text, span.startOffset());
        if (span.form() == ExpressionSpan.Form.HEREDOC) {
            return OutputLiteral.heredoc(actual, HeredocShape.of(span.source(text)), eol);
        }
        // A heredoc's closing marker must end its line: with a comment or a brace after the value, stay quoted.
        if (actual.indexOf('\n') >= 0 && OutputLiteral.fitsHeredoc(actual) && endsItsLine(text, span.endOffset())) {
            String indent = lineIndent(text, span.startOffset());
            return OutputLiteral.heredoc(actual, new HeredocShape("EOT", true, indent + "  ", indent), eol);
        }
        return OutputLiteral.quoted(actual);
    }

    /** Returns the line ending of the line at {@code offset}: new lines in a CRLF file end with CRLF too. */
    private static String lineEnding(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        if (newline < 0) {
            newline = text.indexOf('\n');
        }
        return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
    }

    private static boolean endsItsLine(String text, int offset) {
        int end = text.indexOf('\n', offset);
        return text.substring(offset, end < 0 ? text.length() : end).isBlank();
    }

    private static String lineIndent(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        int end = start;
        while (end < offset && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, end);
    }

    private static String abbreviate(String source) {
        String oneLine = source.replace("\r", "").replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
