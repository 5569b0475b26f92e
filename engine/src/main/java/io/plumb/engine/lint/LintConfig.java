package io.plumb.engine.lint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code LintConfig} is the {@code lint {}} block of {@code atlas.hcl}, the global one merged with the selected
 * env's ({@link #extend}).
 *
 * @param review the review policy, when set
 * @param latest {@code latest = N}, when set
 * @param gitBase the base branch of {@code git { base = ... }}, when set
 * @param gitDir the repository directory of {@code git { dir = ... }}, when set
 * @param format the report format ({@code format} or its old name {@code log}), when set
 * @param analyzers the analyzer blocks by name, in the order written
 */
public record LintConfig(
        Optional<ReviewPolicy> review,
        OptionalInt latest,
        Optional<String> gitBase,
        Optional<String> gitDir,
        Optional<String> format,
        Map<String, AnalyzerConfig> analyzers) {

    /** No {@code lint {}} block. */
    public static final LintConfig NONE = new LintConfig(
            Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    public LintConfig {
        analyzers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(analyzers));
    }

    /** Returns an analyzer's block, or an empty one when it is not configured. */
    public AnalyzerConfig analyzer(String name) {
        return analyzers.getOrDefault(name, AnalyzerConfig.empty(name));
    }

    /** Returns whether a change detector ({@code latest} or {@code git}) is configured. */
    public boolean hasDetector() {
        return latest.isPresent() || gitBase.isPresent() || gitDir.isPresent();
    }

    /**
     * Returns this (an env's) block extended by the global one, as the reference merges them: {@code review} and
     * {@code format} come from the global block when this one leaves them unset; the analyzer blocks come from
     * it only when this one has none (otherwise this one's replace them all); the change detector comes from it
     * only when this one configures neither {@code latest} nor {@code git}.
     */
    public LintConfig extend(LintConfig global) {
        boolean detector = hasDetector();
        return new LintConfig(
                review.or(global::review),
                detector ? latest : global.latest,
                detector ? gitBase : global.gitBase,
                detector ? gitDir : global.gitDir,
                format.or(global::format),
                analyzers.isEmpty() ? global.analyzers : analyzers);
    }
}
