package io.plumb.junit.internal;

import io.plumb.runner.ScriptFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.platform.engine.UniqueId;

/**
 * {@code ScriptNames} gives the scripts of one discovery unique names in discovery order, the way {@link
 * ScriptFiles#uniqueNames} does: a second {@code a/foo.txtar} beside {@code b/foo.txtar} is named {@code foo#1}.
 */
public final class ScriptNames {
    private final List<Path> scripts = new ArrayList<>();
    private final Map<UniqueId, String> names = new HashMap<>();

    /** Returns the name of the script with the given id, naming it on first sight. */
    public synchronized String nameOf(UniqueId id, Path script) {
        return names.computeIfAbsent(id, unused -> {
            scripts.add(script);
            // uniqueNames keys by path, so the same file seen under two ids keeps the name given last.
            return Objects.requireNonNull(ScriptFiles.uniqueNames(scripts).get(script));
        });
    }
}
