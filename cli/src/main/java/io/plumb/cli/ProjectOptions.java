package io.plumb.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code ProjectOptions} are the flags that select a project file, an environment and input variables. */
final class ProjectOptions {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "URL",
            description = "The project file, as a file:// URL (default: file://atlas.hcl, or file://plumb.hcl).")
    @Nullable
    String config;

    @Option(names = "--env", paramLabel = "NAME", description = "The environment of the project file to use.")
    @Nullable
    String env;

    @Option(
            names = "--var",
            paramLabel = "KEY=VALUE",
            description =
                    "An input variable; repeat it, or give several as CSV (a=1,b=2). A repeated key makes a list.")
    List<String> vars = new ArrayList<>();
}
