package io.plumb.cli;

import io.plumb.engine.cache.SnapshotCache;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** A {@code CacheInfoCommand} is {@code plumb cache info}: where the snapshot cache is, and what it holds. */
@Command(
        name = "info",
        header = "Print where the snapshot cache is, its size and its entries.",
        description = {
            "",
            "SQLite migration tests keep the snapshot of every migrated prefix of the directory in a cache, so that a"
                    + " later run of an unchanged directory replays nothing. The cache is in"
                    + " ~/.cache/plumb/snapshots ($XDG_CACHE_HOME/plumb/snapshots when set), or where"
                    + " PLUMB_CACHE_DIR or -Dplumb.cache.dir names; it keeps at most 1 GiB (PLUMB_CACHE_MAX_SIZE or"
                    + " -Dplumb.cache.maxSize, such as 512M), the least recently used entries going first.",
            ""
        })
final class CacheInfoCommand implements Callable<Integer> {

    private final CliEnvironment env;

    CacheInfoCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        SnapshotCache.Info info = CacheClearCommand.cache(env).info();
        env.out().println("directory: " + info.directory());
        env.out().println("entries:   " + info.entries());
        env.out().println("size:      " + size(info.bytes()) + " of at most " + size(info.maxBytes()));
        return 0;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
