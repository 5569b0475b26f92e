package io.plumb.cli;

import picocli.CommandLine.Command;

/** A {@code SchemaGroupCommand} is {@code plumb schema}, the declarative workflow: inspect, diff, apply, clean. */
@Command(name = "schema", header = "Inspect, diff and apply schemas as code.", synopsisSubcommandLabel = "COMMAND")
final class SchemaGroupCommand {}
