package io.plumb.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
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
                    paths.add(sourceOf(ScriptIdScheme.absolute(Path.of(url.toURI())), name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource \"" + name + "\"", e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("class-path resource \"" + name + "\": bad location", e);
        }
        return paths;
    }

    /**
     * Maps a resource that Maven copied to {@code target/test-classes} (or {@code target/classes}) back to its
     * source under {@code src/test/resources} (or {@code src/main/resources}) when that exists, so that a failure
     * points at the file the user edits and update mode rewrites it rather than the build's copy.
     */
    static Path sourceOf(Path location, String resourceName) {
        Path root = location;
        for (int i = 0; i < Path.of(resourceName).getNameCount() && root != null; i++) {
            root = root.getParent();
        }
        if (root == null
                || root.getParent() == null
                || !"target".equals(String.valueOf(root.getParent().getFileName()))) {
            return location;
        }
        String kind = String.valueOf(root.getFileName());
        Path module = root.getParent().getParent();
        if (!(kind.equals("test-classes") || kind.equals("classes")) || module == null) {
            return location;
        }
        String sourceSet = kind.equals("test-classes") ? "test" : "main";
        Path source =
                module.resolve("src").resolve(sourceSet).resolve("resources").resolve(resourceName);
        return Files.exists(source) ? source : location;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClasspathDirectories.class.getClassLoader();
    }
}
