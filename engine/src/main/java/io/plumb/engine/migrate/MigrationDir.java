package io.plumb.engine.migrate;

import io.plumb.runner.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@code MigrationDir} is a directory of migration files: in the atlas format its top-level {@code *.sql} files
 * in byte-wise name order, in another format (the URL's {@code ?format=}, see {@link DirFormat}) the files that
 * format runs, in its order; and its {@code atlas.sum}. Every write replaces a whole file atomically, so a crash
 * leaves the old file or the new one, never half of one.
 */
public final class MigrationDir {

    /** The directory used when none is named, as a URL. */
    public static final String DEFAULT_URL = "file://migrations";

    private static final String PLACEHOLDER_PARAMETERS = " (and with format=flyway placeholders.NAME=VALUE,"
            + " placeholderReplacement=true|false, placeholderPrefix, placeholderSuffix)";

    private final Path path;
    private final String display;
    private final DirFormat format;
    private final Placeholders placeholders;
    private final @Nullable List<MigrationFile> pinned;
    private final Optional<SumFile> pinnedSum;

    private MigrationDir(Path path, String display, DirFormat format, Placeholders placeholders) {
        this(path, display, format, placeholders, null, Optional.empty());
    }

    private MigrationDir(
            Path path,
            String display,
            DirFormat format,
            Placeholders placeholders,
            @Nullable List<MigrationFile> pinned,
            Optional<SumFile> pinnedSum) {
        this.path = path;
        this.display = display;
        this.format = format;
        this.placeholders = placeholders;
        this.pinned = pinned;
        this.pinnedSum = pinnedSum;
    }

    /**
     * Returns this directory as it is now, checked against its {@code atlas.sum} once: reading its files (or its sum)
     * later gives this content, not the disk's. A run that migrates many databases with one directory (migration tests) reads
     * and checks it once rather than once per database.
     *
     * @throws ChecksumException when the directory does not match its {@code atlas.sum}
     */
    public MigrationDir pinned() {
        List<MigrationFile> files = validate();
        return new MigrationDir(path, display, format, placeholders, files, readSum());
    }

    /**
     * Opens an existing directory named by a {@code file://} URL or a plain path, relative to a working directory.
     * The URL's {@code format} parameter names the directory's format ({@code file://db/migration?format=flyway});
     * without one it is the atlas format.
     *
     * @throws MigrateException when the URL is not a directory URL, names an unknown format or parameter, or the
     *     directory does not exist
     */
    public static MigrationDir open(String url, Path workingDirectory) {
        MigrationDir dir = locate(url, workingDirectory);
        if (!Files.isDirectory(dir.path)) {
            throw new MigrateException("migration directory " + dir.display + " was not found");
        }
        return dir;
    }

    /**
     * Returns the format a directory URL names, without opening the directory.
     *
     * @throws MigrateException when the URL is not a directory URL or names an unknown format or parameter
     */
    public static DirFormat formatOf(String url) {
        return locate(url, Path.of("")).format;
    }

    /** Opens a directory, creating it (and its parents) when it does not exist yet. */
    public static MigrationDir openOrCreate(String url, Path workingDirectory) {
        MigrationDir dir = locate(url, workingDirectory);
        try {
            Files.createDirectories(dir.path);
        } catch (IOException e) {
            throw new MigrateException("cannot create migration directory " + dir.display + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static MigrationDir locate(String url, Path workingDirectory) {
        String location = url.startsWith("file://") ? url.substring("file://".length()) : url;
        if (location.contains("://")) {
            throw new MigrateException(
                    "unsupported migration directory URL \"" + Placeholders.redact(url) + "\": expected file://PATH");
        }
        DirFormat format = DirFormat.ATLAS;
        List<String[]> settings = new ArrayList<>();
        int query = location.indexOf('?');
        if (query >= 0) {
            for (String parameter : location.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                if (name.equals("format") && equals >= 0) {
                    format = DirFormat.of(parameter.substring(equals + 1));
                } else if (Placeholders.isParameter(name) && equals >= 0) {
                    settings.add(new String[] {name, parameter.substring(equals + 1)});
                } else if (!parameter.isEmpty()) {
                    throw new MigrateException("unsupported migration directory parameter \"" + name + "\" in \""
                            + Placeholders.redact(url) + "\": expected format=" + formats() + PLACEHOLDER_PARAMETERS);
                }
            }
            location = location.substring(0, query);
        }
        if (location.isEmpty()) {
            throw new MigrateException("migration directory URL \"" + Placeholders.redact(url) + "\" names no path");
        }
        Placeholders placeholders = format == DirFormat.FLYWAY ? Placeholders.FLYWAY : Placeholders.NONE;
        if (!settings.isEmpty() && format != DirFormat.FLYWAY) {
            throw new MigrateException("migration directory parameter \"" + settings.get(0)[0] + "\" in \""
                    + Placeholders.redact(url) + "\" is a Flyway setting: only a directory of format=flyway has"
                    + " placeholders");
        }
        for (String[] setting : settings) {
            placeholders = placeholders.with(setting[0], setting[1], url);
        }
        return new MigrationDir(workingDirectory.resolve(location).normalize(), location, format, placeholders);
    }

    /**
     * Returns a directory URL with a format added, as {@code --dir-format} or a project's {@code migration { format
     * }} adds it to the directory's URL.
     *
     * @throws MigrateException when the URL names another format already
     */
    public static String withFormat(String url, String format) {
        DirFormat wanted = DirFormat.of(format);
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.startsWith("format=")) {
                    if (DirFormat.of(parameter.substring("format=".length())) != wanted) {
                        throw new MigrateException(
                                "migration directory URL \"" + url + "\" names another format than \"" + format + "\"");
                    }
                    return url;
                }
            }
        }
        if (wanted == DirFormat.ATLAS) {
            return url;
        }
        return url + (query >= 0 ? "&" : "?") + "format=" + wanted.id();
    }

    private static String formats() {
        return Arrays.stream(DirFormat.values()).map(DirFormat::id).collect(Collectors.joining("|"));
    }

    /** Returns the directory's format. */
    public DirFormat format() {
        return format;
    }

    /** Returns the placeholders the directory's files have replaced before they run ({@link Placeholders#NONE}). */
    public Placeholders placeholders() {
        return placeholders;
    }

    /** Returns the directory's path. */
    public Path path() {
        return path;
    }

    /** Returns the directory as the user named it, for messages. */
    public String display() {
        return display;
    }

    /**
     * Returns the migration files in the order they run: byte-wise lexicographic name order in the atlas format, the
     * format's order in another.
     *
     * @throws MigrateException when the directory cannot be read, or a file name is malformed for the format
     */
    public List<MigrationFile> files() {
        if (pinned != null) {
            return pinned;
        }
        return format.read(path, display, placeholders);
    }

    /**
     * Returns the stored {@code atlas.sum}, or empty when there is none.
     *
     * @throws ChecksumException when the file is malformed or its total does not match its lines
     */
    public Optional<SumFile> readSum() {
        if (pinned != null) {
            return pinnedSum;
        }
        Path sum = path.resolve(SumFile.FILE_NAME);
        if (!Files.exists(sum)) {
            return Optional.empty();
        }
        return Optional.of(SumFile.parse(new String(read(sum), StandardCharsets.UTF_8)));
    }

    /**
     * Checks the directory against its {@code atlas.sum}, as almost every migrate command does first.
     *
     * @return the files, checked
     * @throws ChecksumException when the sum file is missing (and there are files), malformed, or disagrees
     * @throws MigrateException when two files have the same version
     */
    public List<MigrationFile> validate() {
        if (pinned != null) {
            return pinned;
        }
        List<MigrationFile> files = files();
        Path sum = path.resolve(SumFile.FILE_NAME);
        if (!Files.exists(sum)) {
            if (!files.isEmpty()) {
                throw ChecksumException.notFound();
            }
            return files;
        }
        // Read without checking the total first, so that a tampered line is blamed on its line and file.
        SumFile.parseLines(new String(read(sum), StandardCharsets.UTF_8)).verify(files);
        checkVersionsUnique(files);
        return files;
    }

    /**
     * Refuses two files of one version: the revisions table has one row per version, so both would run and the
     * second would overwrite the first's row, and a resumed or partial apply could no longer tell them apart. The
     * reference tool does not check this; its revisions have the same key, so it has the same fault.
     */
    private void checkVersionsUnique(List<MigrationFile> files) {
        Map<String, String> byVersion = new HashMap<>();
        for (MigrationFile file : files) {
            String other = byVersion.putIfAbsent(file.version(), file.name());
            if (other != null) {
                throw new MigrateException("migration directory " + display + ": files \"" + other + "\" and \""
                        + file.name() + "\" have the same version \"" + file.version() + "\"; versions must be unique"
                        + golangMigrateHint(other, file.name()));
            }
        }
    }

    /**
     * Names the format a directory of {@code .up.sql} and {@code .down.sql} pairs is in: read as an atlas directory,
     * the pair has one version. Older releases of the reference hashed both files of a golang-migrate directory into
     * {@code atlas.sum}, so such a sum makes the directory look like an atlas one.
     */
    private static String golangMigrateHint(String a, String b) {
        boolean pair = (a.endsWith(".up.sql") && b.endsWith(".down.sql"))
                || (a.endsWith(".down.sql") && b.endsWith(".up.sql"));
        return pair
                ? " (an up and a down file of golang-migrate: read the directory with --dir-format golang-migrate,"
                        + " or file://DIR?format=golang-migrate)"
                : "";
    }

    /** Recomputes {@code atlas.sum} from the files and writes it; returns what was written. */
    public SumFile rehash() {
        SumFile sum = SumFile.compute(files());
        writeAtomically(SumFile.FILE_NAME, sum.render().getBytes(StandardCharsets.UTF_8));
        return sum;
    }

    /**
     * Checks that every migration file of the directory is of its format, before a new one is written in it.
     *
     * @throws MigrationFileException at a file evidently written for another format (a {@code .up.sql} file in a
     *     directory opened as flyway), saying which format to ask for
     */
    public void requireFormat() {
        FormatEvidence.require(path, display, format);
    }

    /**
     * Writes a migration file and the {@code atlas.sum} that covers it, both or neither; see {@link #add(List)}.
     *
     * @throws MigrateException when either file cannot be written, or the directory's format does not read the file
     */
    public MigrationFile add(String name, String content) {
        return add(List.of(new MigrationLayout.File(name, content))).get(0);
    }

    /**
     * Writes the files of one migration (an up file and its down file, in golang-migrate) and the {@code atlas.sum}
     * that covers them, all or none: every file is written and synced to a temporary file first; the sum is
     * computed over the files the directory's format reads once they are in place (golang-migrate's {@code .up.sql}
     * files, Flyway's {@code V}, {@code B} and {@code R} files, as the reference hashes them); when the format
     * cannot read them, or the sum cannot be renamed into place, every file is put back as it was (removed when it
     * is new), so the directory is left as it was and still valid.
     *
     * @return the written files that run up, as the directory reads them
     * @throws MigrateException when a file cannot be written or the directory's format does not read it
     */
    public List<MigrationFile> add(List<MigrationLayout.File> newFiles) {
        checkWritable();
        Map<Path, byte @Nullable []> previous = new HashMap<>();
        List<AtomicFile.Prepared> prepared = new ArrayList<>();
        try {
            for (MigrationLayout.File file : newFiles) {
                Path target = path.resolve(file.name());
                previous.put(target, Files.isRegularFile(target) ? read(target) : null);
                prepared.add(prepare(file.name(), file.text().getBytes(StandardCharsets.UTF_8)));
            }
            // A sum that cannot even be prepared (a link into a missing directory) fails before any file is moved.
            prepare(SumFile.FILE_NAME, new byte[0]).discard();
        } catch (MigrateException e) {
            prepared.forEach(AtomicFile.Prepared::discard);
            throw e;
        }
        for (int i = 0; i < prepared.size(); i++) {
            try {
                commit(newFiles.get(i).name(), prepared.get(i));
            } catch (MigrateException e) {
                prepared.subList(i + 1, prepared.size()).forEach(AtomicFile.Prepared::discard);
                previous.forEach(MigrationDir::restore);
                throw e;
            }
        }
        try {
            FormatEvidence.require(path, display, format);
            List<MigrationFile> files = files();
            writeAtomically(SumFile.FILE_NAME, SumFile.compute(files).render().getBytes(StandardCharsets.UTF_8));
            List<String> names =
                    newFiles.stream().map(MigrationLayout.File::name).toList();
            return files.stream().filter(f -> names.contains(f.name())).toList();
        } catch (MigrateException e) {
            previous.forEach(MigrationDir::restore);
            String written =
                    newFiles.stream().map(f -> display + "/" + f.name()).collect(Collectors.joining(", "));
            String was = newFiles.size() == 1 ? " was left as it was)" : " were left as they were)";
            throw new MigrateException(e.getMessage() + " (" + written + was, e);
        }
    }

    private static void restore(Path file, byte @Nullable [] previous) {
        if (previous == null) {
            deleteQuietly(file);
            return;
        }
        try {
            AtomicFile.write(file, previous);
        } catch (IOException e) {
            // The sum's error is what gets reported; the file's new content is then what is on disk.
        }
    }

    /**
     * Writes a file of the directory so that readers see the old content or the new one, never a mixture; see
     * {@link AtomicFile} for permissions, symbolic links and syncing.
     */
    void writeAtomically(String name, byte[] content) {
        checkWritable();
        commit(name, prepare(name, content));
    }

    private void checkWritable() {
        if (pinned != null) {
            throw new IllegalStateException("migration directory " + display + " is pinned: it is read-only");
        }
        String rendered = RENDERED.get(path.toAbsolutePath().normalize());
        if (rendered != null) {
            throw new MigrateException("cannot write into the migration directory of " + rendered);
        }
    }

    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

    /**
     * Marks a directory as a copy rendered for this process (a project's {@code data "template_dir"}), which is
     * deleted when the process ends: writing a file or an {@code atlas.sum} into it is then an error, before anything
     * is written, rather than a migration that silently disappears.
     *
     * @param directory the rendered directory
     * @param source what the directory is rendered from and where to write instead, completing "cannot write into
     *     the migration directory of "
     */
    public static void markRendered(Path directory, String source) {
        RENDERED.put(directory.toAbsolutePath().normalize(), source);
    }

    private AtomicFile.Prepared prepare(String name, byte[] content) {
        try {
            return AtomicFile.prepare(path.resolve(name), content);
        } catch (IOException e) {
            throw cannotWrite(name, e);
        }
    }

    private void commit(String name, AtomicFile.Prepared prepared) {
        try {
            prepared.commit();
        } catch (IOException e) {
            throw cannotWrite(name, e);
        }
    }

    private MigrateException cannotWrite(String name, IOException e) {
        return new MigrateException("cannot write " + display + "/" + name + ": " + describe(e), e);
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static void deleteQuietly(@org.jspecify.annotations.Nullable Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The write already failed and is reported; a leftover hidden temporary file is harmless.
        }
    }

    private byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MigrateException("migration file " + display + "/" + file.getFileName() + " disappeared", e);
        } catch (IOException e) {
            throw new MigrateException("cannot read " + display + "/" + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
