package io.plumb.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * The {@code SurefireTestFilter} makes the {@code plumb} engine honour Surefire's {@code -Dtest=Class#pattern} when it
 * runs under a suite.
 *
 * <p>Surefire selects the suite class and hands the method part of {@code -Dtest} to the launcher as a post-discovery
 * filter that only looks at tests with a {@code MethodSource}; the engine's tests have a {@code FileSource} (so that
 * an IDE opens the file at the line), so that filter lets them all through. Surefire also passes the user properties
 * of the Maven command line to the test JVM as system properties, which JUnit configuration parameters fall back to,
 * so the engine reads the {@code test} parameter itself: a comma-separated list of {@code [!]CLASS[#NAME[+NAME...]]}
 * patterns with {@code *} and {@code ?} wildcards. A pattern applies when its {@code CLASS} matches the suite class
 * (by simple or fully qualified name, {@code **}{@code /} and a {@code .java} or {@code .class} suffix allowed); a
 * test is kept when a {@code NAME} matches its report name ({@code schema.test.hcl > users}), its own name ({@code
 * users}, {@code letters/1}, {@code pass.txtar}) or the name of a node above it (its block, file or directory). A
 * pattern that applies without a {@code NAME} keeps every test; {@code !} patterns remove what they match. {@code
 * %regex[...]} patterns are not understood and leave the tree as it is.
 */
public final class SurefireTestFilter {

    /** The configuration parameter, and Surefire's property, that holds the patterns. */
    public static final String PARAMETER = "test";

    private static final String SUITE_SEGMENT = "suite";

    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final boolean includesAll;

    private SurefireTestFilter(List<Pattern> includes, List<Pattern> excludes, boolean includesAll) {
        this.includes = includes;
        this.excludes = excludes;
        this.includesAll = includesAll;
    }

    /**
     * Returns the filter the {@code test} patterns ask of the engine whose root has this id, or empty when the engine
     * does not run under a suite, no pattern names one of its tests, or a pattern is not understood.
     */
    public static Optional<SurefireTestFilter> of(Optional<String> patterns, UniqueId engineId) {
        Optional<String> suite = engineId.getSegments().stream()
                .filter(segment -> segment.getType().equals(SUITE_SEGMENT))
                .map(UniqueId.Segment::getValue)
                .reduce((first, second) -> second);
        if (suite.isEmpty()
                || patterns.isEmpty()
                || patterns.get().isBlank()
                || patterns.get().contains("%regex[")) {
            return Optional.empty();
        }
        List<Pattern> includes = new ArrayList<>();
        List<Pattern> excludes = new ArrayList<>();
        boolean includesAll = false;
        boolean applies = false;
        for (String raw : patterns.get().split(",")) {
            String pattern = raw.trim();
            boolean exclude = pattern.startsWith("!");
            if (exclude) {
                pattern = pattern.substring(1).trim();
            }
            int hash = pattern.indexOf('#');
            String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
            if (!classMatches(classPart, suite.get())) {
                continue;
            }
            applies = true;
            if (hash < 0 || hash == pattern.length() - 1) {
                if (exclude) {
                    excludes.add(Pattern.compile(".*"));
                } else {
                    includesAll = true;
                }
                continue;
            }
            for (String name : pattern.substring(hash + 1).split("\\+")) {
                (exclude ? excludes : includes).add(glob(name.trim(), false));
            }
        }
        if (includes.isEmpty()) {
            includesAll = true; // only exclusions: everything else runs
        }
        if (!applies || (includesAll && excludes.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new SurefireTestFilter(List.copyOf(includes), List.copyOf(excludes), includesAll));
    }

    /** Removes the tests the patterns do not keep from the tree below the root, and the containers left empty. */
    public void apply(TestDescriptor root) {
        for (TestDescriptor child : List.copyOf(root.getChildren())) {
            filter(child);
        }
    }

    private void filter(TestDescriptor node) {
        for (TestDescriptor child : List.copyOf(node.getChildren())) {
            filter(child);
        }
        if (node.isTest() ? !keeps(node) : node.getChildren().isEmpty()) {
            node.removeFromHierarchy();
        }
    }

    private boolean keeps(TestDescriptor test) {
        List<String> names = names(test);
        boolean included = includesAll || names.stream().anyMatch(name -> matchesAny(includes, name));
        return included && names.stream().noneMatch(name -> matchesAny(excludes, name));
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    /** Returns the names a pattern may match: of the test and every node above it up to the engine's root. */
    private static List<String> names(TestDescriptor test) {
        List<String> names = new ArrayList<>();
        for (Optional<TestDescriptor> node = Optional.of(test);
                node.isPresent() && node.get().getParent().isPresent();
                node = node.get().getParent()) {
            TestDescriptor current = node.get();
            names.add(current.getDisplayName());
            names.add(current.getUniqueId().getLastSegment().getValue());
            if (current instanceof ScriptDescriptor script) {
                names.add(script.name());
            }
        }
        return names;
    }

    private static boolean classMatches(String pattern, String suiteClass) {
        String normalised = pattern.trim().replace('/', '.').replace('\\', '.');
        for (String suffix : List.of(".java", ".class")) {
            if (normalised.endsWith(suffix)) {
                normalised = normalised.substring(0, normalised.length() - suffix.length());
            }
        }
        while (normalised.startsWith("**.")) {
            normalised = normalised.substring(3);
        }
        if (normalised.isEmpty()) {
            return false;
        }
        if (normalised.contains(".")) {
            return glob(normalised, true).matcher(suiteClass).matches()
                    || glob("*." + normalised, true).matcher(suiteClass).matches();
        }
        String simpleName = suiteClass.substring(suiteClass.lastIndexOf('.') + 1);
        return glob(normalised, true).matcher(simpleName).matches();
    }

    /** Returns a glob as a regular expression: {@code *} any run of characters (but dots in class names), {@code ?} one. */
    private static Pattern glob(String glob, boolean className) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append(className ? "[^.]*" : ".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
