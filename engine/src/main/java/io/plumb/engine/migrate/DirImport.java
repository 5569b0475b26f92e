package io.plumb.engine.migrate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code DirImport} turns a directory of another format (Flyway, Liquibase, golang-migrate, goose, dbmate) into
 * files of the atlas format, as {@code migrate import} writes them (reference: {@code atlas migrate import}).
 *
 * <p>Each file becomes {@code VERSION[_DESCRIPTION].sql} holding the statements that run up, each preceded by the
 * comment lines directly above it and followed by {@code ;} and a line end; down sections, undo files and comments
 * that are not directly above a statement are not carried over. A file that runs outside a transaction starts with
 * {@code -- atlas:txmode none}, which the reference leaves out, and a plain SQL file with a MySQL {@code DELIMITER}
 * command is written as it is. Statements are split without knowing the dialect,
 * as the reference splits them: {@code BEGIN ... END} bodies and dollar quotes are kept whole, MySQL {@code
 * DELIMITER} commands are not understood.
 *
 * <p>The names are the reference's wherever its names run in the right order. Where they would not, in the atlas
 * format's byte-wise order and string comparison of versions ({@code 10_x.sql} sorts before {@code 9_y.sql}), the
 * numbers of the versions are zero-padded to one width ({@code 09_y.sql}, {@code 10_x.sql}). A Flyway version
 * {@code 1_1} is written {@code 1.1} (an {@code _} would end the version in the atlas format), and a repeatable file
 * follows the last versioned one as {@code 3r_views.sql} (see {@link FlywayVersion}).
 */
public final class DirImport {

    /** How statements are split: every dialect's quoting and blocks that cannot be mistaken for another's. */
    private static final ScannerOptions SPLIT = new ScannerOptions(true, true, true, false, false);

    private static final Pattern DELIMITER = Pattern.compile("(?im)^[ \\t]*DELIMITER[ \\t]+\\S+");

    /**
     * One file to write.
     *
     * @param name its name in the atlas format
     * @param content its text
     * @param source the name of the file it comes from
     */
    public record ImportedFile(String name, String content, String source) {}

    private DirImport() {}

