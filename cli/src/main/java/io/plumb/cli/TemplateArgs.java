package io.plumb.cli;

import io.plumb.engine.gotemplate.TemplateFunction;
import io.plumb.engine.gotemplate.TemplateSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code TemplateArgs} reads the arguments of the functions the commands' {@code --format} templates call, and holds
 * the functions the reference gives several of them: {@code json}, {@code upper}, {@code add} and {@code indent_ln}.
 * A wrong call fails with Go's words ({@code want at least 2 arguments, got 1}).
 */
final class TemplateArgs {

    /** {@code json VALUE [PREFIX INDENT]}: the value as Go's {@code json.Marshal} (or {@code MarshalIndent}). */
    static final TemplateFunction JSON = args -> GoJson.json(arg(args, 0), args.subList(1, args.size()));

    /** {@code upper TEXT}. */
    static final TemplateFunction UPPER = args -> string(args, 0).toUpperCase(Locale.ROOT);

    /** {@code add A B}: the sum of two integers. */
    static final TemplateFunction ADD = args -> number(args, 0) + number(args, 1);

    /** {@code indent_ln TEXT N}: every line but the first indented by N spaces. */
    static final TemplateFunction INDENT_LN =
            args -> string(args, 0).replace("\n", "\n" + " ".repeat((int) number(args, 1)));

    private TemplateArgs() {}

    /** Returns argument {@code index}, failing when the call has fewer. */
    static @Nullable Object arg(List<@Nullable Object> args, int index) {
        if (args.size() <= index) {
            throw new IllegalArgumentException("want at least " + (index + 1) + " arguments, got " + args.size());
        }
        return args.get(index);
    }

    /** Returns argument {@code index} as the template prints it. */
    static String string(List<@Nullable Object> args, int index) {
        return TemplateSet.print(arg(args, index));
    }

    /** Returns argument {@code index}, which must be a number. */
    static long number(List<@Nullable Object> args, int index) {
        if (arg(args, index) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("expected a number, found " + TemplateSet.print(args.get(index)));
    }
}
