package io.plumb.engine.lint;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code GitChangeDetector} is {@code --git-base BRANCH}: the files added to the directory since the base
 * branch ({@code git diff --name-only --diff-filter=A BASE HEAD -- DIR}) are new, and, since history is linear, so is
 * every file after the first of them.
 *
 * <p>It runs the {@code git} program rather than a Java Git library: the user's own git reads the repository
 * exactly as their CI and hooks do (worktrees, shallow clones, alternates, config such as {@code safe.directory}),
 * it is on every machine that has a repository to diff, and it keeps a large library off the engine's class path
 * for a feature most runs do not use.
 *
 * @param workDir the repository directory ({@code --git-dir}, {@code .} by default)
 * @param base the base branch
 * @param dir the migration directory
 */
public record GitChangeDetector(Path workDir, String base, Path dir) implements ChangeDetector {

    @Override
    public Split detect(List<MigrationFile> files) {
        Set<String> added = new HashSet<>();
        for (String line : git(
                        "--no-pager",
                        "diff",
                        "--name-only",
                        "--diff-filter=A",
                        base,
                        "HEAD",
                        "--",
                        dir.toAbsolutePath().normalize().toString())
                .split("\n")) {
            if (!line.isBlank()) {
                added.add(Path.of(line.strip()).getFileName().toString());
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (added.contains(files.get(i).name())) {
                return new Split(files.subList(0, i), files.subList(i, files.size()));
            }
        }
        return new Split(files, List.of());
    }

    private String git(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", workDir.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new MigrateException("lookup git: the git program cannot be run: " + e.getMessage(), e);
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new MigrateException("git diff: exit status " + exit + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new MigrateException("git diff: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("git diff: interrupted", e);
        }
    }
}
