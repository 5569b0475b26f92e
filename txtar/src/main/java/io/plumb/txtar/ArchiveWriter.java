package io.plumb.txtar;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** An {@code ArchiveWriter} extracts the files of an archive into a directory, as go-internal's {@code Write}. */
final class ArchiveWriter {
    private ArchiveWriter() {}

    static void write(Archive archive, Path dir) throws TxtarException, IOException {
        for (ArchiveFile file : archive.files()) {
            Path target = dir.resolve(relativePath(file.name()));
            Path parent = target.getParent();
            if (parent != null) {
                try {
                    Files.createDirectories(parent);
                } catch (FileAlreadyExistsException e) {
                    throw new TxtarException(
                            goQuote(file.name()) + ": parent " + parent + " exists and is not a directory");
                }
            }
            try {
                // CREATE_NEW is O_CREAT|O_EXCL: the existence check and the creation are one atomic step.
                Files.write(
                        target,
                        file.data().getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new TxtarException(goQuote(file.name()) + ": file already exists: " + target);
            }
        }
    }

    /** Returns the cleaned name as a path relative to the target directory, or fails if it leads outside. */
    private static Path relativePath(String name) throws TxtarException {
        // Go's filepath.FromSlash: on Windows both separators count, so fold them into '/'.
        String slashed = File.separatorChar == '\\' ? name.replace('\\', '/') : name;
        String clean = clean(slashed);
        if (clean.startsWith("/") || clean.equals("..") || clean.startsWith("../")) {
            throw outside(name);
        }
        Path path;
        try {
            path = Path.of(clean);
        } catch (InvalidPathException e) {
            throw new TxtarException(goQuote(name) + ": invalid file name: " + e.getReason());
        }
        if (path.isAbsolute() || path.getRoot() != null) {
            throw outside(name);
        }
        return path;
    }

    private static TxtarException outside(String name) {
        return new TxtarException(goQuote(name) + ": outside parent directory");
    }

    /**
     * Returns the shortest slash-separated path equal to {@code path}, as Go's {@code path.Clean}: repeated
     * slashes and {@code .} elements go, each {@code ..} removes the element before it, {@code ..} right after
     * the root is dropped, and an empty result is {@code .}.
     */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> elements = new ArrayDeque<>();
        for (String element : path.split("/", -1)) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (!element.equals("..")) {
                elements.addLast(element);
            } else if (!elements.isEmpty() && !"..".equals(elements.peekLast())) {
                elements.removeLast();
            } else if (!rooted) {
                elements.addLast("..");
            }
        }
        String joined = String.join("/", elements);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Quotes a name as Go's {@code %q} does for the characters a file name is likely to hold. */
    static String goQuote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
