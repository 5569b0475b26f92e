package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Routine;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import io.plumb.engine.spec.ObjectSpecs;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecBlock;
import io.plumb.engine.spec.SpecDialect;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code RoutineSpec} reads and writes PostgreSQL's {@code function}, {@code procedure} and {@code aggregate}
 * blocks:
 *
 * <pre>
 * function "positive" {
 *   schema = schema.public
 *   lang   = SQL
 *   arg "v" {
 *     type = integer
 *   }
 *   return     = boolean
 *   as         = "SELECT v &gt; 0"
 *   volatility = IMMUTABLE
 * }
 * aggregate "sum_squares" {
 *   schema = schema.public
 *   arg {
 *     type = integer
 *   }
 *   state_type    = bigint
 *   state_func    = function.sq_step
 *   initial_value = "0"
 * }
 * </pre>
 *
 * <p>Written order: {@code schema}, {@code lang}, the {@code arg} blocks ({@code type}, {@code mode} unless
 * {@code IN}, {@code default} as a SQL string), {@code return}, {@code as}, then {@link #OPTIONS} (or an
 * aggregate's {@link #AGGREGATE}), {@code comment}, {@code depends_on}. Overloads are blocks with the same label,
 * told apart by their argument types; two blocks with the same name and argument types are an error.
 */
final class RoutineSpec {

    /** The attributes of functions and procedures kept as options, in the order they are written. */
    static final List<SpecAttribute> OPTIONS = List.of(
            new SpecAttribute("volatility", SpecAttribute.Kind.IDENT),
            SpecAttribute.flag("strict"),
            new SpecAttribute("security", SpecAttribute.Kind.IDENT),
            SpecAttribute.flag("leakproof"),
            new SpecAttribute("parallel", SpecAttribute.Kind.IDENT));

    /** The attributes of aggregates, in the order they are written; the function references are kept qualified. */
    static final List<String> AGGREGATE =
            List.of("state_type", "state_func", "final_func", "combine_func", "initial_value", "parallel");

    private static final Set<String> FUNCTIONS = Set.of("state_func", "final_func", "combine_func");

    private final SpecDialect dialect;

    RoutineSpec(SpecDialect dialect) {
        this.dialect = dialect;
    }

    /** Reads the routine blocks of a document into the objects by schema. */
    void read(Document document, Map<String, List<SchemaObject>> out) {
        Set<String> schemas = ObjectSpecs.schemas(document);
        Set<List<String>> seen = new HashSet<>();
        for (ObjectKind kind : List.of(ObjectKind.FUNCTION, ObjectKind.PROCEDURE, ObjectKind.AGGREGATE)) {
            for (Resource resource : document.resources(kind.block())) {
                String name = ObjectSpecs.name(resource);
                String owner = kind.label() + " \"" + name + "\"";
                String schema = ObjectSpecs.schemaOf(resource, owner, schemas);
                Routine routine = kind == ObjectKind.AGGREGATE
                        ? aggregate(resource, schema, owner)
                        : routine(resource, kind, schema, owner);
                if (!seen.add(List.of(kind.name(), schema, routine.identity()))) {
                    throw new HclException(
                            resource.pos(),
                            owner + "(" + routine.signature() + "): declared twice in schema \"" + schema + "\"");
                }
                out.computeIfAbsent(schema, s -> new ArrayList<>()).add(routine);
            }
        }
    }

    private Routine routine(Resource resource, ObjectKind kind, String schema, String owner) {
        Set<String> names = SpecBlock.names(OPTIONS, "schema", "lang", "return", "as", "comment", "depends_on");
        SpecBlock block = SpecBlock.of(resource, owner, names, Set.of("arg"));
        List<Argument> arguments = arguments(block, owner);
        String language = word(block, block.required("lang")).toLowerCase(Locale.ROOT);
        Optional<String> returns = block.attribute("return").map(a -> type(a, owner));
        if (kind == ObjectKind.FUNCTION && returns.isEmpty()) {
            throw new HclException(resource.pos(), owner + ": missing return");
        }
        Map<String, String> options = new LinkedHashMap<>(block.options(OPTIONS));
        options.replaceAll((k, v) -> v.toUpperCase(Locale.ROOT));
        options.replaceAll((k, v) -> v.equals("TRUE") ? "true" : v);
        if ("VOLATILE".equals(options.get("volatility"))) {
            options.remove("volatility");
        }
        if ("INVOKER".equals(options.get("security"))) {
            options.remove("security");
        }
        if ("UNSAFE".equals(options.get("parallel"))) {
            options.remove("parallel");
        }
        String body = block.string("as").orElseThrow(() -> new HclException(resource.pos(), owner + ": missing as"));
        return new Routine(
                kind,
                resource.labels().get(0),
                signature(kind, arguments),
                arguments,
                returns,
                language,
                body,
                options,
                block.string("comment"),
                ObjectSpecs.dependsOn(block, schema));
    }

    private Routine aggregate(Resource resource, String schema, String owner) {
        Set<String> names = new HashSet<>(AGGREGATE);
        names.addAll(Set.of("schema", "comment", "depends_on"));
        SpecBlock block = SpecBlock.of(resource, owner, names, Set.of("arg"));
        List<Argument> arguments = arguments(block, owner);
        Map<String, String> options = new LinkedHashMap<>();
        List<ObjectRef> dependsOn = new ArrayList<>(ObjectSpecs.dependsOn(block, schema));
        options.put("state_type", type(block.required("state_type"), owner));
        for (String option : AGGREGATE) {
            Optional<Attribute> attribute = block.attribute(option);
            if (attribute.isEmpty() || option.equals("state_type")) {
                continue;
            }
            if (FUNCTIONS.contains(option)) {
                ObjectRef ref = ObjectSpecs.ref(attribute.get().value(), attribute.get(), block, schema);
                if (ref.kind() != ObjectKind.FUNCTION) {
                    throw block.expected(attribute.get(), "a function reference");
                }
                options.put(option, QualifiedName.text(schema, ref.schema(), ref.identity()));
                dependsOn.add(ref);
            } else if (option.equals("parallel")) {
                String value = word(block, attribute.get()).toUpperCase(Locale.ROOT);
                if (!value.equals("UNSAFE")) {
                    options.put(option, value);
                }
            } else {
                options.put(option, block.string(option).orElseThrow());
            }
        }
        if (!options.containsKey("state_func")) {
            block.required("state_func");
        }
        return new Routine(
                ObjectKind.AGGREGATE,
                resource.labels().get(0),
                signature(ObjectKind.AGGREGATE, arguments),
                arguments,
                Optional.empty(),
                "",
                "",
                options,
                block.string("comment"),
                dependsOn);
    }

    private List<Argument> arguments(SpecBlock block, String owner) {
        List<Argument> arguments = new ArrayList<>();
        for (Resource child : block.blocks("arg")) {
            String name = SpecBlock.optionalLabel(child, owner);
            String argOwner = "arg " + (name.isEmpty() ? "" : "\"" + name + "\" ") + "of " + owner;
            SpecBlock arg = SpecBlock.of(child, argOwner, Set.of("type", "mode", "default"), Set.of());
            Optional<String> mode = arg.attribute("mode")
                    .map(a -> word(arg, a).toUpperCase(Locale.ROOT))
                    .filter(m -> !m.equals("IN"));
            Optional<String> defaultValue = arg.attribute("default").map(a -> {
                if (a.value() instanceof Value.Str s) {
                    return s.value();
                } else if (a.value() instanceof Value.RawSql r) {
                    return r.sql();
                }
                throw arg.expected(a, "a SQL string");
            });
            arguments.add(new Argument(name, type(arg.required("type"), argOwner), mode, defaultValue));
        }
        return arguments;
    }

    /**
     * Returns the argument types that tell overloads apart: a function's input arguments, all of a procedure's,
     * spelled as {@code oidvectortypes} does (canonical names, no type modifiers), so that a declared routine
     * matches its inspected self even without a dev database.
     */
    static String signature(ObjectKind kind, List<Argument> arguments) {
        return arguments.stream()
                .filter(a -> kind != ObjectKind.FUNCTION || !a.mode().equals(Optional.of("OUT")))
                .map(a -> a.type().replaceFirst("\\([0-9, ]*\\)", ""))
                .collect(Collectors.joining(", "));
    }

    private String type(Attribute attribute, String owner) {
        return PostgresTypes.canonical(dialect.readType(attribute, owner)).sql();
    }

    private static String word(SpecBlock block, Attribute attribute) {
        if (attribute.value() instanceof Value.Ident ident) {
            return ident.name();
        } else if (attribute.value() instanceof Value.Str str) {
            return str.value();
        }
        throw block.expected(attribute, "an identifier");
    }

    /** Returns the block of a routine of the given schema. */
    HclItem write(String schema, Routine routine) {
        List<HclItem> body = new ArrayList<>();
        body.add(ObjectSpecs.schemaAttr(schema));
        if (routine.kind() != ObjectKind.AGGREGATE) {
            body.add(new HclItem.Attr("lang", language(routine.language())));
        }
        for (Argument argument : routine.arguments()) {
            List<HclItem> arg = new ArrayList<>();
            arg.add(new HclItem.Attr("type", type(argument.type())));
            argument.mode().ifPresent(m -> arg.add(new HclItem.Attr("mode", m)));
            argument.defaultValue().ifPresent(d -> arg.add(new HclItem.Attr("default", HclSyntax.quote(d))));
            body.add(new HclItem.Block("arg", argument.name().isEmpty() ? List.of() : List.of(argument.name()), arg));
        }
        if (routine.kind() == ObjectKind.AGGREGATE) {
            for (String option : AGGREGATE) {
                String value = routine.options().get(option);
                if (value == null) {
                    continue;
                }
                String expression = option.equals("state_type")
                        ? type(value)
                        : FUNCTIONS.contains(option)
                                ? function(schema, value)
                                : option.equals("parallel") ? value : HclSyntax.quote(value);
                body.add(new HclItem.Attr(option, expression));
            }
        } else {
            routine.returns().ifPresent(r -> body.add(new HclItem.Attr("return", type(r))));
            body.add(new HclItem.Attr("as", body(routine.body())));
            for (SpecAttribute option : OPTIONS) {
                String value = routine.options().get(option.name());
                if (value != null) {
                    body.add(new HclItem.Attr(option.name(), value));
                }
            }
        }
        routine.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        ObjectSpecs.dependsOn(
                        routine.dependsOn().stream()
                                .filter(r -> routine.kind() != ObjectKind.AGGREGATE)
                                .toList(),
                        schema)
                .ifPresent(body::add);
        return new HclItem.Block(routine.kind().block(), List.of(routine.name()), body);
    }

    private String type(String sql) {
        return dialect.writeType(PostgresTypes.fromCatalog(sql));
    }

    private static String function(String schema, String value) {
        QualifiedName name = QualifiedName.parse(value);
        return HclSyntax.ref(
                name.schema().isPresent() && !name.schema().get().equals(schema)
                        ? List.of("function", name.schema().get(), name.name())
                        : List.of("function", name.name()));
    }

    private static String language(String language) {
        return switch (language) {
            case "sql" -> "SQL";
            case "plpgsql" -> "PLpgSQL";
            default -> HclSyntax.isIdentifier(language) ? language : HclSyntax.quote(language);
        };
    }

    /**
     * Returns a body as HCL: a heredoc when it reads back exactly (it has several lines, one of them not indented,
     * and ends with a newline or with text that a heredoc's final newline, trimmed on reading, gives back), else a
     * quoted string; bodies are kept as the database stores them, whitespace included.
     */
    static String body(String text) {
        boolean flush = text.lines().anyMatch(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)));
        boolean safe = text.contains("\n")
                && flush
                && !text.contains("\r")
                && !text.contains("\t")
                && text.lines().noneMatch(l -> l.strip().equals("SQL"))
                && text.endsWith("\n")
                && !text.endsWith("\n\n");
        if (!safe) {
            return HclSyntax.quote(text);
        }
        return "<<-SQL\n"
                + text.substring(0, text.length() - 1).replace("${", "$${").replace("%{", "%%{") + "\nSQL";
    }
}
