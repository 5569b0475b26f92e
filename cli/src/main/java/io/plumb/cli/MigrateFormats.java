package io.plumb.cli;

import io.plumb.engine.db.Database;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code MigrateFormats} holds what the migrate commands' reports share: the format flag, driver names, operator. */
final class MigrateFormats {

    private MigrateFormats() {}

    /**
     * Returns whether {@code --format} asks for JSON; no format is the text layout.
     *
     * @throws ParameterException for any other format
     */
    static boolean isJson(@Nullable String format, CommandSpec spec) {
        if (format == null) {
            return false;
        }
        OutputFormat parsed = OutputFormat.parse(format, spec);
        if (parsed.kind() != OutputFormat.Kind.JSON) {
            throw new ParameterException(
                    spec.commandLine(), "unsupported --format \"" + format + "\": expected '{{ json . }}'");
        }
        return true;
    }

    /** Returns the driver name the reference tool reports: {@code sqlite3}, {@code postgres}, {@code mysql}. */
    static String driver(Database db) {
        return db.dialect().name().equals("sqlite") ? "sqlite3" : db.dialect().name();
    }

    /** Returns what revisions record as their writer. */
    static String operatorVersion() {
        return "Plumb CLI v" + PlumbVersionProvider.version();
    }
}
