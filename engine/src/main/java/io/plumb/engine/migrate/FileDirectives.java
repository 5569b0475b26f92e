package io.plumb.engine.migrate;

import io.plumb.txtar.Txtar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code FileDirectives} are the {@code -- atlas:NAME [args]} comment lines at the top of a migration file,
 * separated from its body by a blank line (reference 4.7).
 *
 * <p>The header is the run of comment lines ({@code --} or {@code #}) that starts the file and is followed by a
 * blank line or the end of the file; comment lines directly above the first statement are statement directives,
 * not file directives. Three directives live on the first line whatever follows it: {@code -- atlas:delimiter D},
 * {@code -- atlas:txtar} and {@code atlas:sum ignore}. In a txtar file, the header is the archive's comment.
 * Directives of unknown names are ignored, so that files written for a newer version still run.
 *
 * @param delimiter the custom statement delimiter of {@code -- atlas:delimiter} (first line), escapes resolved
 * @param txMode {@code none} or {@code file} from {@code -- atlas:txmode}
 * @param noLint the codes or analyzers of {@code -- atlas:nolint} (empty list: all), or empty when absent; the
 *     arguments of several such directives are joined, and a bare one means all
 * @param checkpoint the tag of {@code -- atlas:checkpoint [tag]} (empty string for no tag), or empty when absent
 * @param txtar whether the file is a txtar archive of pre-migration checks ({@code -- atlas:txtar})
 * @param sumIgnore whether the first line opts out of {@code atlas.sum} ({@code atlas:sum ignore})
 */
public record FileDirectives(
        Optional<String> delimiter,
        Optional<String> txMode,
        Optional<List<String>> noLint,
        Optional<String> checkpoint,
        boolean txtar,
        boolean sumIgnore) {

    // The same test as SumFile.isIgnored: any printable prefix, the exact argument, trailing blanks.
    private static final Pattern SUM_IGNORE = Pattern.compile("[ -~]*atlas:sum ignore[ \\t\\r]*");
    private static final String TXTAR = "-- atlas:txtar";
    private static final String TXMODE = "txmode";

    public FileDirectives {
        noLint = noLint.map(List::copyOf);
    }

    /**
     * Returns the directives of a file's text.
     *
     * @throws ScanException {@code line:col: detail} for an unknown or repeated {@code atlas:txmode}, or an {@code
     *     atlas:delimiter} without a delimiter
     */
    public static FileDirectives parse(String text) {
        int newline = text.indexOf('\n');
        String firstLine = newline < 0 ? text : text.substring(0, newline);
        boolean txtar = firstLine.stripTrailing().equals(TXTAR);
        Optional<String> delimiter = DelimiterDirective.ofFirstLine(text);
        boolean sumIgnore = SUM_IGNORE.matcher(firstLine).matches();
        Optional<String> txMode = Optional.empty();
        Optional<List<String>> noLint = Optional.empty();
        Optional<String> checkpoint = Optional.empty();
        List<String> header = header(txtar ? Txtar.parse(text).comment() : text);
        for (int i = 0; i < header.size(); i++) {
            String line = header.get(i);
            Optional<Directive> found = Directive.parse(line);
            if (found.isEmpty()) {
                continue;
            }
            Directive directive = found.get();
            switch (directive.name()) {
                case TXMODE -> txMode = Optional.of(txMode(directive, txMode.isPresent(), line, i + 1));
                case "nolint" -> noLint = Optional.of(noLint(noLint, directive));
                case "checkpoint" -> checkpoint = checkpoint.or(() -> Optional.of(directive.args()));
                default -> {
                    // delimiter, txtar and sum are first-line directives, read above; other names are unknown.
                }
            }
        }
        return new FileDirectives(delimiter, txMode, noLint, checkpoint, txtar, sumIgnore);
    }

    // The comment lines that start the text, when a blank line or the end of the text follows them; else none.
    private static List<String> header(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end).stripTrailing();
            if (line.isEmpty()) {
                return lines;
            }
            if (!line.startsWith("--") && !line.startsWith("#")) {
                return List.of();
            }
            lines.add(line);
            start = end + 1;
        }
        return lines;
    }

    private static String txMode(Directive directive, boolean repeated, String line, int lineNumber) {
        int column = line.codePointCount(0, directive.argsIndex()) + 1;
        if (repeated) {
            throw new ScanException(lineNumber, 1, "repeated atlas:txmode directive: expected at most one per file");
        }
        String mode = directive.args();
        if (!mode.equals("none") && !mode.equals("file")) {
            throw new ScanException(lineNumber, column, "unknown atlas:txmode \"" + mode + "\": expected none or file");
        }
        return mode;
    }

    private static List<String> noLint(Optional<List<String>> before, Directive directive) {
        List<String> args = directive.argList();
        if (before.isPresent() && (before.get().isEmpty() || args.isEmpty())) {
            return List.of();
        }
        List<String> joined = new ArrayList<>(before.orElse(List.of()));
        joined.addAll(args);
        return joined;
    }
}
