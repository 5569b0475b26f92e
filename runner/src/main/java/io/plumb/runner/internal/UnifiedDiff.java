package io.plumb.runner.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code UnifiedDiff} renders the differences between two texts as the anchored unified diff that Go's
 * {@code internal/diff} package (copied into go-internal as {@code diff}) prints for testscript's {@code cmp}.
 *
 * <p>The diff is "anchored": it matches only lines that occur exactly once in each text, takes the longest
 * common subsequence of those (Szymanski's algorithm, O(n log n)), and grows every match forwards and
 * backwards over equal lines. Hunks carry 3 lines of context. The output is meant to be byte-identical to
 * Go's, because scripts that test the runner compare it.
 */
public final class UnifiedDiff {
    /** Lines of context around each change, as in Go. */
    private static final int CONTEXT = 3;

    private static final String NO_NEWLINE = "\n\\ No newline at end of file\n";

    private UnifiedDiff() {}

    /** A pair of line indexes (or counts), one per side, as Go's {@code pair}. */
    private record Pair(int x, int y) {}

    /**
     * Returns the anchored unified diff of {@code oldText} and {@code newText}, or {@code ""} when they are
     * equal.
     */
    public static String diff(String oldName, String oldText, String newName, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        String[] x = lines(oldText);
        String[] y = lines(newText);
        StringBuilder out = new StringBuilder();
        out.append("diff ").append(oldName).append(' ').append(newName).append('\n');
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        new HunkWriter(x, y, out).write(tgs(x, y));
        return out.toString();
    }

    /**
     * Walks the matches, growing each over equal neighbours, and prints chunks; the state mirrors Go's loop
     * variables {@code done}, {@code chunk}, {@code count} and {@code ctext}.
     */
    private static final class HunkWriter {
        private final String[] x;
        private final String[] y;
        private final StringBuilder out;
        private final List<String> ctext = new ArrayList<>();
        // Printed up to x[:doneX] and y[:doneY].
        private int doneX;
        private int doneY;
        // Start lines (0-based) of the current chunk.
        private int chunkX;
        private int chunkY;
        // Number of lines from each side in the current chunk.
        private int countX;
        private int countY;

        HunkWriter(String[] x, String[] y, StringBuilder out) {
            this.x = x;
            this.y = y;
            this.out = out;
        }

        void write(List<Pair> matches) {
            for (Pair m : matches) {
                if (m.x() < doneX) {
                    // Already handled scanning forward from an earlier match.
                    continue;
                }
                int startX = m.x();
                int startY = m.y();
                while (startX > doneX && startY > doneY && x[startX - 1].equals(y[startY - 1])) {
                    startX--;
                    startY--;
                }
                int endX = m.x();
                int endY = m.y();
                while (endX < x.length && endY < y.length && x[endX].equals(y[endY])) {
                    endX++;
                    endY++;
                }
                addLines('-', x, doneX, startX);
                countX += startX - doneX;
                addLines('+', y, doneY, startY);
                countY += startY - doneY;

                boolean atEof = endX >= x.length && endY >= y.length;
                int common = endX - startX;
                if (!atEof && (common < CONTEXT || (!ctext.isEmpty() && common < 2 * CONTEXT))) {
                    // Too few common lines to close the chunk: they all belong to it.
                    addContext(startX, endX);
                    doneX = endX;
                    doneY = endY;
                    continue;
                }
                if (!ctext.isEmpty()) {
                    int n = Math.min(common, CONTEXT);
                    addContext(startX, startX + n);
                    doneX = startX + n;
                    doneY = startY + n;
                    flushChunk();
                }
                if (atEof) {
                    break;
                }
                chunkX = endX - CONTEXT;
                chunkY = endY - CONTEXT;
                addContext(chunkX, endX);
                doneX = endX;
                doneY = endY;
            }
        }

        private void addLines(char prefix, String[] side, int from, int to) {
            for (int i = from; i < to; i++) {
                ctext.add(prefix + side[i]);
            }
        }

        private void addContext(int fromX, int toX) {
            addLines(' ', x, fromX, toX);
            countX += toX - fromX;
            countY += toX - fromX;
        }

        private void flushChunk() {
            // Go converts to 1-based line numbers only for a non-empty side, so an empty side shows the
            // line before it: "-0,0" for an empty file, "-5,0" for an insertion after line 5.
            int printX = countX > 0 ? chunkX + 1 : chunkX;
            int printY = countY > 0 ? chunkY + 1 : chunkY;
            out.append("@@ -")
                    .append(printX)
                    .append(',')
                    .append(countX)
                    .append(" +")
                    .append(printY)
                    .append(',')
                    .append(countY)
                    .append(" @@\n");
            ctext.forEach(out::append);
            countX = 0;
            countY = 0;
            ctext.clear();
        }
    }

    /**
     * Splits {@code text} into lines that keep their {@code \n}; a last line without one gets Go's "No newline
     * at end of file" marker attached, so it differs from the same line with a newline.
     */
    private static String[] lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(text.substring(start) + NO_NEWLINE);
                break;
            }
            lines.add(text.substring(start, nl + 1));
            start = nl + 1;
        }
        return lines.toArray(new String[0]);
    }

    /**
     * Returns the pairs of indexes of the longest common subsequence of the lines that occur exactly once in
     * {@code x} and once in {@code y}, framed by the sentinels {@code (0,0)} and {@code (x.length,y.length)}.
     * This is Algorithm A of Thomas G. Szymanski, "A Special Case of the Maximal Common Subsequence Problem"
     * (1975), as in Go.
     */
    private static List<Pair> tgs(String[] x, String[] y) {
        // Count occurrences as 0, 1, many: -1/-2 for x and -4/-8 for y, so that -5 means unique in both
        // and non-negative values can later hold indexes.
        Map<String, Integer> m = new HashMap<>();
        for (String s : x) {
            int c = m.getOrDefault(s, 0);
            if (c > -2) {
                m.put(s, c - 1);
            }
        }
        for (String s : y) {
            int c = m.getOrDefault(s, 0);
            if (c > -8) {
                m.put(s, c - 4);
            }
        }
        List<Integer> xi = new ArrayList<>();
        List<Integer> yi = new ArrayList<>();
        List<Integer> inv = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (m.getOrDefault(y[i], 0) == -1 + -4) {
                m.put(y[i], yi.size());
                yi.add(i);
            }
        }
        for (int i = 0; i < x.length; i++) {
            Integer j = m.get(x[i]);
            if (j != null && j >= 0) {
                xi.add(i);
                inv.add(j);
            }
        }
        int n = xi.size();
        int[] t = new int[n];
        int[] l = new int[n];
        Arrays.fill(t, n + 1);
        for (int i = 0; i < n; i++) {
            int k = searchAtLeast(t, inv.get(i));
            t[k] = inv.get(i);
            l[i] = k + 1;
        }
        int k = 0;
        for (int v : l) {
            k = Math.max(k, v);
        }
        Pair[] seq = new Pair[2 + k];
        seq[1 + k] = new Pair(x.length, y.length);
        int lastJ = n;
        for (int i = n - 1; i >= 0; i--) {
            if (l[i] == k && inv.get(i) < lastJ) {
                seq[k] = new Pair(xi.get(i), yi.get(inv.get(i)));
                lastJ = inv.get(i);
                k--;
            }
        }
        seq[0] = new Pair(0, 0);
        return Arrays.asList(seq);
    }

    /** Returns the smallest index {@code k} with {@code t[k] >= value}, or {@code t.length}, as Go's sort.Search. */
    private static int searchAtLeast(int[] t, int value) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] >= value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
