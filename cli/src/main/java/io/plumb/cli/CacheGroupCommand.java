package io.plumb.cli;

import picocli.CommandLine.Command;

/**
 * A {@code CacheGroupCommand} is {@code plumb cache}: the cache of migration test snapshots that later runs start
 * from.
 */
@Command(
        name = "cache",
        header = "Show or clear the cache of migration test snapshots.",
        synopsisSubcommandLabel = "COMMAND")
final class CacheGroupCommand {}
