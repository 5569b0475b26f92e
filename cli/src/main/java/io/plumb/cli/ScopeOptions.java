package io.plumb.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code ScopeOptions} are the flags that narrow what a schema command sees: schemas and exclusion globs. */
final class ScopeOptions {

    @Option(
            names = {"-s", "--schema"},
            paramLabel = "NAME",
            description = "Only these schemas (comma-separated).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out the matching objects (comma-separated).")
    List<String> exclude = new ArrayList<>();

    /** Returns the schemas: the flag's, else the environment's. */
    List<String> schemas(ProjectSelection selection) {
        return selection.pickList(schemas, e -> e.schemas());
    }

    /** Returns the exclusion globs: the flag's, else the environment's. */
    List<String> exclude(ProjectSelection selection) {
        return selection.pickList(exclude, e -> e.exclude());
    }
}
