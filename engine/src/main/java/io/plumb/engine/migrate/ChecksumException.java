package io.plumb.engine.migrate;

import java.util.Locale;
import java.util.Optional;

/**
 * A {@code ChecksumException} says a migration directory and its {@code atlas.sum} disagree, or the sum file is
 * missing or malformed. When one file is to blame it names the file, the sum file's line and the reason, which the
 * CLI prints as {@code L3: 2_second.sql was edited}.
 */
public final class ChecksumException extends MigrateException {

    private static final long serialVersionUID = 1L;

    /** Why a file's entry does not match. */
    public enum Reason {
        ADDED,
        EDITED,
        REMOVED;

        /** Returns the word the reference output uses: {@code added}, {@code edited}, {@code removed}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The file a mismatch is blamed on.
     *
     * @param line the line of {@code atlas.sum} (entry index + 2)
     * @param file the file name
     * @param reason why it differs
     */
    public record Blame(int line, String file, Reason reason) {

        /** Returns the reference line: {@code L3: 2_second.sql was edited}. */
        public String describe() {
            return "L" + line + ": " + file + " was " + reason.word();
        }
    }

    private final transient Optional<Blame> blame;

    private ChecksumException(String message, Optional<Blame> blame) {
        super(message);
        this.blame = blame;
    }

    static ChecksumException at(int line, String file, Reason reason) {
        return new ChecksumException("checksum mismatch", Optional.of(new Blame(line, file, reason)));
    }

    static ChecksumException mismatch() {
        return new ChecksumException("checksum mismatch", Optional.empty());
    }

    /**
     * Returns the reference's error for a malformed {@code atlas.sum}, with the line to blame in front of it: {@code
     * atlas.sum:3:1: checksum file format invalid: ...}.
     */
    static ChecksumException formatInvalid(int line, String found) {
        return new ChecksumException(
                SumFile.FILE_NAME + ":" + line + ":1: checksum file format invalid: expected \"NAME h1:HASH\", found"
                        + " \"" + found + "\"",
                Optional.empty());
    }

    static ChecksumException notFound() {
        return new ChecksumException("checksum file not found", Optional.empty());
    }

    /** Returns the file to blame, when one is. */
    public Optional<Blame> blame() {
        return blame;
    }
}
