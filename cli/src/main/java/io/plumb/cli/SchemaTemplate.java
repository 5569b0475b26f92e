package io.plumb.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumb.engine.gotemplate.GoNil;
import io.plumb.engine.gotemplate.GoStruct;
import io.plumb.engine.gotemplate.TemplateException;
import io.plumb.engine.gotemplate.TemplateFunction;
import io.plumb.engine.gotemplate.TemplateSet;
import io.plumb.engine.plan.PlannedChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A {@code SchemaTemplate} is a {@code --format} template of {@code schema apply}, {@code schema diff} or {@code
 * schema inspect}: Go's {@code text/template} (the engine's {@link TemplateSet}) over the reference's report of the
 * command, with the functions the reference gives that command's templates. A template that does not parse is a
 * usage error ({@code parse log format: template: ...}); one that fails while running is an error.
 */
final class SchemaTemplate {

    private static final String NAME = "format";

    /** The report and functions of one command. */
    enum Kind {
        /** {@code schema apply}: {@code .Changes.Applied}, {@code .Changes.Pending}, {@code .Changes.Error}. */
        APPLY,
        /** {@code schema diff}: {@code .Changes}, {@code sql}. */
        DIFF,
        /** {@code schema inspect}: {@code json}, {@code sql}, {@code mermaid}, {@code base64url}, {@code $.MarshalHCL}. */
        INSPECT
    }

    /** The reference's default {@code schema apply} template: the plan under {@code -- Planned Changes:}. */
    static final String APPLY_DEFAULT =
            """
            {{- with .Changes.Pending -}}
            -- Planned Changes:
            {{ range . -}}
            {{- if .Comment -}}
            {{- printf "-- %s%s\\n" (slice .Comment 0 1 | upper ) (slice .Comment 1) -}}
            {{- end -}}
            {{- printf "%s;\\n" .Cmd -}}
            {{- end -}}
            {{- else -}}
            Schema is synced, no changes to be made
            {{ end -}}
            """;

    private final String text;
    private final Kind kind;

    private SchemaTemplate(String text, Kind kind) {
        this.text = text;
        this.kind = kind;
    }

    /**
     * Parses a template for a command, so that a malformed one stops the command before it connects anywhere.
     *
     * @throws ParameterException for a template that does not parse
     */
    static SchemaTemplate parse(String text, Kind kind, CommandSpec spec) {
        try {
            set(kind, Map.of()).parse(NAME, NAME, text);
        } catch (TemplateException e) {
            throw new ParameterException(spec.commandLine(), "parse log format: " + LintTemplate.message(e));
        }
        return new SchemaTemplate(text, kind);
    }

    /** Returns whether the format is a template rather than one of Plumb's format names. */
    static boolean isTemplate(String format) {
        return format.contains("{{");
    }

    /**
     * Runs the template on a report.
     *
     * @param report the report, a {@link LintTree.Struct}
     * @param functions the command's own functions over this report ({@code sql}), by name
     * @throws EngineFailure for an error while running
     */
    String execute(LintTree.Struct report, Map<String, TemplateFunction> functions) {
        try {
            return set(kind, functions).parse(NAME, NAME, text).execute(NAME, report);
        } catch (TemplateException e) {
            throw new EngineFailure(LintTemplate.message(e));
        }
    }

    private static TemplateSet set(Kind kind, Map<String, TemplateFunction> own) {
        Map<String, TemplateFunction> functions = new HashMap<>();
        functions.put("json", TemplateArgs.JSON);
        switch (kind) {
            case APPLY -> {
                functions.put("upper", TemplateArgs.UPPER);
                functions.put("add", TemplateArgs.ADD);
                functions.put("indent_ln", TemplateArgs.INDENT_LN);
            }
            case DIFF -> functions.put("sql", args -> {
                throw new IllegalArgumentException("no diff to print");
            });
            case INSPECT -> {
                // Placeholders until the command gives its own over the report, so that a template parses.
                for (String reportFunction : List.of("sql", "mermaid")) {
                    functions.put(reportFunction, args -> {
                        throw new IllegalArgumentException("no schema to print");
                    });
                }
                functions.put("base64url", args -> TemplateSet.print(TemplateArgs.arg(args, 0))
                        .replace('+', '-')
                        .replace('/', '_')
                        .replace("=", ""));
                for (String unsupported : List.of("split", "write", "hcl")) {
                    functions.put(unsupported, args -> {
                        throw new IllegalArgumentException(
                                "'schema inspect' with the '" + unsupported + "' function is not supported");
                    });
                }
            }
        }
        functions.putAll(own);
        return new TemplateSet(functions);
    }

