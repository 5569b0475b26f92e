package io.plumb.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** {@code ScriptExtensions} finds the {@link ScriptExtension}s on the class path. */
public final class ScriptExtensions {
    private ScriptExtensions() {}

    /** Returns every extension listed through {@link ServiceLoader}, in class-path order. */
    public static List<ScriptExtension> loadAll() {
        List<ScriptExtension> found = new ArrayList<>();
        ServiceLoader.load(ScriptExtension.class, ScriptExtensions.class.getClassLoader())
                .forEach(found::add);
        return List.copyOf(found);
    }
}
