package io.plumb.cli;

import picocli.CommandLine.Command;

/** A {@code ScriptGroupCommand} is {@code plumb script}, the group of commands about txtar test scripts. */
@Command(name = "script", header = "Run txtar test scripts.", synopsisSubcommandLabel = "COMMAND")
final class ScriptGroupCommand {}
