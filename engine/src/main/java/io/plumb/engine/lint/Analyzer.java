package io.plumb.engine.lint;

import java.util.List;

/**
 * An {@code Analyzer} looks at the changes of one migration file and reports what may go wrong when the file runs
 * on a database with data: destructive changes, changes that depend on the data, changes that break clients.
 *
 * <p>One analyzer per class; its {@link #name()} is the name of its block in {@code lint {}} and of {@code --
 * atlas:nolint NAME}, its {@link #codes()} are the codes of its diagnostics. An analyzer is built from its
 * configuration ({@link AnalyzerConfig}) by its dialect's list in {@link Analyzers}. Whether its findings make
 * the file fail is the engine's to decide, from the {@code error} option and {@link #errorByDefault()}, after
 * {@code atlas:nolint} directives have filtered them.
 */
public interface Analyzer {

    /** Returns the analyzer's name, such as {@code destructive}. */
    String name();

    /** Returns the codes the analyzer reports. */
    List<Code> codes();

    /** Returns whether the analyzer's findings are errors when its {@code error} option is not set. */
    default boolean errorByDefault() {
        return false;
    }

    /** Returns whether the analyzer's findings can be errors at all (MY102's never are). */
    default boolean canError() {
        return true;
    }

    /**
     * Returns whether the reports left after {@code atlas:nolint} filtering make the file fail, given the {@code
     * error} option (or {@link #errorByDefault()}): by default, when the option is on and a diagnostic is left.
     * An analyzer overrides it where some of its diagnostics never fail a file on their own (PG103).
     */
    default boolean fails(List<Report> kept, boolean error) {
        return error
                && canError()
                && kept.stream().anyMatch(r -> !r.diagnostics().isEmpty());
    }

    /**
     * Analyzes one file and returns its reports, usually one with the analyzer's heading, or none when there is
     * nothing to report.
     */
    List<Report> analyze(Pass pass);
}
