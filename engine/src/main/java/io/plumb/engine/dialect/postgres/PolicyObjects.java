package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Policy;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PolicyObjects} inspects, reads, writes and plans row-level security policies: {@code policy "own_rows" { on
 * = table.orders for = SELECT to = [PUBLIC] as = RESTRICTIVE using = "(owner = CURRENT_USER)" check = "..." comment
 * = "..." }}. A policy lives in its table's schema. Inspection writes {@code on}, {@code for} and {@code to} always,
 * {@code as} only for a restrictive policy; roles are sorted by name.
 */
final class PolicyObjects {

    private static final String SQL = "SELECT n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,"
            + " array(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE (SELECT rolname FROM pg_roles WHERE oid = r.oid)"
            + " END FROM unnest(p.polroles) r(oid) ORDER BY 1),"
            + " pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid),"
            + " obj_description(p.oid, 'pg_policy')"
            + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE $FILTER ORDER BY n.nspname, c.relname, p.polname";

    private static final Set<String> COMMANDS = Set.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");

    private PolicyObjects() {}

    static void inspect(Connection connection, CatalogQuery query, Map<String, List<SchemaObject>> objects)
            throws SQLException {
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String command =
                        switch (rs.getString(4)) {
                            case "r" -> "SELECT";
                            case "a" -> "INSERT";
                            case "w" -> "UPDATE";
                            case "d" -> "DELETE";
                            default -> "ALL";
                        };
                objects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Policy(
                                rs.getString(3),
                                rs.getString(2),
                                command,
                                rs.getBoolean(5),
                                PostgresInspector.strings(rs, 6),
                                Optional.ofNullable(rs.getString(7)),
                                Optional.ofNullable(rs.getString(8)),
                                Optional.ofNullable(rs.getString(9))));
            }
        }
    }

    /** Reads a policy block; its schema is the schema of its table, which must be declared. */
    static TypeObjectSpec.Read read(Resource resource, Realm realm) {
        ObjectBlock block =
                ObjectBlock.of(resource, Set.of("on", "for", "to", "as", "using", "check", "comment"), Set.of());
        Attribute on = block.attribute("on").orElseThrow(() -> block.error("missing on"));
        List<String> path = block.ref(on, "table", 2, 3);
        String table = path.get(path.size() - 1);
        Optional<Schema> schema = realm.schemas().stream()
                .filter(s -> (path.size() == 2 || s.name().equals(path.get(1)))
                        && s.table(table).isPresent())
                .findFirst();
        if (schema.isEmpty()) {
            throw new HclException(on.pos(), block.owner() + ": table \"" + table + "\" not found");
        }
        String command = block.keyword("for").orElse("ALL");
        if (!COMMANDS.contains(command)) {
            throw block.expected(block.attribute("for").orElseThrow(), "ALL, SELECT, INSERT, UPDATE or DELETE");
        }
        String as = block.keyword("as").orElse("PERMISSIVE");
        if (!as.equals("PERMISSIVE") && !as.equals("RESTRICTIVE")) {
            throw block.expected(block.attribute("as").orElseThrow(), "PERMISSIVE or RESTRICTIVE");
        }
        List<String> roles = new ArrayList<>();
        for (Value role : block.list("to")) {
            if (role instanceof Value.Ident ident) {
                roles.add(ident.name().equalsIgnoreCase("public") ? "PUBLIC" : ident.name());
            } else if (role instanceof Value.Str str) {
                roles.add(str.value());
            } else {
                throw block.expected(block.attribute("to").orElseThrow(), "a list of roles");
            }
        }
        if (roles.isEmpty()) {
            roles.add("PUBLIC");
        }
        roles.sort(null);
        return new TypeObjectSpec.Read(
                schema.get().name(),
                new Policy(
                        block.name(),
                        table,
                        command,
                        as.equals("PERMISSIVE"),
                        roles,
                        block.string("using"),
                        block.string("check"),
                        block.string("comment")));
    }

    static HclItem.Block write(String schema, Policy policy, boolean qualified) {
        List<HclItem> body = new ArrayList<>();
        List<String> table = qualified ? List.of("table", schema, policy.table()) : List.of("table", policy.table());
        body.add(new HclItem.Attr("on", HclSyntax.ref(table)));
        body.add(new HclItem.Attr("for", policy.command()));
        body.add(new HclItem.Attr(
                "to",
                HclSyntax.list(policy.roles().stream()
                        .map(r -> HclSyntax.isIdentifier(r) ? r : HclSyntax.quote(r))
                        .toList())));
        if (!policy.permissive()) {
            body.add(new HclItem.Attr("as", "RESTRICTIVE"));
        }
        policy.using().ifPresent(u -> body.add(new HclItem.Attr("using", HclSyntax.quote(u))));
        policy.check().ifPresent(c -> body.add(new HclItem.Attr("check", HclSyntax.quote(c))));
        policy.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        return new HclItem.Block("policy", List.of(policy.name()), body);
    }

    private static String roles(Policy policy) {
        return String.join(
                ", ",
                policy.roles().stream()
                        .map(r -> r.equals("PUBLIC") ? r : quote(r))
                        .toList());
    }

    static List<PlannedChange> create(PostgresDdl ddl, String schema, Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ")
                .append(quote(policy.name()))
                .append(" ON ")
                .append(ddl.table(schema, policy.table()));
        if (!policy.permissive()) {
            sql.append(" AS RESTRICTIVE");
        }
        sql.append(" FOR ").append(policy.command()).append(" TO ").append(roles(policy));
        policy.using().ifPresent(u -> sql.append(" USING (").append(u).append(')'));
        policy.check().ifPresent(c -> sql.append(" WITH CHECK (").append(c).append(')'));
        List<PlannedChange> out = new ArrayList<>();
        out.add(change("create policy \"" + policy.name() + "\" on table: \"" + policy.table() + "\"", sql.toString()));
        if (policy.comment().isPresent()) {
            comment(ddl, schema, policy, out);
        }
        return out;
    }

    static List<PlannedChange> drop(PostgresDdl ddl, String schema, Policy policy) {
        return List.of(change(
                "drop policy \"" + policy.name() + "\" on table: \"" + policy.table() + "\"",
                "DROP POLICY " + quote(policy.name()) + " ON " + ddl.table(schema, policy.table())));
    }

    /** Returns whether {@code ALTER POLICY} can do: same command and kind, and no clause removed. */
    static boolean replaceable(Policy from, Policy to) {
        return from.command().equals(to.command())
                && from.permissive() == to.permissive()
                && (from.using().isEmpty() || to.using().isPresent())
                && (from.check().isEmpty() || to.check().isPresent());
    }

    static List<PlannedChange> replace(PostgresDdl ddl, String schema, Policy from, Policy to) {
        List<PlannedChange> out = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (!from.roles().equals(to.roles())) {
            sql.append(" TO ").append(roles(to));
        }
        if (!from.using().equals(to.using())) {
            to.using().ifPresent(u -> sql.append(" USING (").append(u).append(')'));
        }
        if (!from.check().equals(to.check())) {
            to.check().ifPresent(c -> sql.append(" WITH CHECK (").append(c).append(')'));
        }
        if (sql.length() > 0) {
            out.add(change(
                    "modify policy \"" + to.name() + "\" on table: \"" + to.table() + "\"",
                    "ALTER POLICY " + quote(to.name()) + " ON " + ddl.table(schema, to.table()) + sql));
        }
        if (!from.comment().equals(to.comment())) {
            comment(ddl, schema, to, out);
        }
        return out;
    }

    private static void comment(PostgresDdl ddl, String schema, Policy policy, List<PlannedChange> out) {
        PostgresPlanner.comment(
                out,
                "POLICY " + quote(policy.name()) + " ON " + ddl.table(schema, policy.table()),
                policy.comment(),
                "policy: \"" + policy.name() + "\"");
    }
}
