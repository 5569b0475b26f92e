package io.plumb.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code DefaultWorkRoot} chooses where a runner makes its scripts' work directories when nothing names a directory
 * ({@link RunnerOptions#workRoot()} empty): {@code $TMPDIR} when it is set; else {@code /dev/shm} when it is a
 * writable tmpfs, mounted without {@code noexec}, with at least {@link #TMPFS_MIN_FREE} bytes free; else the system
 * temporary directory ({@code java.io.tmpdir}).
 *
 * <p>A script's work directory is throw-away and small, and a script creates, copies and deletes many small files:
 * in memory that costs a fraction of what it costs on a disk file system. The check follows the one that puts the
 * embedded servers' data on a tmpfs ({@code EmbeddedRoot} in the provider SPI, which this module does not depend
 * on), with a lower space floor, and also refuses a {@code noexec} mount (the default of {@code /dev/shm} in a
 * Docker container), since a script may run a program it wrote into its work directory.
 */
public final class DefaultWorkRoot {

    /** The tmpfs tried before the system temporary directory. */
    public static final Path SHM = Path.of("/dev/shm");

    /** The free space the tmpfs needs: room for many scripts' work directories at once. */
    public static final long TMPFS_MIN_FREE = 256L << 20;

    private static final Path MOUNTS = Path.of("/proc/self/mounts");

    private DefaultWorkRoot() {}

    /** Chooses the directory for this process: its {@code TMPDIR}, the tmpfs, or {@code java.io.tmpdir}. */
    public static Path choose() {
        return choose(key -> Optional.ofNullable(System.getenv(key)));
    }

    /** Chooses the directory with {@code TMPDIR} read from the given environment (a script's, for a nested run). */
    public static Path choose(Function<String, Optional<String>> getenv) {
        Optional<Path> tmpdir = getenv.apply("TMPDIR")
                .map(String::strip)
                .filter(dir -> !dir.isEmpty())
                .map(Path::of);
        return tmpdir.orElseGet(() -> memoryOr(SHM, Path.of(System.getProperty("java.io.tmpdir"))));
    }

    /** Returns {@code shm} when it can hold work directories (see {@link #problem}), else {@code disk}. */
    static Path memoryOr(Path shm, Path disk) {
        return problem(shm, TMPFS_MIN_FREE, MOUNTS) == null ? shm : disk;
    }

    /** Says why a directory cannot hold work directories in memory, or returns null when it can. */
    static @Nullable String problem(Path dir, long minFree, Path mounts) {
        if (!Files.isDirectory(dir)) {
            return dir + " does not exist";
        }
        try {
            FileStore store = Files.getFileStore(dir);
            if (!store.type().equals("tmpfs")) {
                return dir + " is not a tmpfs";
            }
            if (!Files.isWritable(dir)) {
                return dir + " is not writable";
            }
            long free = store.getUsableSpace();
            if (free < minFree) {
                return dir + " has only " + (free >> 20) + " MiB free";
            }
            if (isNoexec(dir.toRealPath(), mounts)) {
                return dir + " is mounted noexec";
            }
            return null;
        } catch (IOException e) {
            return "cannot inspect " + dir;
        }
    }

    // The options of the mount that holds the directory: the listed mount point that is its longest prefix. Where
    // the mount table cannot be read (not Linux), nothing is known to forbid running programs.
    private static boolean isNoexec(Path dir, Path mounts) {
        List<String> lines;
        try {
            lines = Files.readAllLines(mounts, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        Path best = null;
        boolean noexec = false;
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length < 4) {
                continue;
            }
            // Spaces and other special characters in a mount point are written as octal escapes (\040).
            Path point = Path.of(fields[1].replace("\\040", " ").replace("\\011", "\t"));
            if (dir.startsWith(point) && (best == null || point.getNameCount() >= best.getNameCount())) {
                best = point;
                noexec = Arrays.asList(fields[3].split(",")).contains("noexec");
            }
        }
        return noexec;
    }
}
