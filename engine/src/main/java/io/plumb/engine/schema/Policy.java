package io.plumb.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A row-level security {@code Policy} on a PostgreSQL table.
 *
 * @param name the policy name
 * @param table the table the policy is on, in the same schema
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param permissive whether the policy is permissive (else restrictive)
 * @param roles the roles it applies to, {@code PUBLIC} for everyone
 * @param using the {@code USING} expression, if any
 * @param check the {@code WITH CHECK} expression, if any
 * @param comment the comment
 */
public record Policy(
        String name,
        String table,
        String command,
        boolean permissive,
        List<String> roles,
        Optional<String> using,
        Optional<String> check,
        Optional<String> comment)
        implements SchemaObject {

    public Policy {
        roles = List.copyOf(roles);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.POLICY;
    }

    /** Returns the table name and the policy name: policy names are unique per table. */
    @Override
    public String identity() {
        return table + "." + name;
    }

    @Override
    public List<ObjectRef> dependsOn() {
        return List.of();
    }

    @Override
    public List<String> sqlTexts() {
        List<String> texts = new ArrayList<>();
        using.ifPresent(texts::add);
        check.ifPresent(texts::add);
        return texts;
    }
}
