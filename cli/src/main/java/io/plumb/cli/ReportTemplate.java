package io.plumb.cli;

import io.plumb.engine.gotemplate.GoNil;
import io.plumb.engine.gotemplate.TemplateException;
import io.plumb.engine.gotemplate.TemplateFunction;
import io.plumb.engine.gotemplate.TemplateSet;
import io.plumb.engine.project.Env;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A {@code ReportTemplate} is a {@code --format} (or {@code --log}) template of {@code migrate apply} and {@code
 * migrate status}: Go's {@code text/template} over the report whose JSON {@code '{{ json . }}'} prints, read back
 * into Go's shapes: the JSON fields, the fields its JSON leaves out when empty (an empty {@code .Error}, no {@code
 * .Applied}), the environment's fields promoted ({@code .Driver}, {@code .URL}, {@code .Dir}) and the status
 * report's {@code .Left}. The functions are the reference's: {@code json} (with indent arguments), {@code
 * json_merge} (objects merged key by key, written with sorted keys as Go writes a map), {@code upper}, {@code add},
 * {@code indent_ln} and the colour functions, which return their text as is (Plumb prints no colours).
 */
final class ReportTemplate {

    private static final String NAME = "format";
    private static final Pattern JSON_ONLY = Pattern.compile("\\s*\\{\\{\\s*json\\s+\\.\\s*}}\\s*");

    private static final Map<String, TemplateFunction> FUNCTIONS = Map.of(
            "json", TemplateArgs.JSON,
            "json_merge", ReportTemplate::jsonMerge,
            "upper", TemplateArgs.UPPER,
            "add", TemplateArgs.ADD,
            "indent_ln", TemplateArgs.INDENT_LN,
            "cyan", ReportTemplate::plain,
            "green", ReportTemplate::plain,
            "red", ReportTemplate::plain,
            "redBgWhiteFg", ReportTemplate::plain,
            "yellow", ReportTemplate::plain);

    /** What a field the JSON leaves out reads as in a template: Go's zero value of that field. */
    private static final Map<String, Object> ZERO = zeros();

    private final TemplateSet set;
    private final boolean jsonOnly;

    private ReportTemplate(TemplateSet set, boolean jsonOnly) {
        this.set = set;
        this.jsonOnly = jsonOnly;
    }

    /**
     * Parses a format, or returns empty for none (the text layout).
     *
     * @throws ParameterException for a template that does not parse
     */
    static Optional<ReportTemplate> parse(@Nullable String format, CommandSpec spec) {
        if (format == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReportTemplate(
                    new TemplateSet(FUNCTIONS).parse(NAME, NAME, format),
                    JSON_ONLY.matcher(format).matches()));
        } catch (TemplateException e) {
            throw new ParameterException(spec.commandLine(), "parse format: " + e.goMessage(NAME));
        }
    }

    /**
     * Returns the env's {@code format { migrate { COMMAND = "..." } } } (or the older {@code log} block's), the
     * format its command uses when {@code --format} is not given, as in the reference tool.
     */
    static Optional<String> fromEnv(Env env, String command) {
        return ProjectSelection.formatOf(env, "migrate", command);
    }

    /** Returns whether the format is {@code {{ json . }}} alone, which prints the JSON object on a line. */
    boolean jsonOnly() {
        return jsonOnly;
    }

    /**
     * Runs the template on a report given as its JSON.
     *
     * @throws EngineFailure for an error while executing, such as a field the report does not have
     */
    String execute(String reportJson) {
        try {
            return set.execute(NAME, struct(GoJson.read(reportJson), true));
        } catch (TemplateException e) {
            throw new EngineFailure(e.goMessage(NAME));
        }
    }

    private static @Nullable Object struct(@Nullable Object value, boolean top) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), struct(v, false)));
            Map<String, Object> hidden = new LinkedHashMap<>();
            if (fields.get("Env") instanceof LintTree.Struct env) {
                hidden.putAll(env.fields());
            }
            ZERO.forEach((name, zero) -> {
                if (!fields.containsKey(name) && !hidden.containsKey(name)) {
                    hidden.put(name, zero);
                }
            });
            // The report's error is a string; a file's or a check's is a pointer to a statement error.
            if (!fields.containsKey("Error")) {
                hidden.put("Error", top ? "" : GoNil.NIL);
            }
            if (fields.get("Total") instanceof Long total && fields.get("Count") instanceof Long count) {
                hidden.put("Left", total - count);
            }
            return new LintTree.Struct(fields, hidden);
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> items = new ArrayList<>();
            list.forEach(item -> items.add(struct(item, false)));
            return items;
        }
        return value;
    }

    private static Map<String, Object> zeros() {
        Map<String, Object> zero = new LinkedHashMap<>();
        for (String list : List.of("Pending", "Applied", "Available", "Checks", "Stmts")) {
            zero.put(list, List.of());
        }
        for (String text : List.of("Current", "Target", "Next", "Message", "Status", "SQL", "Driver", "URL", "Dir")) {
            zero.put(text, "");
        }
        for (String number : List.of("Count", "Total", "Skipped")) {
            zero.put(number, 0L);
        }
        return Map.copyOf(zero);
    }

    private static Object jsonMerge(List<@Nullable Object> args) {
        Map<String, @Nullable Object> merged = new LinkedHashMap<>();
        for (Object arg : args) {
            Object value;
            try {
                value = GoJson.read(TemplateSet.print(arg));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("json_merge: " + e.getMessage(), e);
            }
            if (!(value instanceof Map<?, ?> object)) {
                throw new IllegalArgumentException("json_merge: cannot unmarshal a non-object into a map");
            }
            object.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        return GoJson.json(merged, List.of());
    }

    private static Object plain(List<@Nullable Object> args) {
        List<String> parts = new ArrayList<>();
        args.forEach(a -> parts.add(TemplateSet.print(a)));
        return String.join("", parts);
    }
}
