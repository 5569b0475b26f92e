package io.plumb.engine.migrate;

/**
 * A {@code CheckProblem} is one finding of {@link CheckValidator}: a pre-migration check, or the file holding it,
 * that would not work when the migration is applied.
 *
 * @param file the migration file's name in its directory, such as {@code 3_add_users.sql}
 * @param line the 1-based line in the whole migration file (not in the archive section)
 * @param column the 1-based column
 * @param message what is wrong, lower-case, without the position
 */
public record CheckProblem(String file, int line, int column, String message) {

    /** Returns the problem as one line: {@code file:line:col: message}. */
    public String render() {
        return file + ":" + line + ":" + column + ": " + message;
    }

    /** Returns the problem a migration file's read failure stands for, at its position when it has one. */
    static CheckProblem of(MigrationFile file, MigrateException e) {
        if (e instanceof MigrationFileException positioned) {
            return new CheckProblem(file.name(), positioned.line(), positioned.column(), positioned.detail());
        }
        // Directive errors come from the header, whose lines are the file's first lines.
        if (e.getCause() instanceof ScanException scan) {
            return new CheckProblem(file.name(), scan.line(), scan.column(), scan.detail());
        }
        return new CheckProblem(file.name(), 1, 1, String.valueOf(e.getMessage()));
    }

    /** Returns this problem with a note appended to its message. */
    CheckProblem withNote(String note) {
        return new CheckProblem(file, line, column, message + note);
    }
}
