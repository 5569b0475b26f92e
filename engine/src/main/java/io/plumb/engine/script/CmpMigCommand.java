package io.plumb.engine.script;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptContext;
import io.plumb.runner.ScriptFailure;
import io.plumb.runner.TextDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code cmpmig INDEX FILE} compares the INDEX-th (0-based, in name order) {@code .sql} file of {@code migrations/}
 * with FILE line by line, ignoring Liquibase {@code --changeset atlas:N-N} lines.
 */
final class CmpMigCommand implements ScriptCommand {

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
        String actual = withoutChangesets(
                script.readFile(script.cwd().relativize(migration).toString()));
        String expected = withoutChangesets(script.readFile(args.get(1)));
        if (!actual.equals(expected)) {
            script.log(TextDiff.unified(migration.getFileName().toString(), actual, args.get(1), expected));
            throw new ScriptFailure("migration " + migration.getFileName() + " and " + args.get(1) + " differ");
        }
    }

    private static String withoutChangesets(String text) {
        return text.lines()
                .filter(line -> !line.startsWith("--changeset atlas:"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
