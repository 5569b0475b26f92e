package io.plumb.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A {@code ScriptWorkRoot} is the fresh directory under which one {@code plumb script run} makes its scripts'
 * work directories.
 *
 * <p>It is made under {@code $TMPDIR} of the {@link CliEnvironment}, not the JVM's temporary directory, so that a
 * run nested in a script (whose {@code $TMPDIR} is {@code $WORK/.tmp}) stays inside the outer script's work
 * directory, and two runs never share a root.
 */
final class ScriptWorkRoot implements AutoCloseable {
    private final Path path;
    private final boolean keep;

    private ScriptWorkRoot(Path path, boolean keep) {
        this.path = path;
        this.keep = keep;
    }

    /** Creates a new root under the environment's temporary directory; {@code keep} leaves it in place at close. */
    static ScriptWorkRoot create(CliEnvironment env, boolean keep) {
        Path base = env.getenv("TMPDIR")
                .filter(dir -> !dir.isEmpty())
                .map(env::resolve)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(base);
            return new ScriptWorkRoot(
                    Files.createTempDirectory(base, "plumb-script").toRealPath(), keep);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the root directory. */
    Path path() {
        return path;
    }

    /** Removes the root and everything under it, unless it is kept. */
    @Override
    public void close() {
        if (keep || !Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Scripts may chmod their directories read-only; as go-internal does, make them writable first.
                    dir.toFile().setWritable(true, true);
                    dir.toFile().setExecutable(true, true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove work directory " + path, e);
        }
    }
}
