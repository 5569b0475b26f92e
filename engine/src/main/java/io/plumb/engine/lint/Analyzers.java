package io.plumb.engine.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code Analyzers} builds each dialect's analyzers, configured by {@code lint {}}, in the reference's order, which
 * is also the order their reports are printed in: {@code destructive}, {@code data_depend}, {@code condrop}, {@code
 * incompatible}, {@code naming}, then the dialect's own ({@code concurrent_index} on PostgreSQL, inline {@code
 * REFERENCES} on MySQL). A code is reported by one analyzer only: building a list with a code twice fails.
 */
public final class Analyzers {

    private Analyzers() {}

    /** Returns the analyzers of a dialect ({@code sqlite}, {@code postgres}, {@code mysql}). */
    public static List<Analyzer> forDialect(String dialect, LintConfig config) {
        List<Analyzer> analyzers = new ArrayList<>();
        analyzers.add(new DestructiveAnalyzer());
        analyzers.add(new DataDependAnalyzer(DataDependHandler.forDialect(dialect)));
        analyzers.add(new ConstraintDropAnalyzer());
        analyzers.add(new IncompatibleAnalyzer());
        analyzers.add(new NamingAnalyzer(config.analyzer(NamingAnalyzer.NAME)));
        analyzers.addAll(dialectAnalyzers(dialect, config));
        requireUniqueCodes(analyzers);
        return List.copyOf(analyzers);
    }

    /**
     * Returns the analyzers only a dialect has, run after the shared ones: PostgreSQL's {@code concurrent_index}
     * (PG101-PG105) and table rewrites (PG301-PG306), MySQL's inline {@code REFERENCES} (MY102) and enum and set
     * changes (MY110-MY123).
     */
    static List<Analyzer> dialectAnalyzers(String dialect, LintConfig config) {
        return switch (dialect) {
            case "postgres" -> List.of(
                    new ConcurrentIndexAnalyzer(config.analyzer(ConcurrentIndexAnalyzer.NAME)),
                    new PostgresBlockingChangesAnalyzer());
            case "mysql" -> List.of(new InlineReferencesAnalyzer(), new MysqlBlockingChangesAnalyzer());
            default -> List.of();
        };
    }

    /** Returns every code of every dialect's analyzers, for documentation and checks. */
    public static List<Code> allCodes() {
        List<Code> codes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String dialect : List.of("sqlite", "postgres", "mysql")) {
            for (Analyzer analyzer : forDialect(dialect, LintConfig.NONE)) {
                for (Code code : analyzer.codes()) {
                    if (seen.add(code.code())) {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    private static void requireUniqueCodes(List<Analyzer> analyzers) {
        Set<String> seen = new HashSet<>();
        for (Analyzer analyzer : analyzers) {
            for (Code code : analyzer.codes()) {
                if (!seen.add(code.code())) {
                    throw new IllegalStateException("lint code " + code.code() + " is reported by two analyzers");
                }
            }
        }
    }
}