    /**
     * Returns the atlas files for a directory's files.
     *
     * @throws MigrateException when a file cannot be read or split ({@code NAME:line:col: detail})
     */
    public static List<ImportedFile> convert(List<MigrationFile> files) {
        List<String> versions = versions(files);
        List<ImportedFile> imported = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MigrationFile file = files.get(i);
            String description = file.description();
            String name = versions.get(i) + (description.isEmpty() ? "" : "_" + description) + ".sql";
            String content = keptWhole(file) ? file.text() : content(MigrationScript.parse(file, SPLIT));
            imported.add(new ImportedFile(name, content, file.name()));
        }
        return imported;
    }

    /**
     * Writes a directory's files into an empty atlas directory, then its {@code atlas.sum}.
     *
     * @return the files written, in order
     * @throws MigrateException when the target is not an empty atlas directory, or a source file cannot be read
     */
    public static List<ImportedFile> write(MigrationDir source, MigrationDir target) {
        if (source.format() == DirFormat.ATLAS) {
            throw new MigrateException("cannot import a migration directory already in \"atlas\" format");
        }
        if (target.format() != DirFormat.ATLAS) {
            throw new MigrateException("cannot import into " + target.display() + ": plumb imports into the atlas"
                    + " format, and the target URL names the " + target.format().id() + " format");
        }
        if (!target.files().isEmpty()) {
            throw new MigrateException("target migration directory must be empty");
        }
        List<MigrationFile> files = source.readSum().isPresent() ? source.validate() : source.files();
        List<ImportedFile> imported = convert(files);
        for (ImportedFile file : imported) {
            target.writeAtomically(file.name(), file.content().getBytes(StandardCharsets.UTF_8));
        }
        if (!imported.isEmpty()) {
            target.rehash();
        }
        return imported;
    }

    /**
     * Whether a file is written as it is: a plain SQL file (Flyway, golang-migrate, Liquibase) with a MySQL client
     * {@code DELIMITER} command, which the splitter does not understand. Split, its procedure bodies were cut at each
     * {@code ;} and joined again without their line breaks; the atlas format reads the command itself on MySQL.
     */
    private static boolean keptWhole(MigrationFile file) {
        return file.format() != DirFormat.GOOSE
                && file.format() != DirFormat.DBMATE
                && DELIMITER.matcher(file.text()).find();
    }

    private static String content(MigrationScript script) {
        // The atlas format has no conditional statements: writing a guarded changeset would run it unconditionally.
        if (!script.guards().isEmpty()) {
            Guard guard = script.guards().get(0);
            throw new MigrationFileException(
                    script.file().name(),
                    guard.line(),
                    guard.column(),
                    guard.label() + " has preconditions, which an atlas-format file cannot hold: importing it would"
                            + " run the changeset whether they hold or not; keep the directory in the liquibase"
                            + " format (?format=liquibase), or remove the preconditions first");
        }
        StringBuilder text = new StringBuilder();
        // A file its tool runs outside a transaction (goose's NO TRANSACTION, dbmate's transaction:false, a Flyway
        // CREATE INDEX CONCURRENTLY) keeps running outside one.
        if (script.directives().txMode().filter("none"::equals).isPresent()) {
            text.append("-- atlas:txmode none\n\n");
        }
        for (Statement statement : script.statements()) {
            for (String comment : statement.comments()) {
                text.append(comment);
                if (!comment.endsWith("\n")) {
                    text.append('\n');
                }
            }
            String sql = statement.text();
            text.append(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql)
                    .append(";\n");
        }
        return text.toString();
    }

    // The files' versions as the reference writes them, zero-padded when those would not run in order.
    private static List<String> versions(List<MigrationFile> files) {
        List<String> versions = files.stream().map(MigrationFile::version).toList();
        if (files.isEmpty() || files.get(0).format() == DirFormat.LIQUIBASE || inOrder(files, versions)) {
            return versions;
        }
        List<String> padded = pad(versions);
        if (!inOrder(files, padded)) {
            throw new MigrateException("cannot name the imported files so that they run in order: versions "
                    + String.join(", ", versions));
        }
        return padded;
    }

    // Whether the atlas format runs the files in this order: names byte-wise and versions as strings, both rising.
    private static boolean inOrder(List<MigrationFile> files, List<String> versions) {
        for (int i = 1; i < files.size(); i++) {
            String before = name(versions.get(i - 1), files.get(i - 1));
            String after = name(versions.get(i), files.get(i));
            if (DirListing.BYTE_ORDER.compare(before, after) >= 0
                    || versions.get(i - 1).compareTo(versions.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String name(String version, MigrationFile file) {
        return version + (file.description().isEmpty() ? "" : "_" + file.description()) + ".sql";
    }

    // Pads each number of dotted versions to the widest at its place, with as many numbers in every version; a
    // trailing suffix (Flyway's r, r2) stays.
    private static List<String> pad(List<String> versions) {
        List<String[]> numbers = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (String version : versions) {
            int end = 0;
            while (end < version.length() && (Character.isDigit(version.charAt(end)) || version.charAt(end) == '.')) {
                end++;
            }
            String[] parts = version.substring(0, end).split("\\.", -1);
            numbers.add(parts);
            suffixes.add(version.substring(end));
            for (int p = 0; p < parts.length; p++) {
                if (widths.size() <= p) {
                    widths.add(0);
                }
                widths.set(p, Math.max(widths.get(p), parts[p].length()));
            }
        }
        List<String> padded = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            String[] parts = numbers.get(i);
            List<String> rendered = new ArrayList<>();
            for (int p = 0; p < widths.size(); p++) {
                String part = p < parts.length ? parts[p] : "0";
                rendered.add("0".repeat(Math.max(0, widths.get(p) - part.length())) + part);
            }
            padded.add(String.join(".", rendered) + suffixes.get(i));
        }
        return padded;
    }
}
