package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Argument;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Routine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code RoutineQuery} reads the functions, procedures and aggregates of a set of schemas from {@code pg_proc}:
 * the argument types that tell overloads apart ({@code oidvectortypes(proargtypes)}) as the signature, the
 * arguments with their modes and defaults, {@code pg_get_function_result}, the body as stored ({@code prosrc}, or
 * for a SQL-standard body the text {@code pg_get_functiondef} prints after the header), and the attributes kept as
 * options ({@link RoutineSpec#OPTIONS}). Window functions, C functions and aggregates other than plain ones are
 * counted as left out, and so are {@code SET} clauses.
 */
final class RoutineQuery {

    private static final String ROUTINES = "SELECT n.nspname, p.proname, p.prokind, oidvectortypes(p.proargtypes),"
            + " pg_get_function_result(p.oid), l.lanname, p.prosrc,"
            + " CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_functiondef(p.oid) END, p.provolatile, p.proisstrict,"
            + " p.prosecdef, p.proleakproof, p.proparallel, obj_description(p.oid, 'pg_proc'), p.oid,"
            + " p.proconfig IS NOT NULL, p.proretset, " + DomainQuery.typtype("rt") + ", rn.nspname, rt.typname, "
            + DomainQuery.element("rt")
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang"
            + " JOIN pg_type rt ON rt.oid = p.prorettype JOIN pg_namespace rn ON rn.oid = rt.typnamespace"
            + " WHERE $FILTER AND " + PostgresObjects.notExtension("pg_proc", "p.oid")
            // The constructors of a range or multirange type come with the type (an internal dependency).
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend id WHERE id.classid = 'pg_proc'::regclass"
            + " AND id.objid = p.oid AND id.deptype = 'i')"
            + " ORDER BY n.nspname, p.proname, oidvectortypes(p.proargtypes)";

    // An argument of a user-defined type is kept qualified from the catalogue: format_type qualifies it by the
    // session's search_path, so that one connection read app.status and another status.
    private static final String ARGUMENTS = "SELECT p.oid, a.name, format_type(a.type, NULL), a.mode,"
            + " CASE WHEN coalesce(a.mode, 'i') IN ('i', 'b', 'v')"
            + " THEN pg_get_function_arg_default(p.oid, a.ord::int) END, " + DomainQuery.typtype("at")
            + ", atn.nspname, at.typname, " + DomainQuery.element("at")
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace CROSS JOIN LATERAL"
            + " unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]), p.proargmodes, p.proargnames)"
            + " WITH ORDINALITY a(type, mode, name, ord) JOIN pg_type at ON at.oid = a.type"
            + " JOIN pg_namespace atn ON atn.oid = at.typnamespace WHERE $FILTER ORDER BY p.oid, a.ord";

    private static final String AGGREGATES = "SELECT a.aggfnoid::oid, a.aggkind, tn.nspname, tp.proname,"
            + " format_type(a.aggtranstype, NULL), fn.nspname, fp.proname, cn.nspname, cp.proname, a.agginitval,"
            + " a.aggmtransfn <> 0 OR a.aggserialfn <> 0 OR a.aggsortop <> 0 OR a.aggfinalextra"
            + " OR a.aggfinalmodify <> 'r' OR a.aggtransspace <> 0, n.nspname"
            + " FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " JOIN pg_proc tp ON tp.oid = a.aggtransfn JOIN pg_namespace tn ON tn.oid = tp.pronamespace"
            + " LEFT JOIN pg_proc fp ON fp.oid = a.aggfinalfn LEFT JOIN pg_namespace fn ON fn.oid = fp.pronamespace"
            + " LEFT JOIN pg_proc cp ON cp.oid = a.aggcombinefn LEFT JOIN pg_namespace cn ON cn.oid = cp.pronamespace"
            + " WHERE $FILTER AND " + PostgresObjects.notExtension("pg_proc", "p.oid");

    private final CatalogQuery query;

    RoutineQuery(CatalogQuery query) {
        this.query = query;
    }

    /** Returns a routine's identity, as {@link Routine#identity()} computes it, from its catalogue signature. */
    static String identity(ObjectKind kind, String name, String signature) {
        return Routine.identity(kind, name, signature);
    }

    void read(Connection connection, PostgresObjects out) throws SQLException {
        Map<Long, List<Argument>> arguments = arguments(connection);
        Map<Long, Map<String, String>> aggregates = aggregates(connection, out);
        try (PreparedStatement st = query.prepare(connection, ROUTINES);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long oid = rs.getLong(15);
                String kindCode = rs.getString(3);
                String language = rs.getString(6);
                if (kindCode.equals("w")) {
                    out.unsupported("window function", 1);
                    continue;
                }
                if (kindCode.equals("a") && !aggregates.containsKey(oid)) {
                    continue; // counted by aggregates()
                }
                if (!kindCode.equals("a") && (language.equals("c") || language.equals("internal"))) {
                    out.unsupported("C function", 1);
                    continue;
                }
                if (rs.getBoolean(16)) {
                    out.unsupported("routine SET clause", 1);
                }
                ObjectKind kind =
                        switch (kindCode) {
                            case "p" -> ObjectKind.PROCEDURE;
                            case "a" -> ObjectKind.AGGREGATE;
                            default -> ObjectKind.FUNCTION;
                        };
                Map<String, String> options =
                        kind == ObjectKind.AGGREGATE ? new LinkedHashMap<>(aggregates.get(oid)) : options(rs);
                if (kind == ObjectKind.AGGREGATE && !rs.getString(13).equals("u")) {
                    options.put("parallel", parallel(rs.getString(13)));
                }
                String sqlBody = rs.getString(8);
                List<Argument> args = arguments.getOrDefault(oid, List.of());
                out.add(
                        rs.getString(1),
                        new Routine(
                                kind,
                                rs.getString(2),
                                // oidvectortypes spells user-defined types as format_type does: by the search_path.
                                kind == ObjectKind.AGGREGATE ? rs.getString(4) : RoutineSpec.signature(kind, args),
                                args,
                                // An aggregate's result follows from its state and final functions.
                                kind == ObjectKind.AGGREGATE ? Optional.empty() : Optional.ofNullable(result(rs)),
                                kind == ObjectKind.AGGREGATE ? "" : language,
                                kind == ObjectKind.AGGREGATE
                                        ? ""
                                        : sqlBody != null ? standardBody(sqlBody) : rs.getString(7),
                                options,
                                Optional.ofNullable(rs.getString(14)),
                                dependsOn(kind, rs.getString(1), options)));
            }
        }
    }

    private static Map<String, String> options(ResultSet rs) throws SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        String volatility = rs.getString(9);
        if (volatility.equals("i")) {
            options.put("volatility", "IMMUTABLE");
        } else if (volatility.equals("s")) {
            options.put("volatility", "STABLE");
        }
        if (rs.getBoolean(10)) {
            options.put("strict", "true");
        }
        if (rs.getBoolean(11)) {
            options.put("security", "DEFINER");
        }
        if (rs.getBoolean(12)) {
            options.put("leakproof", "true");
        }
        if (!rs.getString(13).equals("u")) {
            options.put("parallel", parallel(rs.getString(13)));
        }
        return options;
    }

    private static String parallel(String code) {
        return code.equals("s") ? "SAFE" : code.equals("r") ? "RESTRICTED" : "UNSAFE";
    }

    // pg_get_functiondef indents the header's attribute lines; the SQL-standard body starts at the first line that is
    // not indented (RETURN ... or BEGIN ATOMIC ... END).
    static String standardBody(String definition) {
        String[] lines = definition.split("\n", -1);
        StringBuilder body = new StringBuilder();
        boolean in = false;
        for (int i = 1; i < lines.length; i++) {
            if (!in && !lines[i].isEmpty() && !lines[i].startsWith(" ")) {
                in = true;
            }
            if (in) {
                body.append(lines[i]).append('\n');
            }
        }
        return body.toString().strip();
    }

    private static List<ObjectRef> dependsOn(ObjectKind kind, String schema, Map<String, String> options) {
        if (kind != ObjectKind.AGGREGATE) {
            return List.of();
        }
        List<ObjectRef> refs = new ArrayList<>();
        for (String option : List.of("state_func", "final_func", "combine_func")) {
            String value = options.get(option);
            if (value != null) {
                QualifiedName name = QualifiedName.parse(value);
                refs.add(new ObjectRef(ObjectKind.FUNCTION, name.schemaOr(schema), name.name()));
            }
        }
        return refs;
    }

    // The result as pg_get_function_result prints it, but a (SETOF) user-defined type qualified from the catalogue.
    private static @Nullable String result(ResultSet rs) throws SQLException {
        String printed = rs.getString(5);
        if (printed == null || printed.startsWith("TABLE(")) {
            return printed;
        }
        DomainQuery.UserType type = DomainQuery.UserType.of(
                rs.getString(18), rs.getString(19), rs.getString(20), printed, PostgresInspector.strings(rs, 21));
        if (!type.user()) {
            return printed;
        }
        return rs.getBoolean(17) ? "SETOF " + type.sql() : type.sql();
    }

    private Map<Long, List<Argument>> arguments(Connection connection) throws SQLException {
        Map<Long, List<Argument>> result = new HashMap<>();
        try (PreparedStatement st = query.prepare(connection, ARGUMENTS);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String mode = rs.getString(4);
                if ("t".equals(mode)) {
                    continue; // a column of RETURNS TABLE, which the result type spells
                }
                Optional<String> modeName =
                        switch (mode == null ? "i" : mode) {
                            case "o" -> Optional.of("OUT");
                            case "b" -> Optional.of("INOUT");
                            case "v" -> Optional.of("VARIADIC");
                            default -> Optional.empty();
                        };
                String name = rs.getString(2);
                DomainQuery.UserType user = DomainQuery.UserType.of(
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(3),
                        PostgresInspector.strings(rs, 9));
                String type = user.user() ? user.sql() : rs.getString(3);
                result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Argument(
                                name == null ? "" : name, type, modeName, Optional.ofNullable(rs.getString(5))));
            }
        }
        return result;
    }

    private Map<Long, Map<String, String>> aggregates(Connection connection, PostgresObjects out) throws SQLException {
        Map<Long, Map<String, String>> result = new HashMap<>();
        try (PreparedStatement st = query.prepare(connection, AGGREGATES);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                if (!rs.getString(2).equals("n") || rs.getBoolean(11)) {
                    // Ordered-set, hypothetical and moving aggregates, and those with serial or sort functions.
                    out.unsupported("special aggregate", 1);
                    continue;
                }
                Map<String, String> options = new LinkedHashMap<>();
                String own = rs.getString(12);
                options.put("state_type", rs.getString(5));
                options.put("state_func", QualifiedName.text(own, rs.getString(3), rs.getString(4)));
                if (rs.getString(7) != null) {
                    options.put("final_func", QualifiedName.text(own, rs.getString(6), rs.getString(7)));
                }
                if (rs.getString(9) != null) {
                    options.put("combine_func", QualifiedName.text(own, rs.getString(8), rs.getString(9)));
                }
                if (rs.getString(10) != null) {
                    options.put("initial_value", rs.getString(10));
                }
                result.put(rs.getLong(1), options);
            }
        }
        return result;
    }
}