    /**
     * Returns the function {@code sql} of a report: its first argument must be the report itself, an optional second
     * one is the statements' indentation, as the reference's {@code sql . "  "}.
     */
    static TemplateFunction sql(LintTree.Struct report, Function<String, String> print) {
        return args -> {
            if (args.isEmpty() || args.get(0) != report) {
                throw new IllegalArgumentException("wrong type for value; expected the command's report, got "
                        + (args.isEmpty() ? "nothing" : TemplateSet.print(args.get(0))));
            }
            if (args.size() > 2) {
                throw new IllegalArgumentException("unexpected number of arguments: " + (args.size() - 1));
            }
            return print.apply(args.size() == 2 ? TemplateSet.print(args.get(1)) : "");
        };
    }

    /** Returns the planned statements as the reference's formatter writes a file: comment line, statement, {@code ;}. */
    static String statements(List<PlannedChange> changes) {
        StringBuilder text = new StringBuilder();
        for (PlannedChange change : changes) {
            if (!change.comment().isEmpty()) {
                text.append("-- ")
                        .append(PlanPrinter.capitalize(change.comment()))
                        .append('\n');
            }
            text.append(change.sql()).append(";\n");
        }
        return text.toString();
    }

    /**
     * Returns the reference's {@code SchemaApply} report: the target's driver and URL, and the changes applied, pending
     * and the failed statement; in JSON the changes are their statements, in templates structs with {@code .Cmd} and
     * {@code .Comment}.
     */
    static LintTree.Struct applyReport(
            String driver,
            LintTree.Struct url,
            List<PlannedChange> applied,
            List<PlannedChange> pending,
            @Nullable String failedStatement,
            @Nullable String error) {
        Map<String, Object> changesJson = new LinkedHashMap<>();
        Map<String, Object> changesTemplate = new LinkedHashMap<>();
        put(changesJson, changesTemplate, "Applied", applied);
        put(changesJson, changesTemplate, "Pending", pending);
        if (error != null) {
            Map<String, Object> stmtError = new LinkedHashMap<>();
            if (failedStatement != null) {
                stmtError.put("Stmt", failedStatement);
            }
            stmtError.put("Text", error);
            LintTree.Struct value = new LintTree.Struct(stmtError, Map.of());
            changesJson.put("Error", value);
            changesTemplate.put("Error", value);
        }
        Map<String, Object> hidden = new LinkedHashMap<>(changesTemplate);
        hidden.putIfAbsent("Applied", GoNil.NIL);
        hidden.putIfAbsent("Pending", GoNil.NIL);
        hidden.putIfAbsent("Error", GoNil.NIL);
        GoStruct changes = new TemplateView(changesJson, hidden);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Driver", driver);
        fields.put("URL", url);
        fields.put("Changes", changes);
        return new LintTree.Struct(fields, Map.of("Error", ""));
    }

    private static void put(
            Map<String, Object> json, Map<String, Object> template, String name, List<PlannedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object> statements = new ArrayList<>();
        List<Object> structs = new ArrayList<>();
        for (PlannedChange change : changes) {
            statements.add(change.sql());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("Cmd", change.sql());
            fields.put("Args", List.of());
            fields.put("Comment", change.comment());
            fields.put("Reverse", GoNil.NIL);
            structs.add(new LintTree.Struct(fields, Map.of()));
        }
        json.put(name, statements);
        template.put(name, structs);
    }

    /**
     * A struct whose JSON fields and template fields differ in value under one name (the reference's {@code Changes},
     * whose {@code MarshalJSON} writes statements where templates see changes): the template's value wins.
     *
     * @param fields what JSON writes
     * @param template what templates read
     */
    private record TemplateView(Map<String, Object> fields, Map<String, Object> template) implements GoStruct {

        @Override
        public Optional<Object> get(String name) {
            return Optional.ofNullable(template.containsKey(name) ? template.get(name) : fields.get(name));
        }

        @Override
        public boolean has(String name) {
            return template.containsKey(name) || fields.containsKey(name);
        }
    }

    /** Reads JSON text into the tree {@link GoJson} writes and templates read: structs, lists, strings, numbers. */
    static Object tree(String json) {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            return read(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON Plumb wrote", e);
        }
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.put(name, read(parser));
            }
            return new LintTree.Struct(fields, Map.of());
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return items;
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return parser.getBooleanValue();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return GoNil.NIL;
        }
        return parser.getText();
    }
}
