package io.plumb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * {@code SqliteLibrary} unpacks sqlite-jdbc's native library once into {@code ~/.cache/plumb/native} and points
 * the driver at it ({@value #PATH_PROPERTY}, {@value #NAME_PROPERTY}) before the driver loads.
 *
 * <p>Left to itself, the driver copies the library out of the jar into the temporary directory under a new name at
 * every start (and sweeps the copies of earlier runs), which is a measurable part of a short command's start-up. The
 * cached copy's directory is named by the jar entry's CRC-32 and size, so a new driver version gets a directory of its
 * own and a copy is never reused for another library. The copy is written to a temporary file and moved into place,
 * so two processes starting at once each see either no file or a whole one. Anything that goes wrong (no home
 * directory, a read-only one, a platform the jar has no library for, properties the user already set) leaves the
 * driver to its own way, which still works. {@code ./plumb} does the same in shell, into {@code cli/target/native}.
 */
final class SqliteLibrary {

    /** The driver's property naming the directory of its native library. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";

    /** The driver's property naming the native library's file in that directory. */
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    /**
     * The system property that, set to {@code false}, leaves the driver to unpack its library at every start as it
     * does by itself; {@code bench/run startup} sets it for its baseline.
     */
    static final String CACHE_PROPERTY = "plumb.sqlite.nativeCache";

    private SqliteLibrary() {}

    /** Points the driver at the cached library, unpacking it first when it is not there yet. */
    static void prepare() {
        if (System.getProperty(PATH_PROPERTY) != null
                || System.getProperty(NAME_PROPERTY) != null
                || "false".equals(System.getProperty(CACHE_PROPERTY))) {
            return;
        }
        try {
            cached(Path.of(System.getProperty("user.home"), ".cache", "plumb", "native"))
                    .ifPresent(library -> {
                        System.setProperty(PATH_PROPERTY, String.valueOf(library.getParent()));
                        System.setProperty(NAME_PROPERTY, String.valueOf(library.getFileName()));
                    });
        } catch (IOException | RuntimeException e) {
            // The driver unpacks its library itself, as it does without this.
        }
    }

    /** Returns the cached library under {@code cache}, unpacking it there first if needed; empty when unknown. */
    static Optional<Path> cached(Path cache) throws IOException {
        // The driver's own names for this platform's library and its folder in the jar (musl, Android, ARM, ...).
        String name = LibraryLoaderUtil.getNativeLibName();
        URL resource = SqliteLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (resource == null) {
            return Optional.empty();
        }
        URLConnection connection = resource.openConnection();
        String key;
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            key = Long.toHexString(entry.getCrc()) + "-" + entry.getSize();
        } else {
            // Not from a jar (an exploded class path in a test): no cheap identity, so no caching.
            return Optional.empty();
        }
        Path library = cache.resolve("sqlite-" + key).resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        Files.createDirectories(library.getParent());
        Path scratch = Files.createTempFile(library.getParent(), name, ".tmp");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, scratch, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(scratch, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(scratch, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        return Optional.of(library);
    }
}
