package io.plumb.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AtomicFile} is a file written so that readers see its old content or its new content, never a mixture,
 * and so that a crash after the write keeps the new content: every file Plumb writes or rewrites for its users
 * ({@code atlas.sum}, new migration files, JUnit reports, rewritten scripts and test files) goes through it.
 *
 * <p>The content goes to a temporary file in the same directory, which is synced to disk and then renamed over the
 * target, and the directory is synced after the rename. A symbolic link is followed: the link's target is replaced
 * and the link stays. An existing file keeps its permissions; a new file gets those the process's umask gives a
 * new file ({@code 0666 & ~umask}, as {@link Files#write} would), because the temporary file is created without
 * explicit permissions.
 *
 * <p>Several files can be prepared first ({@link #prepare}) and renamed into place afterwards ({@link
 * Prepared#commit}), so that a full disk or a failing write is found before any of them changes.
 */
public final class AtomicFile {
    private static final int MAX_LINKS = 40;

    private AtomicFile() {}

    /** The content of a file, written to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code file} atomically. */
    public static void write(Path file, byte[] content) throws IOException {
        prepare(file, content).commit();
    }

    /** Writes what {@code content} writes to {@code file} atomically. */
    public static void write(Path file, Content content) throws IOException {
        prepare(file, content).commit();
    }

    /** Writes {@code content} to a synced temporary file next to {@code file}'s final target, not yet renamed. */
    public static Prepared prepare(Path file, byte[] content) throws IOException {
        return prepare(file, out -> out.write(content));
    }

    /** Writes what {@code content} writes to a synced temporary file next to {@code file}'s final target. */
    public static Prepared prepare(Path file, Content content) throws IOException {
        Path target = resolveLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        if (dir == null) {
            throw new IOException(file + ": not a file path");
        }
        Path temp = createTemp(dir, String.valueOf(target.getFileName()));
        try {
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            return new Prepared(target, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Returns the file a path finally names: symbolic links are followed, each relative to the directory of the
     * link, even when the last one dangles (the file is then created where it points).
     */
    public static Path resolveLinks(Path path) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(current)) {
                return current;
            }
            Path link = Files.readSymbolicLink(current);
            Path parent = current.getParent();
            current = (parent == null ? link : parent.resolve(link)).normalize();
        }
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                // No permissions are given, so the operating system applies the umask to 0666 as for any new file.
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(dir.toString(), null, "directory " + dir + " does not exist");
            }
        }
    }

    private static void copyPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        } catch (NoSuchFileException e) {
            // A new file: the temporary file already has the umask's permissions.
        }
    }

    /** Syncs a directory so that a rename in it survives a crash; file systems that cannot do so are skipped. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; the rename itself is still atomic there.
        }
    }

    /** A temporary file written and synced, waiting to be renamed over its target. */
    public static final class Prepared {
        private final Path target;
        private @Nullable Path temp;

        private Prepared(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** Returns the file this one replaces or creates: the final target of any symbolic link. */
        public Path target() {
            return target;
        }

        /** Renames the temporary file over the target and syncs the directory. */
        public void commit() throws IOException {
            Path pending = temp;
            if (pending == null) {
                throw new IllegalStateException(target + " was already committed or discarded");
            }
            try {
                try {
                    Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(pending, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                discard();
                throw e;
            }
            temp = null;
            Path dir = target.getParent();
            if (dir != null) {
                syncDirectory(dir);
            }
        }

        /** Deletes the temporary file, leaving the target as it was. Does nothing after a commit. */
        public void discard() {
            Path pending = temp;
            temp = null;
            if (pending == null) {
                return;
            }
            try {
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                // A hidden temporary file left behind is harmless; the error that led here is what gets reported.
            }
        }
    }
}
