package io.plumb.engine.migrate;

import java.util.Arrays;

/**
 * {@code TextPositions} turn offsets into a text into 1-based lines and columns. Only {@code \n} ends a line, so
 * the {@code \r} of a CRLF ending is the last column of its line, never the first of the next; columns count code
 * points.
 */
final class TextPositions {

    private final String text;
    private final int[] lineStarts;
    private int lastLine;
    private int lastOffset;
    private int lastColumn;

    TextPositions(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** Returns the 1-based line of an offset. */
    int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** Returns the 1-based column of an offset. */
    int column(int offset) {
        int line = line(offset);
        // Statements are asked for in order: counting on from the last answer keeps a file of many statements on
        // one long line linear.
        boolean onward = line == lastLine && offset >= lastOffset;
        int column = onward
                ? lastColumn + text.codePointCount(lastOffset, offset)
                : text.codePointCount(lineStarts[line - 1], offset) + 1;
        lastLine = line;
        lastOffset = offset;
        lastColumn = column;
        return column;
    }

    /** Returns a scan error at an offset. */
    ScanException error(int offset, String detail) {
        return new ScanException(line(offset), column(offset), detail);
    }
}
