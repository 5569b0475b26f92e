package io.plumb.runner.internal;

import io.plumb.runner.ScriptCommand;
import io.plumb.runner.ScriptExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code CommandTable} resolves a command name: builtins first, as in go-internal, then the commands of the
 * extensions in class-path order.
 */
final class CommandTable {
    private final Map<String, ScriptCommand> extensionCommands = new LinkedHashMap<>();

    CommandTable(List<ScriptExtension> extensions) {
        for (ScriptExtension extension : extensions) {
            extension.commands().forEach(extensionCommands::putIfAbsent);
        }
    }

    Optional<Builtin> builtin(String name) {
        return Optional.ofNullable(Builtins.all().get(name));
    }

    Optional<ScriptCommand> extension(String name) {
        return Optional.ofNullable(extensionCommands.get(name));
    }

    /** Returns every command name, for spelling suggestions. */
    Set<String> names() {
        Set<String> names = new TreeSet<>(Builtins.all().keySet());
        names.addAll(extensionCommands.keySet());
        return names;
    }
}
