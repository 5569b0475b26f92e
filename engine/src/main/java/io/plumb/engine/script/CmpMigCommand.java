package io.plumb.engine.script;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code cmpmig INDEX FILE} compares the INDEX-th (0-based, in name order) {@code .sql} file of {@code migrations/}
 * with FILE line by line, both without leading and trailing blank space (as the reference compares them), ignoring
 * Liquibase {@code --changeset atlas:N-N} lines; as {@code cmpshow}, it reads {@code $version/FILE} when that exists.
 */
final class CmpMigCommand implements ScriptCommand {

    private static final Pattern CHANGESET = Pattern.compile("--changeset atlas:[0-9]+-[0-9]+");

    @Override
    public void run(ScriptContext script, boolean negated, List<String> args) {
        if (negated) {
            throw new ScriptFailure("unsupported: ! cmpmig");
        }
        if (args.size() != 2) {
            throw new ScriptFailure("usage: cmpmig INDEX FILE");
        }
        int index;
        try {
            index = Integer.parseInt(args.get(0));
        } catch (NumberFormatException e) {
            throw new ScriptFailure("cmpmig: INDEX must be a number, found \"" + args.get(0) + "\"", e);
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(script.cwd().resolve("migrations"))) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ScriptFailure("cmpmig: reading migrations/: " + e.getMessage(), e);
        }
        if (index < 0 || index >= files.size()) {
            throw new ScriptFailure("cmpmig: no migration file " + index + ", migrations/ has " + files.size());
        }
        Path migration = files.get(index);
        String file = args.get(1);
        String version = script.getenv("version");
        if (!version.isEmpty()
                && Files.isRegularFile(script.cwd().resolve(version).resolve(file))) {
            file = version + "/" + file;
        }
        String actual =
                script.readFile(script.cwd().relativize(migration).toString()).strip();
        String expected = script.readFile(file).strip();
        if (!sameLines(actual.split("\n", -1), expected.split("\n", -1))) {
            script.log(TextDiff.unified(migration.getFileName().toString(), actual + "\n", file, expected + "\n"));
            throw new ScriptFailure("migration " + migration.getFileName() + " and " + file + " differ");
        }
    }

    // Line by line, as the reference compares: a changeset line of the migration matches any line, since it holds
    // a timestamp.
    private static boolean sameLines(String[] actual, String[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (!CHANGESET.matcher(actual[i]).find() && !actual[i].equals(expected[i])) {
                return false;
            }
        }
        return true;
    }
}
