package io.plumb.txtar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code Txtar} parses and formats archives. Parsing never fails: anything that is not a marker line is content.
 *
 * <p>A marker line starts at the beginning of a line with {@code "-- "}, ends (before {@code \n} or {@code \r\n})
 * with {@code " --"}, is at least six characters long, and has a non-blank name between the two. A non-empty
 * section that does not end in a newline gets one.
 */
public final class Txtar {
    private Txtar() {}

    /** Parses an archive. */
    public static Archive parse(String data) {
        List<ArchiveFile> files = new ArrayList<>();
        Section first = nextSection(data, 0);
        String comment = fixNewline(first.data(), first.crlf());
        String name = first.nextName();
        int offset = first.nextOffset();
        boolean crlf = first.crlf();
        while (name != null) {
            Section section = nextSection(data, offset);
            files.add(new ArchiveFile(name, fixNewline(section.data(), crlf)));
            name = section.nextName();
            offset = section.nextOffset();
            crlf = section.crlf();
        }
        return new Archive(comment, files);
    }

    /**
     * Formats an archive in the canonical form: the comment, then {@code -- name --} and the data of each file,
     * with a final newline added to any non-empty section that lacks one. Nothing is escaped; see {@link
     * #needsQuote(String)}.
     */
    public static String format(Archive archive) {
        String newline = lineEnding(archive);
        StringBuilder out = new StringBuilder();
        appendSection(out, archive.comment(), newline);
        for (ArchiveFile file : archive.files()) {
            out.append("-- ").append(file.name()).append(" --").append(newline);
            appendSection(out, file.data(), newline);
        }
        return out.toString();
    }

    /**
     * Returns the line ending an archive is written with: that of the comment if it ends in a newline, else that
     * of the first file whose data does, else {@code \n}.
     */
    private static String lineEnding(Archive archive) {
        if (archive.comment().endsWith("\n")) {
            return archive.comment().endsWith("\r\n") ? "\r\n" : "\n";
        }
        for (ArchiveFile file : archive.files()) {
            if (file.data().endsWith("\n")) {
                return file.data().endsWith("\r\n") ? "\r\n" : "\n";
            }
        }
        return "\n";
    }

    /** Returns whether data holds a line that would parse as a file marker. */
    public static boolean needsQuote(String data) {
        int offset = 0;
        while (offset < data.length()) {
            if (markerName(data, offset) != null) {
                return true;
            }
            int newline = data.indexOf('\n', offset);
            if (newline < 0) {
                break;
            }
            offset = newline + 1;
        }
        return false;
    }

    /**
     * Quotes data by putting {@code >} at the start of every line, so it can be stored in an archive.
     *
     * @throws TxtarException when the data lacks a final newline or is not valid UTF-8
     */
    public static byte[] quote(byte[] data) throws TxtarException {
        if (data.length == 0) {
            return data;
        }
        if (data[data.length - 1] != '\n') {
            throw new TxtarException("data has no final newline");
        }
        if (!Utf8.isValid(data)) {
            throw new TxtarException("data contains non-UTF-8 characters");
        }
        return quote(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Quotes text by putting {@code >} at the start of every line.
     *
     * @throws TxtarException when the text lacks a final newline
     */
    public static String quote(String data) throws TxtarException {
        if (data.isEmpty()) {
            return data;
        }
        if (!data.endsWith("\n")) {
            throw new TxtarException("data has no final newline");
        }
        String body = data.substring(0, data.length() - 1);
        return ">" + body.replace("\n", "\n>") + "\n";
    }

    /**
     * Removes one {@code >} from the start of every line of quoted data.
     *
     * @throws TxtarException when the data does not start with {@code >} and end with a newline
     */
    public static String unquote(String data) throws TxtarException {
        if (data.isEmpty()) {
            return data;
        }
        if (data.charAt(0) != '>' || !data.endsWith("\n")) {
            throw new TxtarException("data does not appear to be quoted");
        }
        return data.replace("\n>", "\n").substring(1);
    }

    /**
     * Writes each file of an archive under a directory, as go-internal's {@code txtar.Write} does. Names are
     * cleaned like Go's {@code filepath.Clean}; parent directories are created; existing files are never
     * overwritten. Files are written in order, so those before a failing one stay written.
     *
     * @throws TxtarException when a name is absolute or leads outside the directory, or its file already exists
     * @throws IOException when a directory or file cannot be created or written
     */
    public static void write(Archive archive, Path dir) throws TxtarException, IOException {
        ArchiveWriter.write(archive, dir);
    }

    private static void appendSection(StringBuilder out, String section, String newline) {
        out.append(section);
        if (!section.isEmpty() && !section.endsWith("\n")) {
            out.append(newline);
        }
    }

    private static String fixNewline(String data, boolean crlf) {
        if (data.isEmpty() || data.endsWith("\n")) {
            return data;
        }
        return data + (crlf ? "\r\n" : "\n");
    }

    /** The data up to the next marker line, and that marker's name and the offset after it. */
    private record Section(String data, @Nullable String nextName, int nextOffset, boolean crlf) {}

    private static Section nextSection(String data, int start) {
        int offset = start;
        while (offset < data.length()) {
            String name = markerName(data, offset);
            if (name != null) {
                int newline = data.indexOf('\n', offset);
                int after = newline < 0 ? data.length() : newline + 1;
                boolean crlf = newline > offset && data.charAt(newline - 1) == '\r';
                return new Section(data.substring(start, offset), name, after, crlf);
            }
            int newline = data.indexOf('\n', offset);
            if (newline < 0) {
                break;
            }
            offset = newline + 1;
        }
        return new Section(data.substring(start), null, data.length(), false);
    }

    /** Returns the file name if the line starting at {@code offset} is a marker line, else null. */
    private static @Nullable String markerName(String data, int offset) {
        if (!data.startsWith("-- ", offset)) {
            return null;
        }
        int newline = data.indexOf('\n', offset);
        int end = newline < 0 ? data.length() : newline;
        // A final "\r" is dropped even at end of input, where go-internal's copy keeps it and so reads
        // "-- a --\r" as content. That content would get "\n" appended and turn into a marker when parsed
        // again, breaking Parse(Format(Parse(x))) == Parse(x), the round trip go-internal's own test requires.
        if (end > offset && data.charAt(end - 1) == '\r') {
            end--;
        }
        String line = data.substring(offset, end);
        if (line.length() < 6 || !line.endsWith(" --")) {
            return null;
        }
        String name = trimSpace(line.substring(3, line.length() - 3));
        return name.isEmpty() ? null : name;
    }

    /**
     * Trims white space as Go's {@code strings.TrimSpace} does. {@link String#strip()} differs: it keeps
     * U+0085, U+00A0, U+2007 and U+202F, and drops the separators U+001C to U+001F.
     */
    private static String trimSpace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** Returns whether a code point has the Unicode White_Space property, which is Go's {@code unicode.IsSpace}. */
    private static boolean isSpace(int codePoint) {
        return (codePoint >= '\t' && codePoint <= '\r') || codePoint == 0x85 || Character.isSpaceChar(codePoint);
    }
}
