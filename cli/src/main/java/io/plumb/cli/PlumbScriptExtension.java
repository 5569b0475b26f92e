package io.plumb.cli;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptExtension;
import java.util.Map;

/**
 * A {@code PlumbScriptExtension} adds the {@code plumb} command, and its alias {@code atlas}, to scripts, so that they can test the command
 * line in process, without starting a JVM per command.
 */
public final class PlumbScriptExtension implements ScriptExtension {

    @Override
    public Map<String, ScriptCommand> commands() {
        return Map.of("plumb", new PlumbScriptCommand(), "atlas", new AtlasScriptCommand());
    }
}
