package io.plumb.runner.internal;

import io.plumb.runner.DefaultWorkRoot;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@code WorkRoot} is the directory that holds the work directories of one runner's scripts, as go-internal's
 * {@code go-test-script*} root does: each script gets {@code <root>/script-<name>}. The root is made on first use,
 * with symbolic links resolved once so that every {@code $WORK} is a real path, and removed at exit when empty
 * (see {@link WorkCleaner}).
 */
public final class WorkRoot {
    private final Path base;
    private volatile @Nullable Path root;
    /** Work directories handed to the cleaner and perhaps not yet removed. */
    private final Set<Path> discarded = ConcurrentHashMap.newKeySet();

    private WorkRoot(Path base) {
        this.base = base;
    }

    /** Returns a work root under the given directory, or under the one {@link DefaultWorkRoot} chooses. */
    public static WorkRoot under(Optional<Path> base) {
        return new WorkRoot(base.orElseGet(DefaultWorkRoot::choose));
    }

    /** Makes a new, empty work directory for a script; a name in use gets a unique suffix. */
    Path newWorkDir(String scriptName) throws IOException {
        Path dir = root().resolve("script-" + safeName(scriptName));
        try {
            return Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return Files.createTempDirectory(root(), dir.getFileName() + "-");
        }
    }

    /** Hands a finished work directory to the background cleaner. */
    void discard(Path workDir) {
        discarded.add(workDir);
        WorkCleaner.discard(workDir, () -> discarded.remove(workDir));
    }

    /**
     * Removes what the cleaner has not removed yet, then the root itself if nothing was kept in it. Called when a
     * runner is closed, so that a command that ran scripts leaves nothing behind when it returns.
     */
    public void close() {
        // The cleaner may be removing the same directory right now; retry until it is gone, within reason.
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Path workDir : List.copyOf(discarded)) {
            WorkCleaner.remove(workDir);
            while (Files.exists(workDir) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                WorkCleaner.remove(workDir);
            }
            discarded.remove(workDir);
        }
        Path made = root;
        if (made != null) {
            try {
                Files.deleteIfExists(made);
            } catch (IOException e) {
                // Not empty: a kept work directory lives there.
            }
        }
    }

    private Path root() throws IOException {
        Path made = root;
        if (made == null) {
            synchronized (this) {
                made = root;
                if (made == null) {
                    Files.createDirectories(base);
                    made = Files.createTempDirectory(base, "plumb-scripts").toRealPath();
                    WorkCleaner.registerRoot(made);
                    root = made;
                }
            }
        }
        return made;
    }

    // $WORK ends up inside database URLs (sqlite://file:$WORK/...), where '#', '?', '%' and '+' mean something:
    // a work directory's name keeps only characters that are literal in a URL's path.
    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
