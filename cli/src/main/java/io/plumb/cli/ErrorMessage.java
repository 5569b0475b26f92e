package io.plumb.cli;

import io.plumb.engine.db.DatabaseUrl;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ErrorMessage} turns an unexpected exception into the one line that follows {@code plumb: }. */
final class ErrorMessage {
    private ErrorMessage() {}

    /**
     * Returns a short, lower-case-led message for an exception, without a stack trace and without the secrets of
     * any database URL in it.
     */
    static String of(Throwable e) {
        return abbreviated(DatabaseUrl.redact(unredacted(e)));
    }

    /** The longest run of non-blank characters a message shows whole; a message may quote a token of the input. */
    static final int LONGEST_RUN = 200;

    private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (LONGEST_RUN + 1) + ",}");

    /** Returns the message with every run of more than {@link #LONGEST_RUN} non-blank characters cut short. */
    static String abbreviated(String message) {
        if (message.length() <= LONGEST_RUN) {
            return message;
        }
        Matcher m = LONG_RUN.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(run.substring(0, LONGEST_RUN / 2) + "... ("
                            + (run.length() - LONGEST_RUN / 2) + " more characters)"));
        }
        return m.appendTail(out).toString();
    }

    private static String unredacted(Throwable e) {
        Throwable cause = e;
        while (cause instanceof UncheckedIOException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file or directory";
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": file exists";
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message;
    }
}
