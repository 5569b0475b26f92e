package io.plumb.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code ClasspathDirectories} finds the files and directories on the file system that a class-path resource name
 * stands for, so that scripts on the class path can be walked like any directory.
 */
public final class ClasspathDirectories {
    private ClasspathDirectories() {}

    /**
     * Returns every {@code file:} location of a resource, in class-path order; resources in jars are left out, since
     * a script must be a file to run and to be rewritten in update mode.
     */
    public static List<Path> locate(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        List<Path> paths = new ArrayList<>();
        try {
            for (URL url : Collections.list(classLoader().getResources(name))) {
                if ("file".equals(url.getProtocol())) {
                    paths.add(ScriptIdScheme.absolute(Path.of(url.toURI())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource \"" + name + "\"", e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("class-path resource \"" + name + "\": bad location", e);
        }
        return paths;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClasspathDirectories.class.getClassLoader();
    }
}
