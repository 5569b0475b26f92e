package io.plumb.provider;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code MavenArtifacts} finds the jar of an embedded server's binaries: on the class path, in the local Maven
 * repository, in Plumb's cache, or downloaded from Maven Central into that cache, with a line on standard error when
 * the download starts, one every {@link #PROGRESS_INTERVAL} while it runs, and one when it is done.
 *
 * <p>The local Maven repository is Maven's: the system property {@code maven.repo.local} (what {@code mvn
 * -Dmaven.repo.local=...} sets, and Surefire passes on to the tests), else the {@code <localRepository>} of the
 * user's settings file, else {@code ~/.m2/repository}. The settings file is {@code ~/.m2/settings.xml}, or the one
 * the system property {@code plumb.maven.settings} or the environment variable {@code PLUMB_MAVEN_SETTINGS} names.
 *
 * <p>The repository base URL can be overridden with the system property {@code plumb.maven.repository} or the
 * environment variable {@code PLUMB_MAVEN_REPOSITORY} (a mirror, or a closed port in tests).
 */
public final class MavenArtifacts {

    private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
    private static final Pattern LOCAL_REPOSITORY =
            Pattern.compile("<localRepository>\\s*([^<]*?)\\s*</localRepository>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern METADATA_VERSION = Pattern.compile("<version>([^<]+)</version>");

    /** How often a download says how far it got: big jars take tens of seconds on a slow line. */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

    private MavenArtifacts() {}

    /**
     * Returns the jar of the newest version of {@code groupId:artifactId} that the requested version is a prefix
     * of ({@code 17} matches {@code 17.6.0}).
     *
     * @param what how the message names the binaries, such as {@code PostgreSQL 17}
     * @throws ProviderException when no such jar exists or can be downloaded
     */
    public static Path find(String groupId, String artifactId, String version, String what) {
        return find(groupId, artifactId, version, what, System.err, PROGRESS_INTERVAL);
    }

    /**
     * Finds the jar as {@link #find(String, String, String, String)} does, telling {@code progress} about a
     * download: a line when it starts, one each {@code interval} while it runs, and one when it is done.
     */
    static Path find(
            String groupId, String artifactId, String version, String what, PrintStream progress, Duration interval) {
        Optional<Path> local = newest(classPathJars(artifactId, version), artifactId)
                .or(() -> newest(repositoryJars(localRepository(), groupId, artifactId, version), artifactId))
                .or(() -> newest(cachedJars(artifactId, version), artifactId));
        return local.orElseGet(() -> download(new Download(groupId, artifactId, version, what, progress, interval)));
    }

    /** Returns Plumb's cache directory, {@code ~/.cache/plumb}: downloaded jars and unpacked binaries. */
    public static Path cacheDirectory() {
        return Path.of(System.getProperty("user.home"), ".cache", "plumb");
    }

    private static List<Path> classPathJars(String artifactId, String version) {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (matches(path.getFileName() == null ? "" : String.valueOf(path.getFileName()), artifactId, version)) {
                jars.add(path);
            }
        }
        return jars;
    }

