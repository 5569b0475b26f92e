package io.plumb.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCacheTest {

    @TempDir
    Path root;

    final List<String> notes = new ArrayList<>();

    private SnapshotCache cache(long maxBytes) {
        return new SnapshotCache(root.resolve("snapshots"), maxBytes, notes::add);
    }

    private static byte[] image(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    @Test
    void anImageIsFoundByItsKeyOnly() {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.contains("a")).isFalse();
        cache.put("a", image(1000, 1));
        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.get("a")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(image(1000, 1)));
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a ")).isEmpty();
        // A later run of the same directory, through another instance, finds it too.
        assertThat(cache(SnapshotCache.DEFAULT_MAX_BYTES).get("a")).isPresent();
        cache.put("a", image(10, 2));
        assertThat(cache.get("a")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(image(10, 2)));
        assertThat(notes).isEmpty();
    }

    @Test
    void aCorruptEntryIsReportedInOneLineDeletedAndReadAsMissing() throws IOException {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        cache.put("k", image(5000, 3));
        Path entry = cache.entry("k");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 100] ^= 0x01;
        Files.write(entry, bytes);
        assertThat(cache.get("k")).isEmpty();
        assertThat(notes)
                .containsExactly(
                        "plumb: snapshot cache entry " + entry + " is corrupt (checksum mismatch); rebuilding it");
        assertThat(entry).doesNotExist();
        // Rebuilt, it is trusted again.
        cache.put("k", image(5000, 3));
        assertThat(cache.get("k")).isPresent();
    }

    @Test
    void aTruncatedEntryIsCorrupt() throws IOException {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        cache.put("k", image(5000, 3));
        Path entry = cache.entry("k");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, Arrays.copyOf(bytes, bytes.length - 10));
        assertThat(cache.get("k")).isEmpty();
        assertThat(notes)
                .singleElement()
                .asString()
                // Stored as one literal of 5,000 bytes after two varints (a zero run of 0, a length of 5,000).
                .endsWith("is corrupt (truncated: 4993 of 5003 bytes); rebuilding it");
        Files.write(entry, Arrays.copyOf(bytes, 12));
        assertThat(cache.get("k")).isEmpty();
        Files.write(entry, "not a cache entry at all".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get("k")).isEmpty();
        assertThat(notes).hasSize(3).allSatisfy(note -> assertThat(note).contains("rebuilding it"));
    }

    @Test
    void anImageIsStoredWithoutItsRunsOfZeros() throws IOException {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        // A database image as SQLite writes one: pages of 4 KiB that hold a few bytes each.
        byte[] pages = new byte[256 * 4096];
        for (int page = 0; page < 256; page++) {
            System.arraycopy(image(40, page), 0, pages, page * 4096 + 100, 40);
        }
        cache.put("pages", pages);
        assertThat(Files.size(cache.entry("pages"))).isLessThan(16 * 1024);
        assertThat(cache.get("pages"))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pages));
        // Flipping a stored byte is caught like any other corruption.
        byte[] stored = Files.readAllBytes(cache.entry("pages"));
        stored[stored.length - 5] ^= 0x10;
        Files.write(cache.entry("pages"), stored);
        assertThat(cache.get("pages")).isEmpty();
        assertThat(notes).singleElement().asString().contains("is corrupt (checksum mismatch)");
    }

    @Test
    void anEntryOfAnotherLayoutIsNeverRead() throws IOException {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        cache.put("k", image(100, 1));
        // The layout's version is part of the file name: an entry of layout 1 under this key's name of layout 2
        // would be a corrupt entry, but layout 1 named its files after the key alone.
        Path older = cache.directory()
                .resolve(java.util.HexFormat.of().formatHex(SnapshotCache.sha256("k".getBytes(StandardCharsets.UTF_8)))
                        + ".snap");
        assertThat(cache.entry("k")).isNotEqualTo(older);
        Files.write(older, "an entry of layout 1".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get("k")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(image(100, 1)));
        assertThat(notes).isEmpty();
    }

    @Test
    void theSizeBoundEvictsTheLeastRecentlyUsedEntries() throws IOException {
        SnapshotCache cache = cache(3500);
        for (String key : List.of("old", "used", "new")) {
            cache.put(key, image(1000, key.length()));
        }
        long overhead = Files.size(cache.entry("old")) - 1000;
        Instant now = Instant.now();
        Files.setLastModifiedTime(cache.entry("old"), FileTime.from(now.minusSeconds(300)));
        Files.setLastModifiedTime(cache.entry("used"), FileTime.from(now.minusSeconds(200)));
        Files.setLastModifiedTime(cache.entry("new"), FileTime.from(now.minusSeconds(100)));
        // Reading "used" makes it the most recently used.
        assertThat(cache.get("used")).isPresent();
        assertThat(cache.evict()).isZero();
        cache.put("fourth", image(1000, 9));
        // Each entry is its image, its key and a fixed header.
        assertThat(cache.info().bytes()).isEqualTo(4 * (1000 + overhead) + "usedfourth".length() - 2 * "old".length());
        assertThat(cache.evict()).isEqualTo(1);
        assertThat(cache.contains("old")).isFalse();
        assertThat(cache.contains("used")).isTrue();
        assertThat(cache.contains("new")).isTrue();
        assertThat(cache.contains("fourth")).isTrue();
        assertThat(cache.info().bytes()).isLessThanOrEqualTo(3500);
    }

    @Test
    void staleTemporaryFilesAreEvicted() throws IOException {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        cache.put("k", image(10, 1));
        Path stale = cache.directory().resolve("x.snap.1.ab.tmp");
        Path fresh = cache.directory().resolve("y.snap.2.cd.tmp");
        Files.write(stale, new byte[10]);
        Files.write(fresh, new byte[10]);
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(7200)));
        cache.evict();
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void concurrentWritersOfOneKeyLeaveOneWholeEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int seed = writer;
                // Two instances, as two JVMs would have.
                SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
                writes.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20; round++) {
                        cache.put("shared", image(200_000, seed));
                        assertThat(cache.get("shared")).isPresent();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        byte[] kept = cache.get("shared").orElseThrow();
        assertThat(Stream.iterate(0, i -> i + 1).limit(8).map(seed -> image(200_000, seed)))
                .anySatisfy(bytes -> assertThat(bytes).isEqualTo(kept));
        try (Stream<Path> files = Files.list(cache.directory())) {
            assertThat(files).containsExactly(cache.entry("shared"));
        }
        assertThat(notes).isEmpty();
    }

    @Test
    void clearDeletesEveryEntryAndInfoCountsThem() {
        SnapshotCache cache = cache(SnapshotCache.DEFAULT_MAX_BYTES);
        assertThat(cache.info().entries()).isZero();
        cache.put("a", image(100, 1));
        cache.put("b", image(200, 2));
        SnapshotCache.Info info = cache.info();
        assertThat(info.entries()).isEqualTo(2);
        assertThat(info.bytes()).isGreaterThan(300);
        assertThat(info.directory()).isEqualTo(root.resolve("snapshots"));
        assertThat(cache.clear()).isEqualTo(2);
        assertThat(cache.info().entries()).isZero();
        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void anUnwritableDirectoryTurnsTheCacheOffWithOneNote() throws IOException {
        Path file = root.resolve("a-file");
        Files.write(file, new byte[0]);
        SnapshotCache cache = new SnapshotCache(file.resolve("snapshots"), 1000, notes::add);
        cache.put("a", image(10, 1));
        cache.put("b", image(10, 1));
        assertThat(notes)
                .singleElement()
                .asString()
                .startsWith("plumb: snapshot cache off for this run: cannot write " + file.resolve("snapshots"));
        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void theDirectoryAndBoundAreConfigurable() {
        Map<String, String> env = Map.of("PLUMB_CACHE_DIR", "/ci/cache", "XDG_CACHE_HOME", "/xdg");
        assertThat(SnapshotCache.directory(env::get)).contains(Path.of("/ci/cache"));
        assertThat(SnapshotCache.directory(Map.of("XDG_CACHE_HOME", "/xdg", "HOME", "/home/me")::get))
                .contains(Path.of("/xdg/plumb/snapshots"));
        assertThat(SnapshotCache.directory(Map.of("HOME", "/home/me")::get))
                .contains(Path.of("/home/me/.cache/plumb/snapshots"));
        assertThat(SnapshotCache.directory(name -> null)).isEmpty();
        assertThat(SnapshotCache.configured(name -> null, notes::add)).isEmpty();
        assertThat(SnapshotCache.maxBytes(name -> null)).isEqualTo(1L << 30);
        assertThat(SnapshotCache.maxBytes(Map.of("PLUMB_CACHE_MAX_SIZE", "512M")::get))
                .isEqualTo(512L << 20);
        assertThat(SnapshotCache.parseSize("2g", "x")).isEqualTo(2L << 30);
        assertThat(SnapshotCache.parseSize("100", "x")).isEqualTo(100);
        assertThatThrownBy(() -> SnapshotCache.maxBytes(Map.of("PLUMB_CACHE_MAX_SIZE", "lots")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "PLUMB_CACHE_MAX_SIZE is \"lots\": expected a size in bytes, such as 1073741824, 512M or 2G");
    }
}
