package io.plumb.cli;

import io.plumb.engine.db.DatabaseUrl;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** {@code ErrorMessage} turns an unexpected exception into the one line that follows {@code plumb: }. */
final class ErrorMessage {
    private ErrorMessage() {}

    /**
     * Returns a short, lower-case-led message for an exception, without a stack trace and without the secrets of
     * any database URL in it.
     */
    static String of(Throwable e) {
        return DatabaseUrl.redact(unredacted(e));
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
