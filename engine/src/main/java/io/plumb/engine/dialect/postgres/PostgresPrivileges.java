package io.plumb.engine.dialect.postgres;

import java.util.List;

/**
 * {@code PostgresPrivileges} holds the counts of {@link PostgresUnsupported} for privileges, which the model does not
 * hold: what {@code GRANT}, {@code REVOKE} and {@code ALTER DEFAULT PRIVILEGES} made of the access control lists of
 * the inspected schemas, their tables, views and sequences, columns, routines and types, and the default privileges
 * for those schemas. An object whose list is its owner's implicit default ({@code acldefault}, which a {@code NULL}
 * list stands for) or the one the server gave it at initdb ({@code pg_init_privs}: the {@code public} schema's) has
 * nothing counted. Otherwise each role, or {@code PUBLIC}, whose privileges on the object differ from that default
 * counts once: {@code GRANT SELECT, INSERT ON t TO a} is one table privilege, and so is {@code REVOKE ALL ON FUNCTION
 * f FROM PUBLIC}, which takes away one of the defaults.
 */
final class PostgresPrivileges {

    // pg_class kinds whose privileges are a table's (information_schema.table_privileges lists views too).
    private static final String TABLES = "('r', 'p', 'v', 'm', 'f')";

    /** The kinds counted over the inspected schemas. */
    static final List<PostgresUnsupported.Kind> KINDS = List.of(
            new PostgresUnsupported.Kind(
                    "schema privilege",
                    "SELECT count(*) FROM pg_namespace o"
                            + differing(
                                    "o.nspacl", initial("pg_namespace", "o.oid", "0", "acldefault('n', o.nspowner)"))
                            + " WHERE o.nspacl IS NOT NULL AND o.oid IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_namespace", "o.oid")),
            new PostgresUnsupported.Kind("table privilege", relations(TABLES, "'r'")),
            new PostgresUnsupported.Kind("sequence privilege", relations("('S')", "'s'")),
            new PostgresUnsupported.Kind(
                    "column privilege",
                    "SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                            + differing(
                                    "a.attacl", initial("pg_class", "c.oid", "a.attnum", "acldefault('c', c.relowner)"))
                            + " WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped"
                            + " AND c.relkind IN " + TABLES + " AND c.relnamespace IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_class", "c.oid")),
            new PostgresUnsupported.Kind(
                    "routine privilege",
                    "SELECT count(*) FROM pg_proc o"
                            + differing("o.proacl", initial("pg_proc", "o.oid", "0", "acldefault('f', o.proowner)"))
                            + " WHERE o.proacl IS NOT NULL AND o.pronamespace IN (SELECT oid FROM ns)"
                            + PostgresUnsupported.notMember("pg_proc", "o.oid")),
            new PostgresUnsupported.Kind(
                    "type privilege",
                    "SELECT count(*) FROM pg_type o"
                            + differing("o.typacl", initial("pg_type", "o.oid", "0", "acldefault('T', o.typowner)"))
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
                            "acldefault(CASE o.defaclobjtype WHEN 'S' THEN 's' ELSE o.defaclobjtype END::\"char\","
                                    + " o.defaclrole)")
                    + " WHERE o.defaclnamespace = 0"));

    private PostgresPrivileges() {}

    private static String relations(String relkinds, String aclKind) {
        return "SELECT count(*) FROM pg_class c"
                + differing("c.relacl", initial("pg_class", "c.oid", "0", "acldefault(" + aclKind + ", c.relowner)"))
                + " WHERE c.relacl IS NOT NULL AND c.relkind IN " + relkinds
                + " AND c.relnamespace IN (SELECT oid FROM ns)" + PostgresUnsupported.notMember("pg_class", "c.oid");
    }

    // One row per grantee whose entries in the list differ from those of the default list, either way: granted
    // beyond it or revoked from it. The lists are compared as sets, as their order carries no meaning.
    private static String differing(String acl, String defaultAcl) {
        return " CROSS JOIN LATERAL (SELECT DISTINCT d.grantee FROM ((SELECT * FROM aclexplode(" + acl + ")"
                + " EXCEPT SELECT * FROM aclexplode(" + defaultAcl + ")) UNION ALL (SELECT * FROM aclexplode("
                + defaultAcl + ") EXCEPT SELECT * FROM aclexplode(" + acl + "))) d) g";
    }

    // The list an object had from initdb or its extension, if the server recorded one, else its owner's default.
    private static String initial(String catalog, String oid, String subId, String ownerDefault) {
        return "coalesce((SELECT i.initprivs FROM pg_init_privs i WHERE i.classoid = '" + catalog + "'::regclass"
                + " AND i.objoid = " + oid + " AND i.objsubid = " + subId + "), " + ownerDefault + ")";
    }
}
