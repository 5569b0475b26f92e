package io.plumb.engine.testing;

import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.MigrationFile;
import io.plumb.engine.migrate.PrefixHash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code MigrationPrefixes} is a migration directory as migration tests see it: its files, read and checked
 * against {@code atlas.sum} once per run (the directory is pinned), and for each file the key of the prefix ending with it.
 *
 * <p>A prefix's key is its {@link PrefixHash}, so that two prefixes share a key only when they hold the same files.
 *
 * @param dir the directory
 * @param files its files, in order
 * @param keys the key of the prefix ending with each file, index for index
 * @param indexes each file's index, by version
 */
record MigrationPrefixes(MigrationDir dir, List<MigrationFile> files, List<String> keys, Map<String, Integer> indexes) {

    MigrationPrefixes {
        files = List.copyOf(files);
        keys = List.copyOf(keys);
        indexes = Map.copyOf(indexes);
    }

    /**
     * Reads and checks a directory.
     *
     * @throws io.plumb.engine.migrate.MigrateException when it does not exist or does not match its sum file
     */
    static MigrationPrefixes of(MigrationDir directory) {
        MigrationDir dir = directory.pinned();
        List<MigrationFile> files = dir.files();
        PrefixHash running = new PrefixHash();
        List<String> keys = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        for (MigrationFile file : files) {
            keys.add(running.add(file).value());
            // Two files of one version are refused when they run; the first is the one a target names.
            indexes.putIfAbsent(file.version(), keys.size() - 1);
        }
        return new MigrationPrefixes(dir, files, keys, indexes);
    }

    /**
     * Returns the index of the first file with a version, if there is one: the version as the file names it, else
     * one equal in the directory format's comparison, so that {@code "6"} names goose's or golang-migrate's {@code
     * 00006_x.sql}, whose tools read the version as a number.
     */
    OptionalInt indexOf(String version) {
        Integer index = indexes.get(version);
        if (index != null) {
            return OptionalInt.of(index);
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).compareVersionTo(version) == 0) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
