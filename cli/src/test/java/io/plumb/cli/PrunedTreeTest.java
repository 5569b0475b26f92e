package io.plumb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The root a run builds for just the command it names must be the whole tree's path to that command: same names,
 * same usage, same errors; and every command of the whole tree must be reachable that way.
 */
class PrunedTreeTest {

    @TempDir
    Path dir;

    private CliEnvironment env() {
        return CliEnvironment.of(
                dir, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static String usage(CommandLine line) {
        StringWriter text = new StringWriter();
        line.usage(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void everyGroupCommandHasTheWholeTreesUsage() {
        CommandLine whole = Plumb.commandLine(env());
        List<String> reached = new ArrayList<>();
        for (var group : whole.getSubcommands().entrySet()) {
            if (group.getKey().equals("agent")) {
                continue; // the agent is a command with options of its own: it always gets the whole tree
            }
            for (var command : group.getValue().getSubcommands().entrySet()) {
                CommandLine root = Plumb.pruned(env(), group.getKey(), command.getKey(), "--help");
                assertNotNull(root, group.getKey() + " " + command.getKey());
                CommandLine groupLine = root.getSubcommands().get(group.getKey());
                assertNotNull(groupLine, group.getKey());
                CommandLine line = groupLine.getSubcommands().get(command.getKey());
                assertNotNull(line, group.getKey() + " " + command.getKey());
                line.setCommandName(command.getKey());
                assertEquals(usage(command.getValue()), usage(line), group.getKey() + " " + command.getKey());
                assertEquals(
                        command.getValue().getCommandSpec().qualifiedName(),
                        line.getCommandSpec().qualifiedName());
                reached.add(group.getKey() + " " + command.getKey());
            }
        }
        assertEquals(23, reached.size(), reached.toString());
    }

    @Test
    void runsThatNeedTheWholeTreeGetIt() {
        assertNull(Plumb.pruned(env()));
        assertNull(Plumb.pruned(env(), "--help"));
        assertNull(Plumb.pruned(env(), "migrate"));
        assertNull(Plumb.pruned(env(), "migrate", "--help"));
        assertNull(Plumb.pruned(env(), "migrate", "stat"));
        assertNull(Plumb.pruned(env(), "migrat", "status"));
        assertNull(Plumb.pruned(env(), "agent", "--config", "x.hcl"));
        assertNull(Plumb.pruned(env(), "--version", "migrate"));
    }

    @Test
    void prunedAndWholeTreeRunsPrintTheSame() {
        String[][] runs = {
            {"migrate", "status", "--bogus"},
            {"migrate", "status", "--dir", "file://" + dir.resolve("none"), "--url", "sqlite://x.db"},
            {"migrate", "hash", "extra"},
            {"schema", "inspect", "--help"},
            {"script", "run"},
            {"--version"},
        };
        for (String[] args : runs) {
            CliRun pruned = CliRun.of(dir, dir, args);
            CliRun whole;
            System.setProperty(Plumb.FULL_TREE_PROPERTY, "true");
            try {
                whole = CliRun.of(dir, dir, args);
            } finally {
                System.clearProperty(Plumb.FULL_TREE_PROPERTY);
            }
            String what = String.join(" ", args);
            assertEquals(whole.exitCode(), pruned.exitCode(), what);
            assertEquals(whole.out(), pruned.out(), what);
            assertEquals(whole.err(), pruned.err(), what);
        }
    }
}
