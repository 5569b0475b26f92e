package io.plumb.engine.testing;

import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.hcl.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TestSetup} is what a test run needs beyond the test files: the dev database, the desired schema that
 * schema tests start from, and the migration directory that migration tests migrate with.
 *
 * @param devUrl the dev database URL; every case gets its own isolated database on it
 * @param workingDirectory the directory relative paths and URLs resolve against
 * @param desiredSchema the desired schema's sources, as for {@code --to} (files, directories, URLs); empty when the
 *     run has no schema tests
 * @param schemaVariables input variables for an HCL desired schema
 * @param migrationDir the migration directory URL, for migration tests
 * @param revisionsSchema where the revisions table goes, when not in the migrated schema
 * @param snapshots whether migration tests start from snapshots of migrated prefixes; {@code false} replays every
 *     case from an empty database, as the reference tool does (for comparisons)
 * @param update whether mismatched {@code output} values are collected as updates instead of failing the case
 * @param getenv the process environment
 * @param cache where migration tests keep the images of their snapshots across runs (SQLite dev databases only);
 *     empty for none
 */
public record TestSetup(
        String devUrl,
        Path workingDirectory,
        List<String> desiredSchema,
        Map<String, Value> schemaVariables,
        Optional<String> migrationDir,
        Optional<String> revisionsSchema,
        boolean snapshots,
        boolean update,
        Function<String, @Nullable String> getenv,
        Optional<SnapshotCache> cache) {

    public TestSetup {
        desiredSchema = List.copyOf(desiredSchema);
        schemaVariables = Map.copyOf(schemaVariables);
    }

    /** Returns a setup with a dev database and nothing else: snapshots on, update mode off. */
    public static TestSetup of(String devUrl, Path workingDirectory) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                List.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                true,
                false,
                System::getenv,
                Optional.empty());
    }

    /** Returns a copy whose schema tests start from this desired schema. */
    public TestSetup withDesiredSchema(List<String> sources, Map<String, Value> variables) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                sources,
                variables,
                migrationDir,
                revisionsSchema,
                snapshots,
                update,
                getenv,
                cache);
    }

    /** Returns a copy whose migration tests migrate with this directory. */
    public TestSetup withMigrationDir(String url, Optional<String> revisions) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                desiredSchema,
                schemaVariables,
                Optional.of(url),
                revisions,
                snapshots,
                update,
                getenv,
                cache);
    }

    /** Returns a copy with snapshots on or off. */
    public TestSetup withSnapshots(boolean on) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                desiredSchema,
                schemaVariables,
                migrationDir,
                revisionsSchema,
                on,
                update,
                getenv,
                cache);
    }

    /** Returns a copy with update mode on or off. */
    public TestSetup withUpdate(boolean on) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                desiredSchema,
                schemaVariables,
                migrationDir,
                revisionsSchema,
                snapshots,
                on,
                getenv,
                cache);
    }

    /** Returns a copy reading the environment through this lookup. */
    public TestSetup withGetenv(Function<String, @Nullable String> lookup) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                desiredSchema,
                schemaVariables,
                migrationDir,
                revisionsSchema,
                snapshots,
                update,
                lookup,
                cache);
    }

    /**
     * Returns a copy whose migration tests keep their snapshots' images in a cache across runs (or not, when
     * empty).
     */
    public TestSetup withCache(Optional<SnapshotCache> snapshotCache) {
        return new TestSetup(
                devUrl,
                workingDirectory,
                desiredSchema,
                schemaVariables,
                migrationDir,
                revisionsSchema,
                snapshots,
                update,
                getenv,
                snapshotCache);
    }
}
