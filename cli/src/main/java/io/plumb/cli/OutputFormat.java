package io.plumb.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * An {@code OutputFormat} is what {@code --format} asks for: a name ({@code hcl}, {@code sql}, {@code json}) or one
 * of the reference tool's Go templates that mean the same ({@code {{ sql . "  " }}}).
 *
 * @param kind the format
 * @param indent the statement indentation for SQL
 */
record OutputFormat(Kind kind, String indent) {

    enum Kind {
        HCL,
        SQL,
        JSON
    }

    private static final Pattern SQL_TEMPLATE = Pattern.compile("\\{\\{\\s*sql\\s+\\.\\s*(?:\"([ \\t]*)\")?\\s*}}");
    private static final Pattern JSON_TEMPLATE = Pattern.compile("\\{\\{\\s*json\\s+\\.\\s*}}");
    private static final Pattern HCL_TEMPLATE = Pattern.compile("\\{\\{\\s*\\$?\\.MarshalHCL\\s*}}");

    static OutputFormat parse(String format, CommandSpec spec) {
        String trimmed = format.trim();
        Matcher sql = SQL_TEMPLATE.matcher(trimmed);
        if (sql.matches()) {
            return new OutputFormat(Kind.SQL, sql.group(1) == null ? "" : sql.group(1));
        }
        if (JSON_TEMPLATE.matcher(trimmed).matches()) {
            return new OutputFormat(Kind.JSON, "");
        }
        if (HCL_TEMPLATE.matcher(trimmed).matches()) {
            return new OutputFormat(Kind.HCL, "");
        }
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "hcl" -> new OutputFormat(Kind.HCL, "");
            case "sql" -> new OutputFormat(Kind.SQL, "");
            case "json" -> new OutputFormat(Kind.JSON, "");
            default -> throw new ParameterException(
                    spec.commandLine(), "unknown --format \"" + format + "\": expected hcl, sql or json");
        };
    }
}
