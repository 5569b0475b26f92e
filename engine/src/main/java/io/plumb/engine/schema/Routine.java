package io.plumb.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Routine} is a function, a procedure or an aggregate.
 *
 * @param kind {@link ObjectKind#FUNCTION}, {@link ObjectKind#PROCEDURE} or {@link ObjectKind#AGGREGATE}
 * @param name the routine name
 * @param signature the argument types that tell overloads apart, as the database prints them ({@code integer,
 *     text}), on dialects that overload routines (PostgreSQL); empty where names are unique
 * @param arguments the arguments in order
 * @param returns the return type as the database prints it ({@code boolean}, {@code SETOF users}, {@code TABLE(id
 *     integer)}); empty for a procedure
 * @param language the language ({@code sql}, {@code plpgsql}); empty where there is only one (MySQL)
 * @param body the body, as the database keeps it
 * @param options dialect options in declaration order: {@code volatility}, {@code strict}, {@code security},
 *     {@code parallel}, {@code leakproof}, {@code deterministic}, {@code data_access}, an aggregate's {@code
 *     state_type} and {@code state_func}
 * @param comment the comment, where the dialect has them
 * @param dependsOn the objects the routine uses, and any {@code depends_on}
 */
public record Routine(
        ObjectKind kind,
        String name,
        String signature,
        List<Argument> arguments,
        Optional<String> returns,
        String language,
        String body,
        Map<String, String> options,
        Optional<String> comment,
        List<ObjectRef> dependsOn)
        implements SchemaObject {

    public Routine {
        if (kind != ObjectKind.FUNCTION && kind != ObjectKind.PROCEDURE && kind != ObjectKind.AGGREGATE) {
            throw new IllegalArgumentException("a routine is a function, a procedure or an aggregate: " + kind);
        }
        arguments = List.copyOf(arguments);
        options = Options.copy(options);
        dependsOn = List.copyOf(dependsOn);
    }

    @Override
    public String identity() {
        return identity(kind, name, signature);
    }

    /**
     * Returns the identity of a routine: its name, followed by its signature in parentheses where the dialect tells
     * overloads apart by one (and always for an aggregate, which PostgreSQL alone has).
     */
    public static String identity(ObjectKind kind, String name, String signature) {
        return signature.isEmpty() && kind != ObjectKind.AGGREGATE ? name : name + "(" + signature + ")";
    }

    @Override
    public List<String> sqlTexts() {
        return List.of(body);
    }

    /** Returns this routine with other dependencies. */
    public Routine withDependsOn(List<ObjectRef> refs) {
        return new Routine(kind, name, signature, arguments, returns, language, body, options, comment, refs);
    }
}
