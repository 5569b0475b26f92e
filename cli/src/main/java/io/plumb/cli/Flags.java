package io.plumb.cli;

import io.plumb.engine.migrate.MigrateException;
import io.plumb.engine.migrate.MigrationTemplate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code Flags} builds the usage errors of flags that neither the command line nor the environment set. */
final class Flags {

    private Flags() {}

    /** Returns the reference tool's error for a required flag that is missing. */
    static ParameterException missing(CommandSpec spec, String flag) {
        return new ParameterException(spec.commandLine(), "required flag(s) \"" + flag + "\" not set");
    }

    /**
     * Returns the {@code AMOUNT} argument of {@code migrate apply} and {@code migrate down}, a positive number of
     * files, or {@code unset} when it is not given. Its errors are the reference tool's: {@code invalid amount
     * argument "x" (invalid syntax). Omit the argument or pass a valid integer instead}, {@code cannot apply '0'
     * migration files}.
     *
     * @param verb what the command does to files: {@code apply}, {@code revert}
     * @throws ParameterException when it is not a positive integer
     */
    static int amount(CommandSpec spec, @Nullable String amount, int unset, String verb) {
        if (amount == null) {
            return unset;
        }
        int value;
        try {
            value = Integer.parseInt(amount);
        } catch (NumberFormatException e) {
            String reason = amount.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
            throw new ParameterException(
                    spec.commandLine(),
                    "invalid amount argument \"" + amount + "\" (" + reason
                            + "). Omit the argument or pass a valid integer instead");
        }
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "cannot " + verb + " '" + value + "' migration files");
        }
        return value;
    }

    /**
     * Returns the migration file template {@code --format} gives {@code migrate diff} and {@code migrate
     * checkpoint}, or the default one when it is not given.
     *
     * @throws ParameterException when the template is not one a migration file can be written with
     */
    static MigrationTemplate template(CommandSpec spec, @Nullable String format) {
        if (format == null) {
            return MigrationTemplate.defaults();
        }
        try {
            return MigrationTemplate.parse(format);
        } catch (MigrateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
