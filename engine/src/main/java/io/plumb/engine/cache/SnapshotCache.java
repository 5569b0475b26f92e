package io.plumb.engine.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SnapshotCache} keeps images of migrated dev databases across runs, one file per key in a directory:
 * what {@code -Dplumb.cache.dir} or {@code PLUMB_CACHE_DIR} names, else {@code $XDG_CACHE_HOME/plumb/snapshots},
 * else {@code $HOME/.cache/plumb/snapshots} ({@code %LOCALAPPDATA%\plumb\snapshots} on Windows); an environment
 * with none of these has no cache.
 *
 * <p>An entry is written to a temporary file in the directory and moved over its name atomically, so a reader
 * sees a whole entry or none, and two JVMs writing one key leave one whole entry (the last one moved). Each entry
 * holds its key, the image without its runs of zeros ({@link SparseImage}: a migrated database's image is mostly
 * empty pages) and a SHA-256 of what it stores, checked on every read: an entry that fails the check is reported in
 * one line, deleted and read as missing, so its caller rebuilds it. A hit touches the entry's modification time;
 * {@link #evict()} deletes the least recently used entries until the directory holds at most the size bound (1
 * GiB by default, {@code -Dplumb.cache.maxSize} or {@code PLUMB_CACHE_MAX_SIZE}, in bytes or with a {@code K},
 * {@code M} or {@code G} suffix). A directory that cannot be written turns the cache off for the run, with one
 * note. It is safe to use from several threads and JVMs at once.
 */
public final class SnapshotCache {

    /** The system property naming the cache directory. */
    public static final String DIR_PROPERTY = "plumb.cache.dir";

    /** The environment variable naming the cache directory, when the system property is not set. */
    public static final String DIR_ENV = "PLUMB_CACHE_DIR";

    /** The system property bounding the cache's size. */
    public static final String MAX_SIZE_PROPERTY = "plumb.cache.maxSize";

    /** The environment variable bounding the cache's size, when the system property is not set. */
    public static final String MAX_SIZE_ENV = "PLUMB_CACHE_MAX_SIZE";

    /** The default size bound: 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** The version of the entries' layout; part of every key, so that a new layout never reads an old entry. */
    static final int FORMAT = 2;

    private static final byte[] MAGIC = "PLUMBSNAP".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".snap";
    private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    private final Path directory;
    private final long maxBytes;
    private final Consumer<String> notes;
    private final AtomicBoolean off = new AtomicBoolean();

    /**
     * Creates a cache on a directory, which is created when the first entry is written.
     *
     * @param notes where one-line notes go (a corrupt entry, a directory that cannot be written)
     */
    public SnapshotCache(Path directory, long maxBytes, Consumer<String> notes) {
        this.directory = directory.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.notes = notes;
    }

    /**
     * Returns the cache configured by system properties and the environment, or empty when the environment names
     * no directory for it.
     *
     * @throws IllegalArgumentException when the configured size bound is malformed
     */
    public static Optional<SnapshotCache> configured(
            Function<String, @Nullable String> getenv, Consumer<String> notes) {
        long bound = maxBytes(getenv);
        return directory(getenv).map(dir -> new SnapshotCache(dir, bound, notes));
    }

    /** Returns the configured cache directory, or empty when the environment names none. */
    public static Optional<Path> directory(Function<String, @Nullable String> getenv) {
        String configured = System.getProperty(DIR_PROPERTY);
        if (isSet(configured)) {
            return Optional.of(Path.of(configured));
        }
        String env = getenv.apply(DIR_ENV);
        if (isSet(env)) {
            return Optional.of(Path.of(env));
        }
        String xdg = getenv.apply("XDG_CACHE_HOME");
        if (isSet(xdg)) {
            return Optional.of(Path.of(xdg, "plumb", "snapshots"));
        }
        String home = getenv.apply("HOME");
        if (isSet(home)) {
            return Optional.of(Path.of(home, ".cache", "plumb", "snapshots"));
        }
        String local = getenv.apply("LOCALAPPDATA");
        if (isSet(local)) {
            return Optional.of(Path.of(local, "plumb", "snapshots"));
        }
        return Optional.empty();
    }

