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
            new PostgresUnsupported.Kind("schema privilege", owned("pg_namespace", "nsp", "'n'", "o.oid", "")),
            new PostgresUnsupported.Kind(
                    "table privilege",
                    owned("pg_class", "rel", "'r'", "o.relnamespace", " AND o.relkind IN " + TABLES)),
            new PostgresUnsupported.Kind(
                    "sequence privilege", owned("pg_class", "rel", "'s'", "o.relnamespace", " AND o.relkind = 'S'")),
            new PostgresUnsupported.Kind(
                    "column privilege",
                    "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                            + changed("a.attacl", "c.relowner", "'c'", "pg_class", "c.oid", "a.attnum")
                            + " WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped"
                            + " AND c.relkind IN " + TABLES + " AND c.relnamespace IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_class", "c.oid")),
            new PostgresUnsupported.Kind("routine privilege", owned("pg_proc", "pro", "'f'", "o.pronamespace", "")),
            new PostgresUnsupported.Kind("type privilege", owned("pg_type", "typ", "'T'", "o.typnamespace", "")),
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

    /**
     * Counts the objects of a catalog in the inspected schemas whose list differs from its default, once per grantee:
     * its columns are named {@code PREFIXacl} and {@code PREFIXowner}, {@code namespace} is the column holding its
     * schema, and {@code filter} narrows the objects further ({@code AND ...}, or empty).
     */
    private static String owned(String catalog, String prefix, String aclKind, String namespace, String filter) {
        String acl = "o." + prefix + "acl";
        return "SELECT count(*) FROM " + catalog + " o"
                + changed(acl, "o." + prefix + "owner", aclKind, catalog, "o.oid", "0")
                + " WHERE " + acl + " IS NOT NULL" + filter + " AND " + namespace + " IN (SELECT oid FROM ns)"
                + PostgresUnsupported.notMember(catalog, "o.oid");
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
