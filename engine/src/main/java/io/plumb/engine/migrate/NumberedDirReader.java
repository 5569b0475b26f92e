package io.plumb.engine.migrate;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A {@code NumberedDirReader} reads the directories of tools that number their files {@code VERSION_DESCRIPTION}
 * with an integer version: golang-migrate ({@code .up.sql} files), goose and dbmate ({@code .sql} files with up and
 * down sections).
 *
 * <p>Files run in the order of their versions as numbers, as the tools run them. The reference orders them by name,
 * which is the same order whenever the versions have the same number of digits (timestamps, zero-padded numbers);
 * for {@code 9_} and {@code 10_} it is not, and the numeric order is the one that works. Two files of one version,
 * and a name that does not start with a number, are errors.
 */
final class NumberedDirReader implements DirReader {

    private final String tool;
    private final String suffix;
    private final @Nullable String skipped;
    private final @Nullable BiFunction<MigrationFile, ScannerOptions, MigrationScript> sections;

    private NumberedDirReader(
            String tool,
            String suffix,
            @Nullable String skipped,
            @Nullable BiFunction<MigrationFile, ScannerOptions, MigrationScript> sections) {
        this.tool = tool;
        this.suffix = suffix;
        this.skipped = skipped;
        this.sections = sections;
    }

    static NumberedDirReader golangMigrate() {
        return new NumberedDirReader("golang-migrate", ".up.sql", ".down.sql", null);
    }

    static NumberedDirReader goose() {
        return new NumberedDirReader("goose", ".sql", null, GooseScript::parse);
    }

    static NumberedDirReader dbmate() {
        return new NumberedDirReader("dbmate", ".sql", null, DbmateScript::parse);
    }

    @Override
    public List<MigrationFile> read(DirFormat format, Path root, String display) {
        List<MigrationFile> files = new ArrayList<>();
        Map<BigInteger, String> seen = new HashMap<>();
        if (tool.equals("goose")) {
            DirListing.refuse(
                    root,
                    display,
                    List.of(".go"),
                    name -> !name.endsWith("_test.go") && isNumber(name.substring(0, Math.max(0, name.indexOf('_')))),
                    "goose Go migration: plumb runs the SQL migrations of a goose directory only, and running them"
                            + " without this one would leave it out");
        }
        for (String name : DirListing.topLevel(root, display, ".sql")) {
            if (skipped != null && name.endsWith(skipped)) {
                continue;
            }
            if (!name.endsWith(suffix)) {
                throw new MigrationFileException(
                        name,
                        1,
                        1,
                        "not a " + tool + " migration file: expected VERSION_DESCRIPTION" + suffix
                                + (skipped == null ? "" : " or VERSION_DESCRIPTION" + skipped));
            }
            String base = name.substring(0, name.length() - suffix.length());
            int underscore = base.indexOf('_');
            String version = underscore < 0 ? base : base.substring(0, underscore);
            if (!isNumber(version)) {
                throw new MigrationFileException(
                        name,
                        1,
                        1,
                        "invalid " + tool + " version \"" + version
                                + "\": expected the file name to start with a number followed by _");
            }
            String other = seen.putIfAbsent(new BigInteger(version), name);
            if (other != null) {
                throw new MigrationFileException(
                        name, 1, 1, "duplicate " + tool + " version " + version + ": " + other + " has it too");
            }
            String description = underscore < 0 ? "" : base.substring(underscore + 1);
            files.add(new MigrationFile(name, DirListing.read(root, display, name), format, version, description));
        }
        files.sort(Comparator.comparing((MigrationFile f) -> new BigInteger(f.version())));
        return files;
    }

    @Override
    public int compareVersions(String a, String b) {
        return compareNumbers(a, b);
    }

    @Override
    public Optional<MigrationScript> script(MigrationFile file, ScannerOptions options) {
        return sections == null ? Optional.empty() : Optional.of(sections.apply(file, options));
    }

    /** Compares two versions as numbers when both are, else as strings. */
    static int compareNumbers(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return a.compareTo(b);
    }

    static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
