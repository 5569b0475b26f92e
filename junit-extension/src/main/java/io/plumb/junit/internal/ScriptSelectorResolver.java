package io.plumb.junit.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.plumb.junit.TestParameters;
import io.plumb.runner.ScriptFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The {@code ScriptSelectorResolver} turns directory, file, class-path resource and unique-id selectors into script
 * and directory nodes, handing {@code *.test.hcl} files to the {@link TestFileSelectorResolver}; other selectors, such as the class selectors Surefire hands every engine, yield nothing.
 *
 * <p>A directory is walked recursively and becomes a tree of {@link ScriptDirectoryDescriptor}s that mirrors the file
 * system; every {@code *.txtar} file in it becomes a {@link ScriptDescriptor} and every {@code *.test.hcl} file a {@link
 * TestFileDescriptor}; other files are ignored. Ids follow
 * {@link ScriptIdScheme}. A script selected twice, on its own and through its directory, runs once.
 */
public final class ScriptSelectorResolver implements SelectorResolver {
    private final ScriptNames names = new ScriptNames();

    /**
     * Resolves a discovery request into children of the engine's root node; test files are parsed with the
     * request's {@code plumb.test.vars}.
     */
    public static void discover(EngineDiscoveryRequest request, TestDescriptor engineDescriptor) {
        TestParameters parameters = TestParameters.from(request.getConfigurationParameters()::get);
        LintTargets lintTargets = LintTargets.from(
                request.getConfigurationParameters()::get,
                new TestSetupResolver(parameters, Path.of(""), false, System::getenv));
        EngineDiscoveryRequestResolver.<TestDescriptor>builder()
                .addSelectorResolver(new ScriptSelectorResolver())
                .addSelectorResolver(new TestFileSelectorResolver(parameters.variables(), System::getenv, lintTargets))
                .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                .build()
                .resolve(request, engineDescriptor);
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path directory = ScriptIdScheme.absolute(selector.getPath());
        if (!Files.isDirectory(directory)) {
            return Resolution.unresolved();
        }
        return toResolution(context.addToParent(parent -> Optional.of(directoryNode(parent, directory))));
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path script = ScriptIdScheme.absolute(selector.getPath());
        if (!ScriptFiles.isScript(script)) {
            return Resolution.unresolved();
        }
        return toResolution(context.addToParent(parent -> Optional.of(scriptNode(parent, script))));
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Path path : ClasspathDirectories.locate(selector.getClasspathResourceName())) {
            if (Files.isDirectory(path)) {
                selectors.add(selectDirectory(path.toFile()));
            } else if (ScriptFiles.isScript(path) || TestFiles.isTestFile(path)) {
                selectors.add(selectFile(path.toFile()));
            }
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2) {
            return Resolution.unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        if (!last.getType().equals(ScriptIdScheme.DIRECTORY) && !last.getType().equals(ScriptIdScheme.SCRIPT)) {
            return Resolution.unresolved();
        }
        Function<TestDescriptor, Optional<TestDescriptor>> creator = parent -> {
            Path path = ScriptIdScheme.resolve(parent, last.getValue());
            if (!ScriptIdScheme.childId(parent, last.getType(), path).equals(id)) {
                return Optional.empty();
            }
            return switch (last.getType()) {
                case ScriptIdScheme.DIRECTORY -> Files.isDirectory(path)
                        ? Optional.of(directoryNode(parent, path))
                        : Optional.empty();
                case ScriptIdScheme.SCRIPT -> ScriptFiles.isScript(path)
                        ? Optional.of(scriptNode(parent, path))
                        : Optional.empty();
                default -> Optional.empty();
            };
        };
        return toResolution(
                ScriptIdScheme.isTopLevel(id)
                        ? context.addToParent(creator)
                        : context.addToParent(() -> selectUniqueId(id.removeLastSegment()), creator));
    }

    private ScriptDirectoryDescriptor directoryNode(TestDescriptor parent, Path directory) {
        return new ScriptDirectoryDescriptor(parent, directory);
    }

    private ScriptDescriptor scriptNode(TestDescriptor parent, Path script) {
        UniqueId id = ScriptIdScheme.childId(parent, ScriptIdScheme.SCRIPT, script);
        return new ScriptDescriptor(parent, script, names.nameOf(id, script));
    }

    private static Resolution toResolution(Optional<? extends TestDescriptor> node) {
        return node.map(found -> found instanceof ScriptDirectoryDescriptor directory
                        ? Resolution.match(Match.exact(directory, () -> children(directory.directory())))
                        : Resolution.match(Match.exact(found)))
                .orElse(Resolution.unresolved());
    }

    /** Returns selectors for the scripts, test files and subdirectories of a directory, in file-name order. */
    private static Set<DiscoverySelector> children(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted()
                    .filter(path -> Files.isDirectory(path) || ScriptFiles.isScript(path) || TestFiles.isTestFile(path))
                    .map(path -> Files.isDirectory(path) ? selectDirectory(path.toFile()) : selectFile(path.toFile()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list directory " + ScriptIdScheme.stablePath(directory), e);
        }
    }
}
