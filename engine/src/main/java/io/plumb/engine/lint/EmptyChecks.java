package io.plumb.engine.lint;

import io.plumb.engine.migrate.CheckFile;
import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationScript;
import io.plumb.engine.migrate.ScannerOptions;
import io.plumb.engine.migrate.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code EmptyChecks} are the pre-migration checks of a txtar migration file that guard a drop: {@code SELECT NOT
 * EXISTS (SELECT ... FROM t)} or {@code SELECT count(*) = 0 FROM t} for a table, the same with {@code WHERE c IS
 * NOT NULL} for a column. The checks are recognised by their text, as the suggested fixes write them.
 */
final class EmptyChecks {

    private static final String NAME = "[`\"\\[]?(?:\\w+[`\"\\]]?\\.[`\"\\[]?)?%s[`\"\\]]?";

    private final List<String> assertions;

    private EmptyChecks(List<String> assertions) {
        this.assertions = assertions;
    }

    static EmptyChecks of(LintFile file) {
        if (!file.file().directives().txtar()) {
            return new EmptyChecks(List.of());
        }
        List<String> assertions = new ArrayList<>();
        try {
            for (CheckFile check : MigrationScript.parse(file.file(), ScannerOptions.forDialect(file.dialect()))
                    .checks()) {
                check.statements().stream().map(Statement::text).forEach(assertions::add);
            }
        } catch (MigrateException e) {
            // A file whose checks do not parse guards nothing; the check validation reports it.
        }
        return new EmptyChecks(assertions);
    }

    /** Returns whether a check makes sure the table has no rows. */
    boolean ensuresEmpty(String table) {
        String name = String.format(NAME, Pattern.quote(table));
        Pattern notExists = Pattern.compile(
                "(?is)\\s*SELECT\\s+NOT\\s+EXISTS\\s*\\(\\s*SELECT\\s+.+?\\s+FROM\\s+" + name + "\\s*\\)\\s*;?\\s*");
        Pattern countZero = Pattern.compile(
                "(?is)\\s*SELECT\\s+count\\(\\s*\\*\\s*\\)\\s*=\\s*0\\s+FROM\\s+" + name + "\\s*;?\\s*");
        return assertions.stream()
                .anyMatch(a ->
                        notExists.matcher(a).matches() || countZero.matcher(a).matches());
    }

    /** Returns whether a check makes sure the column holds only NULLs. */
    boolean ensuresNull(String table, String column) {
        String name = String.format(NAME, Pattern.quote(table));
        String col = "[`\"\\[]?" + Pattern.quote(column) + "[`\"\\]]?";
        String where = "\\s+WHERE\\s+" + col + "\\s+IS\\s+NOT\\s+NULL";
        Pattern notExists = Pattern.compile("(?is)\\s*SELECT\\s+NOT\\s+EXISTS\\s*\\(\\s*SELECT\\s+.+?\\s+FROM\\s+"
                + name + where + "\\s*\\)\\s*;?\\s*");
        Pattern countZero = Pattern.compile(
                "(?is)\\s*SELECT\\s+count\\(\\s*\\*\\s*\\)\\s*=\\s*0\\s+FROM\\s+" + name + where + "\\s*;?\\s*");
        return assertions.stream()
                .anyMatch(a ->
                        notExists.matcher(a).matches() || countZero.matcher(a).matches());
    }
}
