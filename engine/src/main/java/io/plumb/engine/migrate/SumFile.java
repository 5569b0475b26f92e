package io.plumb.engine.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code SumFile} is the content of {@code atlas.sum}: the checksum of a whole migration directory and one
 * running checksum per file, in the reference tool's format byte for byte.
 *
 * <p>One SHA-256 runs over the directory without reset: each file's name, then its bytes; a file's entry is the
 * digest of that running state, so editing or reordering a file changes its hash and every later one. A file whose
 * first line ends in {@code atlas:sum ignore} adds its name to the running hash but neither its bytes nor an entry.
 * The total is the SHA-256 over every entry's name and hash.
 *
 * @param total the directory's checksum, base64 without the {@code h1:} prefix
 * @param entries the files' checksums, in directory order
 */
public record SumFile(String total, List<Entry> entries) {

    /** The file name of a migration directory's checksum file. */
    public static final String FILE_NAME = "atlas.sum";

    private static final String PREFIX = "h1:";
    private static final Pattern IGNORE = Pattern.compile("[ -~]*atlas:sum ignore[ \\t\\r]*");

    /**
     * One file's line of {@code atlas.sum}.
     *
     * @param name the file name
     * @param hash the running checksum after the file, base64 without {@code h1:}
     */
    public record Entry(String name, String hash) {}

    public SumFile {
        entries = List.copyOf(entries);
    }

    /** Computes the checksums of files given in directory order. */
    public static SumFile compute(List<MigrationFile> files) {
        MessageDigest running = sha256();
        List<Entry> entries = new ArrayList<>();
        for (MigrationFile file : files) {
            running.update(file.name().getBytes(StandardCharsets.UTF_8));
            if (isIgnored(file)) {
                continue;
            }
            running.update(file.content());
            entries.add(new Entry(file.name(), base64(digestSoFar(running))));
        }
        return new SumFile(totalOf(entries), entries);
    }

    /**
     * Parses the text of an {@code atlas.sum} file and checks its total against its entries.
     *
     * @throws ChecksumException {@code checksum file format invalid} for a line without {@code h1:}, {@code
     *     checksum mismatch} when the total does not match the entries
     */
    public static SumFile parse(String text) {
        SumFile sum = parseLines(text);
        if (!sum.isConsistent()) {
            throw ChecksumException.mismatch();
        }
        return sum;
    }

    /**
     * Parses the text of an {@code atlas.sum} file without checking its total, for {@link #verify}, which blames
     * a changed line on its file.
     *
     * @throws ChecksumException {@code checksum file format invalid} for a line without {@code h1:}
     */
    public static SumFile parseLines(String text) {
        List<String> lines = lines(text);
        String total = lines.isEmpty() ? "" : stripPrefix(lines.get(0));
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf(PREFIX);
            if (at < 0) {
                throw ChecksumException.formatInvalid(i + 1, line);
            }
            entries.add(new Entry(line.substring(0, at).trim(), line.substring(at + PREFIX.length())));
        }
        return new SumFile(total, entries);
    }

    private boolean isConsistent() {
        return total.equals(totalOf(entries));
    }

    /**
     * Returns whether a file opts out of the checksum with {@code atlas:sum ignore} on its first line. Only that line
     * is read, as bytes: the checksum is over bytes, so a file that is not UTF-8 text further down can still be hashed
     * (and is refused, at its position, only where its statements are read).
     */
    public static boolean isIgnored(MigrationFile file) {
        byte[] content = file.content();
        int end = 0;
        while (end < content.length && content[end] != '\n') {
            end++;
        }
        // The directive is ASCII; Latin-1 maps every byte to one char, so nothing else can match it by accident.
        return IGNORE.matcher(new String(content, 0, end, StandardCharsets.ISO_8859_1))
                .matches();
    }

    /** Returns the file's text: {@code h1:TOTAL}, then {@code NAME h1:HASH} per entry, each line ending in LF. */
    public String render() {
        StringBuilder text = new StringBuilder(PREFIX).append(total).append('\n');
        for (Entry entry : entries) {
            text.append(entry.name())
                    .append(' ')
                    .append(PREFIX)
                    .append(entry.hash())
                    .append('\n');
        }
        return text.toString();
    }

    /** Returns the hash of the named file, or empty when it has no entry. */
    public Optional<String> hashOf(String name) {
        return entries.stream()
                .filter(e -> e.name().equals(name))
                .map(Entry::hash)
                .findFirst();
    }

    /**
     * Checks that this stored sum describes the directory's files, naming the first file that differs.
     *
     * @throws ChecksumException with the line, file and reason ({@code added}, {@code edited}, {@code removed})
     */
    public void verify(List<MigrationFile> files) {
        SumFile actual = compute(files);
        if (actual.total.equals(total) && isConsistent()) {
            return;
        }
        List<Entry> stored = entries;
        List<Entry> found = actual.entries;
        int common = Math.min(stored.size(), found.size());
        for (int i = 0; i < common; i++) {
            if (!stored.get(i).name().equals(found.get(i).name())) {
                throw found.size() >= stored.size()
                        ? ChecksumException.at(i + 2, found.get(i).name(), ChecksumException.Reason.ADDED)
                        : ChecksumException.at(i + 2, stored.get(i).name(), ChecksumException.Reason.REMOVED);
            }
            if (!stored.get(i).hash().equals(found.get(i).hash())) {
                throw ChecksumException.at(i + 2, found.get(i).name(), ChecksumException.Reason.EDITED);
            }
        }
        if (found.size() > stored.size()) {
            throw ChecksumException.at(common + 2, found.get(common).name(), ChecksumException.Reason.ADDED);
        }
        if (stored.size() > found.size()) {
            throw ChecksumException.at(common + 2, stored.get(common).name(), ChecksumException.Reason.REMOVED);
        }
        // Every line matches its file: the total on line 1 was changed.
        throw ChecksumException.at(1, FILE_NAME, ChecksumException.Reason.EDITED);
    }

    private static String totalOf(List<Entry> entries) {
        MessageDigest total = sha256();
        for (Entry entry : entries) {
            total.update(entry.name().getBytes(StandardCharsets.UTF_8));
            total.update(entry.hash().getBytes(StandardCharsets.UTF_8));
        }
        return base64(total.digest());
    }

    // Go's bufio.Scanner: lines split at LF with a trailing CR dropped, and no empty last line.
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }

    private static String stripPrefix(String line) {
        return line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line;
    }

    private static byte[] digestSoFar(MessageDigest running) {
        try {
            return ((MessageDigest) running.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
