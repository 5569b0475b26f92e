package io.plumb.cli;

import io.plumb.engine.db.Database;
import java.io.PrintWriter;
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

    /**
     * Prints a report through its template: {@code '{{ json . }}'} alone as one line, any other template's output
     * as is (as the reference prints it), with a newline after it when another instance of a {@code for_each} env
     * follows and it has none, as the reference separates them.
     */
    static void print(PrintWriter out, ReportTemplate template, String json, boolean last) {
        if (template.jsonOnly()) {
            out.println(json);
            return;
        }
        String text = template.execute(json);
        out.print(text);
        if (!last && !text.isEmpty() && !text.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    /**
     * Returns the driver name the reference tool reports: its client's name, {@code sqlite}, {@code postgres} or
     * {@code mysql} (for MariaDB too).
     */
    static String driver(Database db) {
        return db.dialect().name();
    }

    /** Returns what revisions record as their writer. */
    static String operatorVersion() {
        return "Plumb CLI v" + PlumbVersionProvider.version();
    }
}
