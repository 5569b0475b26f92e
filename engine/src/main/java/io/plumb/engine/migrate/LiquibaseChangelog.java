package io.plumb.engine.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@code LiquibaseChangelog} is a Liquibase master changelog in XML, YAML or JSON at the top of a {@code
 * format=liquibase} directory, read with Liquibase's own parser: its includes, properties and changesets, and the SQL
 * Liquibase writes for each change on the database it runs on. Liquibase ({@code org.liquibase:liquibase-core} 4.x)
 * must be on the class path; the classes that call it are loaded only when such a changelog is read.
 *
 * <p>The changesets run in the changelog's order. Each run of consecutive changesets from one changelog file is a
 * migration file: named by the file's path under the directory, its content the file's bytes (so {@code atlas.sum}
 * covers every changelog), its version its place in the run, zero-padded ({@code 0001}, {@code 0002}, ...), so that a
 * changelog that grows at its end keeps its versions. A file whose changesets are split by another file's (a master
 * holding changesets around its includes) gives a file per run, the later ones named {@code NAME#2}, {@code NAME#3}.
 */
final class LiquibaseChangelog {

    /** The endings of the changelogs Liquibase parses besides formatted SQL. */
    static final List<String> SUFFIXES = List.of(".xml", ".yaml", ".yml", ".json");

    private static final int CACHED = 16;
    private static final Map<String, LiquibaseRun> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LiquibaseRun> eldest) {
            return size() > CACHED;
        }
    };

    private LiquibaseChangelog() {}

    /**
     * Returns the master changelog among a directory's top-level XML, YAML and JSON files: the only one, or the only
     * one whose name says {@code master}; empty when there are none (a directory of formatted SQL changelogs).
     *
     * @throws MigrateException when several could be the master
     */
    static Optional<String> master(Path root, String display) {
        List<String> found = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            found.addAll(DirListing.topLevel(root, display, suffix));
        }
        found.sort(DirListing.BYTE_ORDER);
        if (found.size() <= 1) {
            return found.stream().findFirst();
        }
        List<String> masters = found.stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("master"))
                .toList();
        if (masters.size() == 1) {
            return Optional.of(masters.get(0));
        }
        throw new MigrateException("migration directory " + display + " holds several Liquibase changelogs ("
                + String.join(", ", found)
                + ") and none is the master: keep one at the top (a name with \"master\" picks it) and the files it"
                + " includes in subdirectories");
    }

    /**
     * Reads the changelog's changesets into migration files, one per run of changesets from one file.
     *
     * @throws MigrationFileException {@code FILE:line:col: detail} when Liquibase cannot parse a changelog, or is not
     *     on the class path
     */
    static List<MigrationFile> read(DirFormat format, Path root, String display, String master) {
        try {
            Class.forName("liquibase.Scope", false, LiquibaseChangelog.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MigrationFileException(
                    master,
                    1,
                    1,
                    "a Liquibase changelog in XML, YAML or JSON is read with Liquibase itself: add"
                            + " org.liquibase:liquibase-core 4.x to the class path (the plumb command line has it)",
                    e);
        }
        String key = root.toAbsolutePath().normalize() + "\n" + master + "\n" + fingerprint(root, display);
        LiquibaseRun run;
        synchronized (CACHE) {
            run = CACHE.get(key);
        }
        if (run == null) {
            run = LiquibaseRun.parse(root, display, master);
            synchronized (CACHE) {
                CACHE.put(key, run);
            }
        }
        return run.files(format);
    }

    /** Hashes every file under the directory but {@code atlas.sum}: any change to a changelog reads it again. */
    private static String fingerprint(Path root, String display) {
        try (Stream<Path> walk = Files.walk(root)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Map<String, Path> files = new HashMap<>();
            walk.filter(Files::isRegularFile)
                    .forEach(p -> files.put(root.relativize(p).toString(), p));
            for (String name : files.keySet().stream().sorted().toList()) {
                if (name.equals(SumFile.FILE_NAME)) {
                    continue;
                }
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(files.get(name)));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new MigrateException("cannot read migration directory " + display + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
