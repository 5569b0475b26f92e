package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Domain;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DomainDdl} writes the statements of domains: {@code CREATE DOMAIN} with its default, {@code NOT NULL} and
 * checks; {@code DROP DOMAIN}; and, while the base type stays, {@code ALTER DOMAIN} statements for the default,
 * {@code NOT NULL}, each changed check (dropped and added again) and the comment, which keep the columns that use
 * the domain.
 */
final class DomainDdl {

    private DomainDdl() {}

    static List<PlannedChange> create(PostgresDdl ddl, String schema, Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ")
                .append(ddl.table(schema, domain.name()))
                .append(" AS ")
                .append(domain.type());
        domain.defaultValue().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (!domain.nullable()) {
            sql.append(" NOT NULL");
        }
        for (Check check : domain.checks()) {
            sql.append(' ').append(PostgresDdl.check(check));
        }
        List<PlannedChange> out = new ArrayList<>();
        out.add(change("create domain \"" + domain.name() + "\"", sql.toString()));
        if (domain.comment().isPresent()) {
            comment(ddl, schema, domain, out);
        }
        return out;
    }

    static List<PlannedChange> drop(PostgresDdl ddl, String schema, Domain domain) {
        return List.of(
                change("drop domain \"" + domain.name() + "\"", "DROP DOMAIN " + ddl.table(schema, domain.name())));
    }

    /** Returns whether a domain can be changed in place: its base type stays. */
    static boolean replaceable(Domain from, Domain to) {
        return from.type().equals(to.type());
    }

    static List<PlannedChange> replace(
            PostgresDdl ddl, PostgresNormalizer normalizer, String schema, Domain from, Domain to) {
        String name = ddl.table(schema, to.name());
        String what = "modify domain \"" + to.name() + "\"";
        List<PlannedChange> out = new ArrayList<>();
        if (!sameDefault(normalizer, from, to)) {
            out.add(change(
                    what,
                    "ALTER DOMAIN " + name
                            + to.defaultValue().map(d -> " SET DEFAULT " + d).orElse(" DROP DEFAULT")));
        }
        if (from.nullable() != to.nullable()) {
            out.add(change(what, "ALTER DOMAIN " + name + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL")));
        }
        for (Check check : from.checks()) {
            if (to.checks().stream().noneMatch(c -> sameCheck(normalizer, c, check))) {
                out.add(change(what, "ALTER DOMAIN " + name + " DROP CONSTRAINT " + quote(check.name())));
            }
        }
        for (Check check : to.checks()) {
            if (from.checks().stream().noneMatch(c -> sameCheck(normalizer, c, check))) {
                out.add(change(what, "ALTER DOMAIN " + name + " ADD " + PostgresDdl.check(check)));
            }
        }
        if (!from.comment().equals(to.comment())) {
            comment(ddl, schema, to, out);
        }
        return out;
    }

    static boolean sameDefault(PostgresNormalizer normalizer, Domain from, Domain to) {
        return from.defaultValue()
                .map(normalizer::expressionKey)
                .equals(to.defaultValue().map(normalizer::expressionKey));
    }

    static boolean sameCheck(PostgresNormalizer normalizer, Check a, Check b) {
        return a.name().equals(b.name())
                && normalizer.expressionKey(a.expr()).equals(normalizer.expressionKey(b.expr()));
    }

    private static void comment(PostgresDdl ddl, String schema, Domain domain, List<PlannedChange> out) {
        PostgresPlanner.comment(
                out,
                "DOMAIN " + ddl.table(schema, domain.name()),
                domain.comment(),
                "domain: \"" + domain.name() + "\"");
    }
}
