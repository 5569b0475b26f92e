package io.plumb.engine.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PostgresUnsupported} counts what the inspected schemas hold that the model does not: rules, foreign tables,
 * range and base types, operators, text search objects, collations and the like, so that an inspection never leaves
 * them out without a word ({@link io.plumb.engine.schema.Realm#unsupported()}). Objects that belong to an extension are
 * the extension's and are not counted. Privileges are counted too ({@link PostgresPrivileges}). Each kind is one entry
 * of {@link #KINDS}: when the model learns a kind, its entry goes.
 */
final class PostgresUnsupported {

    /**
     * One kind that is counted.
     *
     * @param label the kind as the warning names it, singular
     * @param sql a query of one count over the schemas of the CTE {@code ns} (their oids)
     */
    record Kind(String label, String sql) {}

    // Built-in objects have oids below FirstNormalObjectId (16384); user objects of database-level catalogues are
    // told apart by it.
    private static final String USER = " >= 16384";

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "rule",
                    "SELECT count(*) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class"
                            + " WHERE r.rulename <> '_RETURN' AND c.relnamespace IN (SELECT oid FROM ns)"
                            + notMember("pg_rewrite", "r.oid")),
            new Kind("foreign table", relations("'f'")),
            new Kind("unlogged table", relations("'r', 'p'") + " AND c.relpersistence = 'u'"),
            // A DEFERRABLE primary key or unique constraint is kept, without the clause: it would be created checked
            // at once. A foreign key's deferral is modelled.
            new Kind(
                    "DEFERRABLE clause",
                    "SELECT count(*) FROM pg_constraint x WHERE x.condeferrable AND x.contype NOT IN ('t', 'f')"
                            + " AND x.connamespace IN (SELECT oid FROM ns) AND x.conparentid = 0"),
            new Kind("range type", types("'r'")),
            new Kind("base type", types("'b'") + " AND t.typcategory <> 'A'"),
            new Kind("shell type", types("'p'")),
            new Kind(
                    "cast",
                    "SELECT count(*) FROM pg_cast k WHERE k.oid" + USER
                            + " AND (k.castsource IN (SELECT oid FROM pg_type WHERE typnamespace IN (SELECT oid FROM ns))"
                            + " OR k.casttarget IN (SELECT oid FROM pg_type WHERE typnamespace IN (SELECT oid FROM ns)))"
                            + notMember("pg_cast", "k.oid")
                            // A multirange type's cast from its range type comes with the range type.
                            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass"
                            + " AND i.objid = k.oid AND i.deptype = 'i')"),
            new Kind("operator", inSchemas("pg_operator", "oprnamespace")),
            new Kind("operator class", inSchemas("pg_opclass", "opcnamespace")),
            new Kind("operator family", inSchemas("pg_opfamily", "opfnamespace")),
            new Kind("text search configuration", inSchemas("pg_ts_config", "cfgnamespace")),
            new Kind("text search dictionary", inSchemas("pg_ts_dict", "dictnamespace")),
            new Kind("text search parser", inSchemas("pg_ts_parser", "prsnamespace")),
            new Kind("text search template", inSchemas("pg_ts_template", "tmplnamespace")),
            new Kind("collation", inSchemas("pg_collation", "collnamespace")),
            new Kind("conversion", inSchemas("pg_conversion", "connamespace")),
            new Kind("statistics object", inSchemas("pg_statistic_ext", "stxnamespace")));

    // Database-level kinds, counted only when the whole database is inspected.
    private static final List<Kind> DATABASE_KINDS = List.of(
            new Kind("publication", "SELECT count(*) FROM pg_publication"),
            new Kind(
                    "subscription",
                    "SELECT count(*) FROM pg_subscription WHERE subdbid ="
                            + " (SELECT oid FROM pg_database WHERE datname = current_database())"),
            new Kind(
                    "foreign server",
                    "SELECT count(*) FROM pg_foreign_server s WHERE true" + notMember("pg_foreign_server", "s.oid")),
            new Kind(
                    "foreign-data wrapper",
                    "SELECT count(*) FROM pg_foreign_data_wrapper w WHERE true"
                            + notMember("pg_foreign_data_wrapper", "w.oid")),
            new Kind(
                    "procedural language",
                    "SELECT count(*) FROM pg_language l WHERE l.oid" + USER + notMember("pg_language", "l.oid")));

    private PostgresUnsupported() {}

    /**
     * Returns the counts of the unsupported kinds the schemas hold, by label; kinds none of which exist are left
     * out.
     */
    static Map<String, Integer> count(Connection connection, CatalogQuery query) throws SQLException {
        Map<String, Integer> counts = countAll(connection, query);
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    /** Returns the counts of every unsupported kind the schemas can hold, by label, zero counts included. */
    static Map<String, Integer> countAll(Connection connection, CatalogQuery query) throws SQLException {
        List<Kind> kinds = new java.util.ArrayList<>(KINDS);
        kinds.addAll(PostgresPrivileges.KINDS);
        if (query.schemas().isEmpty()) {
            kinds.addAll(DATABASE_KINDS);
            kinds.addAll(PostgresPrivileges.DATABASE_KINDS);
        }
        StringBuilder sql = new StringBuilder("WITH ns AS (SELECT n.oid FROM pg_namespace n WHERE $FILTER) SELECT ");
        for (int i = 0; i < kinds.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append('(')
                    .append(kinds.get(i).sql())
                    .append(')');
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PreparedStatement st = query.prepare(connection, sql.toString());
                ResultSet rs = st.executeQuery()) {
            rs.next();
            for (int i = 0; i < kinds.size(); i++) {
                // A label may stand for several counts (default privileges for a schema and for all).
                counts.merge(kinds.get(i).label(), rs.getInt(i + 1), Integer::sum);
            }
        }
        return counts;
    }

    /** Returns the condition that the object of a catalogue is not a member of an extension. */
    static String notMember(String catalog, String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass"
                + " AND e.objid = " + oid + " AND e.deptype = 'e')";
    }

    private static String inSchemas(String catalog, String namespace) {
        return "SELECT count(*) FROM " + catalog + " o WHERE o." + namespace + " IN (SELECT oid FROM ns)"
                + notMember(catalog, "o.oid");
    }

    private static String relations(String kinds) {
        return "SELECT count(*) FROM pg_class c WHERE c.relkind IN (" + kinds + ")"
                + " AND c.relnamespace IN (SELECT oid FROM ns)" + notMember("pg_class", "c.oid");
    }

    private static String types(String kinds) {
        return "SELECT count(*) FROM pg_type t WHERE t.typtype IN (" + kinds + ")"
                + " AND t.typnamespace IN (SELECT oid FROM ns)" + notMember("pg_type", "t.oid");
    }
}
