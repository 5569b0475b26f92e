package io.plumb.engine.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * {@code LiquibaseErrors} turns what Liquibase throws while it parses a changelog into an error at the changelog's
 * file, line and column: where Liquibase says which, else where the changelog names what failed.
 */
final class LiquibaseErrors {

    private static final Pattern YAML_MESSAGE = Pattern.compile("Syntax error in file ([^:]+):");
    private static final Pattern XSD_MESSAGE = Pattern.compile("Unable to resolve xml entity (\\S+?)\\.?(?:\\s|$)");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("The file (\\S+) was not found");
    private static final Pattern SAX_MESSAGE =
            Pattern.compile("Error parsing line (\\d+) column (\\d+) of ([^:]+): (.*)", Pattern.DOTALL);

    private LiquibaseErrors() {}

    /** Turns a parse failure into an error at the changelog's line and column, where Liquibase says which. */
    static MigrationFileException parseError(Path root, String master, Exception e) {
        String file = master;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage();
            Matcher sax = SAX_MESSAGE.matcher(text);
            if (sax.matches()) {
                return new MigrationFileException(
                        sax.group(3),
                        Integer.parseInt(sax.group(1)),
                        Integer.parseInt(sax.group(2)),
                        sax.group(4).strip(),
                        e);
            }
            Matcher syntax = YAML_MESSAGE.matcher(text);
            if (syntax.lookingAt()) {
                file = syntax.group(1);
            }
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                return new MigrationFileException(
                        file,
                        yaml.getProblemMark().getLine() + 1,
                        yaml.getProblemMark().getColumn() + 1,
                        (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem(),
                        e);
            }
            if (cause instanceof ClassNotFoundException) {
                String name = text.strip();
                return mention(root, master, name)
                        .error("a change in Java (class " + name + "), which plumb does not run: write it as SQL", e);
            }
            Matcher xsd = XSD_MESSAGE.matcher(text);
            if (xsd.find()) {
                String url = xsd.group(1);
                return mention(root, master, url)
                        .error(
                                "Liquibase resolves no XML schema \"" + url
                                        + "\": it reads only the schemas it ships (a"
                                        + " dbchangelog-N.xsd under http://www.liquibase.org/xml/ns/dbchangelog/), never the"
                                        + " network",
                                e);
            }
            Matcher missing = MISSING_MESSAGE.matcher(text);
            if (missing.lookingAt()) {
                String name = missing.group(1);
                return mention(root, master, name).error("Liquibase finds no file \"" + name + "\" to include", e);
            }
        }
        return new MigrationFileException(master, 1, 1, "Liquibase cannot read the changelog: " + message(e), e);
    }

    /** Where a changelog names a file, for an include Liquibase cannot find. */
    record Mention(String file, int line, int column) {

        MigrationFileException error(String detail, Throwable cause) {
            return new MigrationFileException(file, line, column, detail, cause);
        }
    }

    /**
     * Finds the first changelog under the directory (the master first) whose text names a file, by its name, else by
     * its last path element; the master's first line when none does.
     */
    static Mention mention(Path root, String master, String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        List<Path> candidates = new ArrayList<>(List.of(root.resolve(master)));
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> LiquibaseChangelog.SUFFIXES.stream()
                            .anyMatch(x -> p.toString().endsWith(x)))
                    .sorted()
                    .forEach(candidates::add);
        } catch (java.io.IOException e) {
            // The master alone is searched.
        }
        for (String wanted : name.equals(last) ? List.of(name) : List.of(name, last)) {
            for (Path candidate : candidates) {
                Optional<Mention> found = mention(root, candidate, wanted);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return new Mention(master, 1, 1);
    }

    static Optional<Mention> mention(Path root, Path candidate, String wanted) {
        String text;
        try {
            text = Files.readString(candidate);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        int at = text.indexOf(wanted);
        if (at >= 0) {
            int line = 1
                    + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            int column = at - text.lastIndexOf('\n', at - 1);
            return Optional.of(new Mention(root.relativize(candidate).toString(), line, column));
        }
        return Optional.empty();
    }

    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null
                && root.getCause() != root
                && (root.getMessage() == null || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return text == null ? root.getClass().getSimpleName() : text.strip();
    }
}
