package io.plumb.engine.lint;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.project.Env;
import io.plumb.engine.source.HclSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code LintConfigs} reads {@code lint {}} blocks of {@code atlas.hcl} into {@link LintConfig}s: {@code review},
 * {@code latest}, {@code git { base dir }}, {@code format} (or its old name {@code log}), and one block per
 * analyzer with its {@code error} attribute and its own settings.
 */
public final class LintConfigs {

    private LintConfigs() {}

    /**
     * Returns the lint configuration of a project: the selected env's {@code lint} block extended by the global
     * one ({@link LintConfig#extend}), or the global one when no env is selected.
     *
     * @throws HclException {@code file:line:col: ...} for a malformed block
     */
    public static LintConfig of(Document project, Optional<Env> env) {
        LintConfig global = project.resources("lint").stream()
                .findFirst()
                .map(LintConfigs::fromBlock)
                .orElse(LintConfig.NONE);
        return env.flatMap(e -> e.block().children("lint").stream().findFirst())
                .map(LintConfigs::fromBlock)
                .map(c -> c.extend(global))
                .orElse(global);
    }

    /**
     * Parses an HCL text holding a top-level {@code lint} block (tests and examples).
     *
     * @throws HclException for a malformed text or block
     */
    public static LintConfig parse(String text, String display) {
        Document document = HclSources.evaluateText(display, text, Path.of("."), Map.of(), name -> null);
        return of(document, Optional.empty());
    }

    /**
     * Reads one {@code lint} block.
     *
     * @throws HclException for an attribute of the wrong type or an unknown review policy
     */
    public static LintConfig fromBlock(Resource block) {
        Optional<ReviewPolicy> review = Optional.empty();
        OptionalInt latest = OptionalInt.empty();
        Optional<String> format = Optional.empty();
        for (Attribute attribute : block.attributes()) {
            switch (attribute.name()) {
                case "review" -> review = Optional.of(review(attribute));
                case "latest" -> latest = OptionalInt.of(number(attribute));
                case "format", "log" -> format = Optional.of(string(attribute));
                default -> throw new HclException(
                        attribute.pos(), "unknown attribute \"" + attribute.name() + "\" in the lint block");
            }
        }
        Optional<String> gitBase = Optional.empty();
        Optional<String> gitDir = Optional.empty();
        Map<String, AnalyzerConfig> analyzers = new LinkedHashMap<>();
        for (Resource child : block.children()) {
            if (child.type().equals("git")) {
                for (Attribute attribute : child.attributes()) {
                    switch (attribute.name()) {
                        case "base" -> gitBase = Optional.of(string(attribute));
                        case "dir" -> gitDir = Optional.of(string(attribute));
                        default -> throw new HclException(
                                attribute.pos(), "unknown attribute \"" + attribute.name() + "\" in the git block");
                    }
                }
            } else {
                analyzers.put(child.type(), analyzer(child));
            }
        }
        return new LintConfig(review, latest, gitBase, gitDir, format, analyzers);
    }

    private static AnalyzerConfig analyzer(Resource block) {
        Optional<Boolean> error = Optional.empty();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Attribute attribute : block.attributes()) {
            if (attribute.name().equals("error")) {
                if (!(attribute.value() instanceof Value.Bool bool)) {
                    throw new HclException(
                            attribute.pos(),
                            "attribute \"error\" of " + block.type() + " must be a bool, found "
                                    + attribute.value().kind());
                }
                error = Optional.of(bool.value());
            } else {
                attributes.put(attribute.name(), string(attribute));
            }
        }
        Map<String, AnalyzerConfig> blocks = new LinkedHashMap<>();
        for (Resource child : block.children()) {
            blocks.put(child.type(), analyzer(child));
        }
        return new AnalyzerConfig(block.type(), error, attributes, blocks);
    }

    private static ReviewPolicy review(Attribute attribute) {
        String value = string(attribute);
        try {
            return ReviewPolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HclException(
                    attribute.pos(),
                    "unknown review policy \"" + value + "\": expected one of " + List.of(ReviewPolicy.values()));
        }
    }

    private static int number(Attribute attribute) {
        if (attribute.value() instanceof Value.Num num) {
            try {
                return num.value().intValueExact();
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        throw new HclException(
                attribute.pos(),
                "attribute \"" + attribute.name() + "\" must be a whole number, found "
                        + attribute.value().kind());
    }

    private static String string(Attribute attribute) {
        Value value = attribute.value();
        if (value instanceof Value.Str str) {
            return str.value();
        } else if (value instanceof Value.Bool bool) {
            return Boolean.toString(bool.value());
        } else if (value instanceof Value.Num num) {
            return num.value().toPlainString();
        } else if (value instanceof Value.Ident ident) {
            return ident.name();
        }
        throw new HclException(
                attribute.pos(), "attribute \"" + attribute.name() + "\" must be a string, found " + value.kind());
    }
}
