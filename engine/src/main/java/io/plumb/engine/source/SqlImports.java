package io.plumb.engine.source;

import io.plumb.engine.source.SourceLoader.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code SqlImports} orders SQL schema files by their {@code -- atlas:import PATH} directives, as the reference loads
 * the split schema its {@code schema inspect --format '{{ sql . | split | write "dir" }}'} writes: a file's imports
 * run before it, each file once, whether it is given or imported (and however often). A path is relative to the
 * importing file; a directory imports its {@code .sql} files, subdirectories included, in name order.
 *
 * <p>The directives are read from the file's leading comment lines, before its first statement. A file that imports
 * one it is itself imported by (a cycle) is loaded when the import chain comes back to it, in the order given; the
 * dev database then says which statement needs what. Before this, the directives were comments, and a schema file
 * that imported the rest of the schema stood alone without a word.
 */
final class SqlImports {

    private static final String DIRECTIVE = "-- atlas:import";

    private final List<SourceFile> ordered = new ArrayList<>();
    private final Set<Path> loaded = new HashSet<>();
    private final Set<Path> visiting = new HashSet<>();

    private SqlImports() {}

    /**
     * Returns the files to execute, in order: each given file preceded by what it imports, transitively.
     *
     * @throws SourceException at the directive's {@code file:line:col} when an import names no file or directory, a
     *     file that is not {@code .sql}, or a directory without one
     */
    static List<SourceFile> expand(List<SourceFile> files) {
        SqlImports imports = new SqlImports();
        files.forEach(imports::visit);
        return List.copyOf(imports.ordered);
    }

    private void visit(SourceFile file) {
        Path key = file.path().toAbsolutePath().normalize();
        if (loaded.contains(key) || !visiting.add(key)) {
            return;
        }
        String text = HclSources.read(file.path(), file.display());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("--")) {
                break;
            }
            if (line.startsWith(DIRECTIVE + " ") || line.startsWith(DIRECTIVE + "\t")) {
                String target = line.substring(DIRECTIVE.length()).strip();
                int column = lines[i].indexOf(DIRECTIVE) + 1;
                imported(file, target, i + 1, column).forEach(this::visit);
            }
        }
        visiting.remove(key);
        loaded.add(key);
        ordered.add(file);
    }

    private static List<SourceFile> imported(SourceFile from, String target, int line, int column) {
        String position = from.display() + ":" + line + ":" + column + ": atlas:import \"" + target + "\": ";
        Path path = from.path().toAbsolutePath().resolveSibling(target).normalize();
        Path shownParent = Path.of(from.display()).getParent();
        String shown = (shownParent == null ? Path.of(target) : shownParent.resolve(target))
                .normalize()
                .toString();
        if (Files.isDirectory(path)) {
            List<SourceFile> files;
            try (Stream<Path> entries = Files.walk(path)) {
                files = entries.filter(p -> Files.isRegularFile(p)
                                && p.getFileName().toString().endsWith(".sql"))
                        .sorted()
                        .map(p -> new SourceFile(
                                p, Path.of(shown).resolve(path.relativize(p)).toString()))
                        .toList();
            } catch (IOException e) {
                throw new SourceException(position + "reading the directory: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new SourceException(position + "the directory holds no .sql file");
            }
            return files;
        }
        if (!Files.isRegularFile(path)) {
            throw new SourceException(position + "no such file or directory");
        }
        if (!path.getFileName().toString().endsWith(".sql")) {
            throw new SourceException(position + "not an SQL (.sql) file");
        }
        return List.of(new SourceFile(path, shown));
    }
}