    /**
     * Returns the configured size bound in bytes.
     *
     * @throws IllegalArgumentException when it is malformed
     */
    public static long maxBytes(Function<String, @Nullable String> getenv) {
        String configured = System.getProperty(MAX_SIZE_PROPERTY);
        String source = "-D" + MAX_SIZE_PROPERTY;
        if (!isSet(configured)) {
            configured = getenv.apply(MAX_SIZE_ENV);
            source = MAX_SIZE_ENV;
        }
        if (!isSet(configured)) {
            return DEFAULT_MAX_BYTES;
        }
        return parseSize(configured.trim(), source);
    }

    static long parseSize(String text, String source) {
        String digits = text.toUpperCase(Locale.ROOT);
        long unit = 1;
        if (digits.endsWith("B")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        if (digits.endsWith("K") || digits.endsWith("M") || digits.endsWith("G")) {
            char suffix = digits.charAt(digits.length() - 1);
            unit = suffix == 'K' ? 1L << 10 : suffix == 'M' ? 1L << 20 : 1L << 30;
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            long value = Long.parseLong(digits);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            return Math.multiplyExact(value, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    source + " is \"" + text + "\": expected a size in bytes, such as 1073741824, 512M or 2G");
        }
    }

    /** Returns the cache directory. */
    public Path directory() {
        return directory;
    }

    /** Returns the size bound in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Returns whether an entry for a key exists (it may still fail its check when read).
     */
    public boolean contains(String key) {
        return !off.get() && Files.isRegularFile(entry(key));
    }

    /**
     * Returns which keys have an entry, as of one listing of the directory now: for callers that ask about many keys,
     * most of them missing. Entries written or deleted later (by this cache or another JVM) are not seen.
     *
     * @throws UncheckedIOException when the directory cannot be listed
     */
    public Predicate<String> listing() {
        if (off.get()) {
            return key -> false;
        }
        Set<Path> names = new HashSet<>(files(SUFFIX));
        return key -> names.contains(entry(key));
    }

    /**
     * Returns the image kept under a key, when there is a whole entry for it; an entry that fails its check is
     * reported, deleted and read as missing.
     */
    public Optional<byte[]> get(String key) {
        if (off.get()) {
            return Optional.empty();
        }
        Path file = entry(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            notes.accept("plumb: cannot read snapshot cache entry " + file + ": " + e.getMessage() + "; rebuilding it");
            return Optional.empty();
        }
        Optional<String> problem = Optional.empty();
        byte[] image = null;
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length];
            buffer.get(magic);
            if (!Arrays.equals(magic, MAGIC) || buffer.getInt() != FORMAT) {
                problem = Optional.of("not a snapshot cache entry of this Plumb");
            } else {
                byte[] storedKey = new byte[buffer.getInt()];
                buffer.get(storedKey);
                byte[] digest = new byte[32];
                buffer.get(digest);
                long length = buffer.getLong();
                long stored = buffer.getLong();
                if (!Arrays.equals(storedKey, key.getBytes(StandardCharsets.UTF_8))) {
                    // Another key with the same file name: not corrupt, just not this key's.
                    return Optional.empty();
                }
                if (stored != buffer.remaining()) {
                    problem = Optional.of("truncated: " + buffer.remaining() + " of " + stored + " bytes");
                } else if (!Arrays.equals(digest, digest(length, bytes, buffer.position(), buffer.remaining()))) {
                    problem = Optional.of("checksum mismatch");
                } else {
                    image = SparseImage.decode(bytes, buffer.position(), buffer.remaining(), (int) length);
                }
            }
        } catch (IllegalArgumentException e) {
            // Only a bug writes segments that do not fit the image their checksum vouches for.
            problem = Optional.of("malformed: " + e.getMessage());
        } catch (RuntimeException e) {
            // BufferUnderflowException, NegativeArraySizeException: a header cut short or overwritten.
            problem = Optional.of("truncated header");
        }
        if (problem.isPresent() || image == null) {
            notes.accept("plumb: snapshot cache entry " + file + " is corrupt (" + problem.orElse("empty")
                    + "); rebuilding it");
            deleteQuietly(file);
            return Optional.empty();
        }
        try {
            // The modification time is the last use, by which eviction goes.
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // Deleted by another JVM's eviction meanwhile, or read-only: the image read is still whole.
        }
        return Optional.of(image);
    }

    /**
     * Keeps an image under a key, replacing any entry for it. A directory that cannot be written turns the cache
     * off, with one note.
     */
    public void put(String key, byte[] image) {
        if (off.get()) {
            return;
        }
        Path file = entry(key);
        Path temporary = directory.resolve(
                file.getFileName() + "." + ProcessHandle.current().pid() + "."
                        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] stored = SparseImage.encode(image);
        ByteBuffer header = ByteBuffer.allocate(MAGIC.length + 4 + 4 + keyBytes.length + 32 + 8 + 8);
        header.put(MAGIC).putInt(FORMAT).putInt(keyBytes.length).put(keyBytes);
        header.put(digest(image.length, stored, 0, stored.length));
        header.putLong(image.length).putLong(stored.length);
        try {
            Files.createDirectories(directory);
            try (var out = Files.newOutputStream(temporary)) {
                out.write(header.array());
                out.write(stored);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(temporary);
            turnOff("its file system cannot replace a file atomically");
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(temporary);
            turnOff("cannot write " + directory + ": " + e.getMessage());
        }
    }

    /**
     * Deletes the least recently used entries until the directory holds at most the size bound, and temporary files
     * older than an hour (left by a JVM that died writing).
     *
     * @return how many entries were deleted
     */
    public int evict() {
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::size).sum();
        int deleted = 0;
        List<Entry> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(Comparator.comparing(Entry::lastUsed));
        for (Entry entry : oldestFirst) {
            if (total <= maxBytes) {
                break;
            }
            deleteQuietly(entry.file());
            total -= entry.size();
            deleted++;
        }
        Instant stale = Instant.now().minus(STALE_TEMPORARY);
        for (Path temporary : files(".tmp")) {
            try {
                if (Files.getLastModifiedTime(temporary).toInstant().isBefore(stale)) {
                    deleteQuietly(temporary);
                }
            } catch (IOException e) {
                // Moved into place or deleted meanwhile.
            }
        }
        return deleted;
    }

    /** What the cache holds. */
    public record Info(Path directory, int entries, long bytes, long maxBytes) {}

    /** Returns what the cache holds now. */
    public Info info() {
        List<Entry> entries = entries();
        return new Info(
                directory,
                entries.size(),
                entries.stream().mapToLong(Entry::size).sum(),
                maxBytes);
    }

    /**
     * Deletes every entry and temporary file.
     *
     * @return how many entries were deleted
     */
    public int clear() {
        int deleted = 0;
        for (Path file : files(SUFFIX)) {
            deleteQuietly(file);
            deleted++;
        }
        for (Path temporary : files(".tmp")) {
            deleteQuietly(temporary);
        }
        return deleted;
    }

    /**
     * Returns the file of a key's entry: the SHA-256 of the layout's version and the key, so any key makes a safe
     * file name, and entries of an older layout are never read (they age out by eviction).
     */
    Path entry(String key) {
        byte[] name = sha256((FORMAT + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return directory.resolve(HexFormat.of().formatHex(name) + SUFFIX);
    }

    private record Entry(Path file, long size, Instant lastUsed) {}

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Path file : files(SUFFIX)) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                entries.add(new Entry(
                        file, attributes.size(), attributes.lastModifiedTime().toInstant()));
            } catch (IOException e) {
                // Deleted by another JVM meanwhile.
            }
        }
        return entries;
    }

    private List<Path> files(String suffix) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + suffix)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("listing the snapshot cache " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }

    private void turnOff(String reason) {
        if (off.compareAndSet(false, true)) {
            notes.accept("plumb: snapshot cache off for this run: " + reason);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Another JVM deleted it, or it is not ours to delete; a left-over is evicted later.
        }
    }

    private static boolean isSet(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    // The SHA-256 of the image's length and its stored (sparse) bytes: the length is checked before the image is
    // allocated, so a corrupt length cannot ask for gigabytes.
    private static byte[] digest(long length, byte[] stored, int offset, int count) {
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(8).putLong(length).array());
        digest.update(stored, offset, count);
        return digest.digest();
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
