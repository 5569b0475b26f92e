package io.plumb.engine.dialect.postgres;

import java.util.List;

/**
 * {@code PostgresPrivileges} holds the counts of {@link PostgresUnsupported} for privileges, which the model does not
 * hold: what {@code GRANT}, {@code REVOKE} and {@code ALTER DEFAULT PRIVILEGES} made of the access control lists of the
 * inspected schemas, their tables, views and sequences, columns, routines and types, and the default privileges for
 * those schemas. An object whose list is its owner's implicit default ({@code acldefault}, which a {@code NULL} list
 * stands for) or the one the server gave it at initdb ({@code pg_init_privs}: the {@code public} schema's, with its
 * owner of then read as its owner of now) has nothing counted. Otherwise each role, or {@code PUBLIC}, whose privileges
 * on the object differ from that default counts once: {@code GRANT SELECT, INSERT ON t TO a} is one table privilege,
 * and so is {@code REVOKE ALL ON FUNCTION f FROM PUBLIC}, which takes away one of the defaults.
 */
final class PostgresPrivileges {

    // pg_class kinds whose privileges are a table's (information_schema.table_privileges lists views too).
    private static final String TABLES = "('r', 'p', 'v', 'm', 'f')";

    /** The kinds counted over the inspected schemas. */
    static final List<PostgresUnsupported.Kind> KINDS = List.of(
            new PostgresUnsupported.Kind(
                    "schema privilege",
                    "SELECT count(*) FROM pg_namespace o"
                            + changed("o.nspacl", "o.nspowner", "'n'", "pg_namespace", "o.oid", "0")
                            + " WHERE o.nspacl IS NOT NULL AND o.oid IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_namespace", "o.oid")),
            new PostgresUnsupported.Kind("table privilege", relations(TABLES, "'r'")),
            new PostgresUnsupported.Kind("sequence privilege", relations("('S')", "'s'")),
            new PostgresUnsupported.Kind(
                    "column privilege",
                    "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                            + changed("a.attacl", "c.relowner", "'c'", "pg_class", "c.oid", "a.attnum")
                            + " WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped"
                            + " AND c.relkind IN " + TABLES + " AND c.relnamespace IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_class", "c.oid")),
            new PostgresUnsupported.Kind(
                    "routine privilege",
                    "SELECT count(*) FROM pg_proc o"
                            + changed("o.proacl", "o.proowner", "'f'", "pg_proc", "o.oid", "0")
                            + " WHERE o.proacl IS NOT NULL AND o.pronamespace IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_proc", "o.oid")),
            new PostgresUnsupported.Kind(
                    "type privilege",
                    "SELECT count(*) FROM pg_type o"
                            + changed("o.typacl", "o.typowner", "'T'", "pg_type", "o.oid", "0")
                            + " WHERE o.typacl IS NOT NULL AND o.typnamespace IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_type", "o.oid")),
            // Default privileges for a schema only add to the database-wide ones: every entry counts.
            new PostgresUnsupported.Kind(
                    "default privilege",
                    "SELECT count(*) FROM pg_default_acl o"
                            + " CROSS JOIN LATERAL (SELECT DISTINCT d.grantee FROM aclexplode(o.defaclacl) d) g"
                            + " WHERE o.defaclnamespace IN (SELECT oid FROM ns)"));

    /**
     * The kinds counted only when the whole database is inspected: the default privileges of a role in every schema
     * ({@code ALTER DEFAULT PRIVILEGES} without {@code IN SCHEMA}), which replace the built-in defaults.
     */
    static final List<PostgresUnsupported.Kind> DATABASE_KINDS = List.of(new PostgresUnsupported.Kind(
            "default privilege",
            "SELECT count(*) FROM pg_default_acl o"
                    // pg_default_acl says S for sequences, where acldefault says s (S is a foreign server there).
                    + differing(
                            "o.defaclacl",
                            "o.defaclrole",
                            "acldefault(CASE o.defaclobjtype WHEN 'S' THEN 's' ELSE o.defaclobjtype END::\"char\","
                                    + " o.defaclrole)",
                            "o.defaclrole")
                    + " WHERE o.defaclnamespace = 0"));

    private PostgresPrivileges() {}

    private static String relations(String relkinds, String aclKind) {
        return "SELECT count(*) FROM pg_class c"
                + changed("c.relacl", "c.relowner", aclKind, "pg_class", "c.oid", "0")
                + " WHERE c.relacl IS NOT NULL AND c.relkind IN " + relkinds
                + " AND c.relnamespace IN (SELECT oid FROM ns)" + PostgresUnsupported.notMember("pg_class", "c.oid");
    }

    /*
     * The differing grantees of an object's list against its default: the list initdb or its extension gave it, if
     * the server recorded one (pg_init_privs), else its owner's implicit one (acldefault). The recorded list names
     * the owner of then, its entries' grantor, where a new owner (ALTER SCHEMA public OWNER TO app) has its own
     * name in the list now: each side's owner stands for the owner.
     */
    private static String changed(String acl, String owner, String aclKind, String catalog, String oid, String subId) {
        String initial = "(SELECT i.initprivs FROM pg_init_privs i WHERE i.classoid = '" + catalog + "'::regclass"
                + " AND i.objoid = " + oid + " AND i.objsubid = " + subId + ")";
        return " CROSS JOIN LATERAL (SELECT " + initial + " AS acl) ip"
                + differing(
                        acl,
                        owner,
                        "coalesce(ip.acl, acldefault(" + aclKind + ", " + owner + "))",
                        "coalesce((SELECT x.grantor FROM aclexplode(ip.acl) x LIMIT 1), " + owner + ")");
    }

    // One row per grantee whose entries in the list differ from those of the default list, either way: granted
    // beyond it or revoked from it. The lists are compared as sets, as their order carries no meaning, with each
    // side's owner as NULL, as grantor and as grantee.
    private static String differing(String acl, String owner, String defaultAcl, String defaultOwner) {
        String now = entries(acl, owner);
        String then = entries(defaultAcl, defaultOwner);
        return " CROSS JOIN LATERAL (SELECT DISTINCT d.grantee FROM ((" + now + " EXCEPT " + then + ") UNION ALL ("
                + then + " EXCEPT " + now + ")) d) g";
    }

    private static String entries(String acl, String owner) {
        return "SELECT nullif(e.grantor, " + owner + ") AS grantor, nullif(e.grantee, " + owner + ") AS grantee,"
                + " e.privilege_type, e.is_grantable FROM aclexplode(" + acl + ") e";
    }
}
