package io.plumb.junit.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.plumb.engine.hcl.Value;
import io.plumb.engine.testing.TestBlock;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * The {@code TestFileSelectorResolver} turns file and unique-id selectors into the nodes of {@code *.test.hcl}
 * files: a {@link TestFileDescriptor} per file, a {@link TestCaseDescriptor} per block without {@code for_each}, and
 * a {@link TestBlockDescriptor} with a {@link TestCaseDescriptor} per case for a block with one. Directories are
 * walked by {@link ScriptSelectorResolver}, which hands test files to this resolver as file selectors.
 */
public final class TestFileSelectorResolver implements SelectorResolver {
    private final Map<String, Value> variables;
    private final Function<String, @Nullable String> getenv;
    private final LintTargets lintTargets;

    /**
     * Creates a resolver that parses test files with these inputs and gives files with migration tests the {@code
     * lint} container the targets decide.
     */
    public TestFileSelectorResolver(
            Map<String, Value> variables, Function<String, @Nullable String> getenv, LintTargets lintTargets) {
        this.variables = Map.copyOf(variables);
        this.getenv = getenv;
        this.lintTargets = lintTargets;
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path path = ScriptIdScheme.absolute(selector.getPath());
        if (!TestFiles.isTestFile(path)) {
            return Resolution.unresolved();
        }
        return toResolution(context.addToParent(parent -> Optional.of(fileNode(parent, path))));
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2) {
            return Resolution.unresolved();
        }
        UniqueId.Segment last = id.getLastSegment();
        Function<TestDescriptor, Optional<TestDescriptor>> creator =
                parent -> child(parent, last).filter(node -> node.getUniqueId().equals(id));
        return switch (last.getType()) {
            case ScriptIdScheme.TEST_FILE,
                    ScriptIdScheme.TEST,
                    ScriptIdScheme.CASE,
                    ScriptIdScheme.CHECKS,
                    ScriptIdScheme.LINT,
                    ScriptIdScheme.LINT_FILE -> toResolution(
                    ScriptIdScheme.isTopLevel(id)
                            ? context.addToParent(creator)
                            : context.addToParent(() -> selectUniqueId(id.removeLastSegment()), creator));
            default -> Resolution.unresolved();
        };
    }

    private Optional<TestDescriptor> child(TestDescriptor parent, UniqueId.Segment segment) {
        String value = segment.getValue();
        return switch (segment.getType()) {
            case ScriptIdScheme.TEST_FILE -> {
                Path path = ScriptIdScheme.resolve(parent, value);
                yield TestFiles.isTestFile(path) ? Optional.of(fileNode(parent, path)) : Optional.empty();
            }
            case ScriptIdScheme.TEST -> parent instanceof TestFileDescriptor file
                    ? Optional.ofNullable(file.blocks().get(value)).map(block -> blockNode(file, value, block))
                    : Optional.empty();
            case ScriptIdScheme.CHECKS -> parent instanceof TestFileDescriptor file && ChecksDescriptor.applies(file)
                    ? Optional.of(new ChecksDescriptor(file))
                    : Optional.empty();
            case ScriptIdScheme.LINT -> parent instanceof TestFileDescriptor file && value.equals(LintDescriptor.NAME)
                    ? lintTargets.of(file).map(target -> new LintDescriptor(file, target))
                    : Optional.empty();
            case ScriptIdScheme.LINT_FILE -> parent instanceof LintDescriptor lint
                            && lint.target().files().contains(value)
                    ? Optional.of(new LintFileDescriptor(lint, value))
                    : Optional.empty();
            case ScriptIdScheme.CASE -> parent instanceof TestBlockDescriptor block
                    ? block.caseNamed(value).map(ref -> TestCaseDescriptor.ofCase(block, ref))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private TestFileDescriptor fileNode(TestDescriptor parent, Path path) {
        return new TestFileDescriptor(parent, path, variables, getenv);
    }

    private static TestDescriptor blockNode(TestFileDescriptor file, String value, TestBlock block) {
        return block.hasForEach()
                ? new TestBlockDescriptor(file, file.path(), value, block)
                : TestCaseDescriptor.ofBlock(file, file.path(), value, block);
    }

    private Resolution toResolution(Optional<? extends TestDescriptor> node) {
        return node.map(found -> Resolution.match(Match.exact(found, () -> children(found))))
                .orElse(Resolution.unresolved());
    }

    /** Returns selectors for a file's blocks, a block's cases or the lint container's files, in order. */
    private Set<DiscoverySelector> children(TestDescriptor node) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        if (node instanceof TestFileDescriptor file) {
            if (ChecksDescriptor.applies(file)) {
                selectors.add(selectUniqueId(file.getUniqueId().append(ScriptIdScheme.CHECKS, ChecksDescriptor.NAME)));
            }
            if (lintTargets.of(file).isPresent()) {
                selectors.add(selectUniqueId(file.getUniqueId().append(ScriptIdScheme.LINT, LintDescriptor.NAME)));
            }
            file.blocks()
                    .keySet()
                    .forEach(value ->
                            selectors.add(selectUniqueId(file.getUniqueId().append(ScriptIdScheme.TEST, value))));
        } else if (node instanceof LintDescriptor lint) {
            lint.target()
                    .files()
                    .forEach(name ->
                            selectors.add(selectUniqueId(lint.getUniqueId().append(ScriptIdScheme.LINT_FILE, name))));
        } else if (node instanceof TestBlockDescriptor block) {
            block.block()
                    .cases()
                    .forEach(ref ->
                            selectors.add(selectUniqueId(block.getUniqueId().append(ScriptIdScheme.CASE, ref.name()))));
        }
        return selectors;
    }
}
