package io.plumb.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says in words why a file could not be read or written ({@code no space left on device}, {@code permission
 * denied}), without the Java class names that wrapped the operating system's reason ({@code
 * javax.xml.stream.XMLStreamException: java.io.IOException: ...}).
 */
final class IoErrors {

    private IoErrors() {}

    /** Returns the reason of the deepest I/O error in the chain, lower-case-led. */
    static String reason(Throwable error) {
        Throwable io = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                io = t;
            }
        }
        if (io instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (io instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (io instanceof DirectoryNotEmptyException) {
            return "a non-empty directory of that name is in the way";
        }
        if (io instanceof FileAlreadyExistsException) {
            return "file exists";
        }
        if (io instanceof NotDirectoryException) {
            return "not a directory";
        }
        String message =
                io instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : io.getMessage();
        if (message == null || message.isBlank()) {
            return "input/output error";
        }
        // "java.io.IOException: No space left on device" -> "no space left on device"
        message = message.replaceAll("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):\\s*", "");
        return message.isEmpty()
                ? "input/output error"
                : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
