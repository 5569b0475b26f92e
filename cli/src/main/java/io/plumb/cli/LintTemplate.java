package io.plumb.cli;

import io.plumb.engine.gotemplate.TemplateException;
import io.plumb.engine.gotemplate.TemplateFunction;
import io.plumb.engine.gotemplate.TemplateSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code LintTemplate} is a {@code migrate lint --format} template: Go's {@code text/template} (the engine's
 * {@link TemplateSet}) over a {@link LintTree}, with the functions the reference's lint templates add to Go's
 * built-ins: {@code json} (with indent arguments, as {@code json.MarshalIndent}), {@code lower}, {@code upper},
 * {@code join}, {@code add}, {@code sub} and {@code repeat}. Its errors read {@code template: DETAIL}.
 */
final class LintTemplate {

    private static final String NAME = "format";

    private static final Map<String, TemplateFunction> FUNCTIONS = Map.of(
            "json",
            TemplateArgs.JSON,
            "lower",
            args -> TemplateArgs.string(args, 0).toLowerCase(Locale.ROOT),
            "upper",
            TemplateArgs.UPPER,
            "join",
            LintTemplate::join,
            "add",
            TemplateArgs.ADD,
            "sub",
            args -> TemplateArgs.number(args, 0) - TemplateArgs.number(args, 1),
            "repeat",
            LintTemplate::repeat);

    private final TemplateSet set;

    private LintTemplate(TemplateSet set) {
        this.set = set;
    }

    /**
     * Parses a template.
     *
     * @throws TemplateException for a malformed template
     */
    static LintTemplate parse(String text) {
        return new LintTemplate(new TemplateSet(FUNCTIONS).parse(NAME, NAME, text));
    }

    /**
     * Runs the template on a lint report's tree.
     *
     * @throws TemplateException for an error while executing, such as a field the report does not have
     */
    String execute(LintTree.Struct report) {
        return set.execute(NAME, report);
    }

    /** Returns the message of a template error, as {@code --format} reports it. */
    static String message(TemplateException e) {
        return e.goMessage(NAME);
    }

    /** The longest text {@code repeat} makes: a report line, not the memory of the JVM. */
    static final long LONGEST_REPEAT = 1 << 20;

    private static Object repeat(List<@Nullable Object> args) {
        String text = TemplateArgs.string(args, 0);
        long count = TemplateArgs.number(args, 1);
        if (count < 0) {
            throw new IllegalArgumentException("negative repeat count " + count);
        }
        if (count > LONGEST_REPEAT || count * Math.max(1, text.length()) > LONGEST_REPEAT) {
            throw new IllegalArgumentException(
                    "repeat count " + count + " makes more than " + LONGEST_REPEAT + " characters");
        }
        return text.repeat((int) count);
    }

    private static Object join(List<@Nullable Object> args) {
        TemplateArgs.arg(args, 1);
        if (!(args.get(0) instanceof List<?> items)) {
            throw new IllegalArgumentException("expected a list, found " + TemplateSet.print(args.get(0)));
        }
        List<String> parts = new ArrayList<>();
        items.forEach(item -> parts.add(TemplateSet.print(item)));
        return String.join(TemplateSet.print(args.get(1)), parts);
    }
}
