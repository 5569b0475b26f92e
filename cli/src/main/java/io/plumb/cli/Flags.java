package io.plumb.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code Flags} builds the usage errors of flags that neither the command line nor the environment set. */
final class Flags {

    private Flags() {}

    /** Returns the reference tool's error for a required flag that is missing. */
    static ParameterException missing(CommandSpec spec, String flag) {
        return new ParameterException(spec.commandLine(), "required flag(s) \"" + flag + "\" not set");
    }
}
