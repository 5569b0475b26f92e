package io.plumb.engine.migrate;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * {@code LiquibaseFiles} finds the files a Liquibase changelog names: through the resource accessor Liquibase reads
 * includes and changes' files with, and as paths for the migrations Plumb makes of them.
 */
final class LiquibaseFiles {

    private LiquibaseFiles() {}

    /**
     * Returns where Liquibase finds the files a changelog includes: the directory, then each directory above it up to
     * and including a {@code resources} directory (a Maven or Gradle project's class path root, which includes
     * without {@code relativeToChangelogFile} are written against).
     */
    static ResourceAccessor accessor(Path root) {
        List<ResourceAccessor> accessors = new ArrayList<>();
        try {
            for (Path dir : searchPath(root)) {
                accessors.add(new DirectoryResourceAccessor(dir));
            }
        } catch (FileNotFoundException e) {
            throw new MigrateException("cannot read migration directory " + root + ": " + e.getMessage(), e);
        }
        return new ClassPathAccessor(accessors);
    }

    /**
     * The directories of the search path, where a {@code classpath:} path is one under them, as Spring Boot's
     * accessor reads it (Liquibase's own takes the prefix off includes alone: {@code sqlFile} and {@code loadData}
     * paths written {@code classpath:db/...} found nothing).
     */
    static final class ClassPathAccessor extends CompositeResourceAccessor {

        ClassPathAccessor(List<ResourceAccessor> accessors) {
            super(accessors);
        }

        static String plain(String path) {
            if (path != null && path.startsWith("classpath:")) {
                String rest = path.substring("classpath:".length());
                return rest.startsWith("/") ? rest.substring(1) : rest;
            }
            return path;
        }

        @Override
        public List<liquibase.resource.Resource> search(String path, SearchOptions options) throws java.io.IOException {
            return super.search(plain(path), options);
        }

        @Override
        public List<liquibase.resource.Resource> search(String path, boolean recursive) throws java.io.IOException {
            return super.search(plain(path), recursive);
        }

        @Override
        public List<liquibase.resource.Resource> getAll(String path) throws java.io.IOException {
            return super.getAll(plain(path));
        }
    }

    static List<Path> searchPath(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        List<Path> path = new ArrayList<>(List.of(dir));
        for (Path up = dir; up.getParent() != null; up = up.getParent()) {
            if (up.getFileName() != null && up.getFileName().toString().equals("resources")) {
                for (Path p = dir.getParent(); p != null && p.startsWith(up); p = p.getParent()) {
                    path.add(p);
                }
                break;
            }
        }
        return path;
    }

    /** Finds a changelog file Liquibase named, in the search path. */
    static Path locate(Path root, String path) {
        String plain = path.startsWith("classpath:") ? path.substring("classpath:".length()) : path;
        plain = plain.startsWith("/") && !Files.exists(Path.of(plain)) ? plain.substring(1) : plain;
        for (Path dir : searchPath(root)) {
            Path file = dir.resolve(plain).normalize();
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return root.resolve(plain).normalize();
    }

    static String relative(Path root, Path file, String path) {
        Path dir = root.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(dir) ? dir.relativize(absolute).toString() : path;
    }

    static byte[] read(Path file, String display, String name) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new MigrateException("cannot read changelog " + display + "/" + name + ": " + e.getMessage(), e);
        }
    }
}
