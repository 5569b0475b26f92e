package io.plumb.cli;

import picocli.CommandLine.Command;

/**
 * A {@code MigrateGroupCommand} is {@code plumb migrate}, the versioned workflow: a directory of migration files,
 * its {@code atlas.sum}, and the revisions table that records what a database has applied.
 */
@Command(
        name = "migrate",
        header = "Write, check, apply and revert versioned migrations.",
        synopsisSubcommandLabel = "COMMAND")
final class MigrateGroupCommand {}