    /** Returns the local Maven repository: {@code maven.repo.local}, the settings' one, or {@code ~/.m2/repository}. */
    static Path localRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        Path settings = settingsFile();
        if (Files.isRegularFile(settings)) {
            try {
                // The default settings file carries a commented-out example of the element.
                String text = Files.readString(settings).replaceAll("(?s)<!--.*?-->", "");
                Matcher m = LOCAL_REPOSITORY.matcher(text);
                if (m.find() && !m.group(1).isBlank()) {
                    return Path.of(expand(m.group(1).strip()));
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable settings file leaves Maven's default, as it would a missing one.
            }
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Path settingsFile() {
        String named = System.getProperty("plumb.maven.settings");
        if (named == null || named.isBlank()) {
            named = System.getenv("PLUMB_MAVEN_SETTINGS");
        }
        if (named != null && !named.isBlank()) {
            return Path.of(named.strip());
        }
        return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    // Maven's settings interpolate ${user.home}, other system properties and ${env.NAME}.
    private static String expand(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.startsWith("env.") ? System.getenv(name.substring(4)) : System.getProperty(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Path> repositoryJars(Path repository, String groupId, String artifactId, String version) {
        Path dir = repository.resolve(groupId.replace('.', '/')).resolve(artifactId);
        return list(dir).stream()
                .map(v -> v.resolve(artifactId + "-" + v.getFileName() + ".jar"))
                .filter(jar ->
                        Files.isRegularFile(jar) && matches(String.valueOf(jar.getFileName()), artifactId, version))
                .toList();
    }

    private static List<Path> cachedJars(String artifactId, String version) {
        return list(cacheDirectory().resolve("artifacts")).stream()
                .filter(jar -> matches(String.valueOf(jar.getFileName()), artifactId, version))
                .toList();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean matches(String fileName, String artifactId, String version) {
        String prefix = artifactId + "-";
        if (!fileName.startsWith(prefix) || !fileName.endsWith(".jar")) {
            return false;
        }
        return versionMatches(fileName.substring(prefix.length(), fileName.length() - 4), version);
    }

    static boolean versionMatches(String candidate, String requested) {
        return candidate.matches("[0-9]+(\\.[0-9]+)*") && (candidate + ".").startsWith(requested + ".");
    }

    private static Optional<Path> newest(List<Path> jars, String artifactId) {
        return jars.stream()
                .max(Comparator.comparing(
                        jar -> versionKey(String.valueOf(jar.getFileName()).substring(artifactId.length() + 1)),
                        MavenArtifacts::compareVersions));
    }

    private static List<Integer> versionKey(String text) {
        String digits = text.endsWith(".jar") ? text.substring(0, text.length() - 4) : text;
        return Arrays.stream(digits.split("\\.")).map(Integer::parseInt).toList();
    }

    private static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    // What to download and whom to tell; a record so that the download's steps share it.
    private record Download(
            String groupId, String artifactId, String version, String what, PrintStream progress, Duration interval) {}

    private static Path download(Download d) {
        String base = repositoryUrl() + "/" + d.groupId().replace('.', '/') + "/" + d.artifactId() + "/";
        Path local = localRepository();
        String shownLocal = local.equals(Path.of(System.getProperty("user.home"), ".m2", "repository"))
                ? "~/.m2"
                : local.toString();
        String notFound =
                "no " + d.what() + " binaries found (looked in the class path, " + shownLocal + " and Maven Central";
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Path partial = null;
        try {
            String metadata = http.send(get(base + "maven-metadata.xml"), HttpResponse.BodyHandlers.ofString())
                    .body();
            List<String> versions = new ArrayList<>();
            Matcher m = METADATA_VERSION.matcher(metadata);
            while (m.find()) {
                if (versionMatches(m.group(1), d.version())) {
                    versions.add(m.group(1));
                }
            }
            String chosen = versions.stream()
                    .max(Comparator.comparing(MavenArtifacts::versionKey, MavenArtifacts::compareVersions))
                    .orElseThrow(() -> new ProviderException(notFound + ")"));
            String file = d.artifactId() + "-" + chosen + ".jar";
            Path dir = Files.createDirectories(cacheDirectory().resolve("artifacts"));
            partial = Files.createTempFile(dir, file, ".part");
            String url = base + chosen + "/" + file;
            HttpResponse<InputStream> jar = http.send(get(url), HttpResponse.BodyHandlers.ofInputStream());
            if (jar.statusCode() != 200) {
                jar.body().close();
                throw new ProviderException(notFound + ": HTTP " + jar.statusCode() + " for " + file + ")");
            }
            long size = jar.headers().firstValueAsLong("Content-Length").orElse(-1);
            d.progress()
                    .println("plumb: downloading " + d.what() + " (" + file + (size < 0 ? "" : ", " + megabytes(size))
                            + ") from " + url);
            long started = System.nanoTime();
            long copied = copy(jar.body(), partial, size, d);
            Path target = Files.move(
                    partial, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            d.progress()
                    .println("plumb: downloading " + d.what() + " done (" + megabytes(copied) + ") in " + seconds
                            + " s");
            return target;
        } catch (IOException e) {
            String reason = e instanceof java.net.ConnectException ? "connection refused" : String.valueOf(e);
            throw new ProviderException(notFound + ", which is unreachable: " + reason + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(notFound + ": interrupted)", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    // Copies the body to the file, with a progress line each interval; returns the bytes copied.
    private static long copy(InputStream body, Path file, long size, Download d) throws IOException {
        long copied = 0;
        long lastLine = System.nanoTime();
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                copied += n;
                long now = System.nanoTime();
                if (now - lastLine >= d.interval().toNanos()) {
                    lastLine = now;
                    d.progress()
                            .println("plumb: downloading " + d.what() + ": " + megabytes(copied)
                                    + (size < 0 ? "" : " of " + megabytes(size)));
                }
            }
        }
        return copied;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A partial download left behind is never found: only complete jar names are.
            }
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    private static String repositoryUrl() {
        String url = System.getProperty("plumb.maven.repository");
        if (url == null || url.isBlank()) {
            url = System.getenv("PLUMB_MAVEN_REPOSITORY");
        }
        if (url == null || url.isBlank()) {
            url = CENTRAL;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
