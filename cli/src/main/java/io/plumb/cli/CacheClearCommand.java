package io.plumb.cli;

import io.plumb.engine.cache.SnapshotCache;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code CacheClearCommand} is {@code plumb cache clear}: it deletes every entry of the snapshot cache. */
@Command(
        name = "clear",
        header = "Delete every entry of the snapshot cache.",
        description = {
            "",
            "The next migration test run rebuilds the snapshots it needs. See plumb cache info for where the cache is.",
            ""
        })
final class CacheClearCommand implements Callable<Integer> {

    private final CliEnvironment env;

    CacheClearCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        SnapshotCache cache = cache(env);
        int deleted = cache.clear();
        env.out().println("deleted " + deleted + (deleted == 1 ? " entry" : " entries") + " from " + cache.directory());
        return 0;
    }

    /** Returns the cache that the environment configures, its notes going to standard error. */
    static SnapshotCache cache(CliEnvironment env) {
        return configured(env)
                .orElseThrow(() -> new EngineFailure("no snapshot cache directory: set PLUMB_CACHE_DIR, or HOME"));
    }

    /**
     * Returns the cache that the environment configures, if it names a directory, its notes going to standard
     * error.
     */
    static Optional<SnapshotCache> configured(CliEnvironment env) {
        try {
            return SnapshotCache.configured(ProjectSelection.getenv(env), env.err()::println);
        } catch (IllegalArgumentException e) {
            throw new EngineFailure(String.valueOf(e.getMessage()));
        }
    }
}
