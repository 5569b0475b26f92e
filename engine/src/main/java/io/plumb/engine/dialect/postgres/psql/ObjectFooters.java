package io.plumb.engine.dialect.postgres.psql;

import io.plumb.engine.dialect.postgres.psql.CatalogRows.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ObjectFooters} are the footers of psql's {@code \d} for the objects that hang on a table besides its
 * constraints: row-level policies, extended statistics, rules, publications, and triggers (which views have too).
 * Rules and triggers are grouped by how they fire, each group under its own heading.
 */
final class ObjectFooters {

    private static final String POLICIES = "SELECT p.polname, p.polpermissive::text, CASE WHEN p.polroles = '{0}'"
            + " THEN NULL ELSE pg_catalog.array_to_string(ARRAY(SELECT r.rolname FROM pg_catalog.pg_roles r"
            + " WHERE r.oid = ANY (p.polroles) ORDER BY 1), ',') END, pg_catalog.pg_get_expr(p.polqual, p.polrelid),"
            + " pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), CASE p.polcmd WHEN 'r' THEN 'SELECT'"
            + " WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' END"
            + " FROM pg_catalog.pg_policy p WHERE p.polrelid = %d ORDER BY 1";

    private static final String STATISTICS = "SELECT s.stxrelid::pg_catalog.regclass::text,"
            + " s.stxnamespace::pg_catalog.regnamespace::text AS nsp, s.stxname,"
            + " pg_catalog.pg_get_statisticsobjdef_columns(s.oid), ('d' = ANY (s.stxkind))::text,"
            + " ('f' = ANY (s.stxkind))::text, ('m' = ANY (s.stxkind))::text, s.stxstattarget"
            + " FROM pg_catalog.pg_statistic_ext s WHERE s.stxrelid = %d ORDER BY nsp, s.stxname";

    private static final String RULES = "SELECT r.rulename, pg_catalog.rtrim(pg_catalog.pg_get_ruledef(r.oid, true),"
            + " ';'), r.ev_enabled FROM pg_catalog.pg_rewrite r WHERE r.ev_class = %d ORDER BY 1";

    // From 15 a publication can take a whole schema, a row filter and a column list.
    private static final String PUBLICATIONS = "SELECT p.pubname, NULL, NULL FROM pg_catalog.pg_publication p"
            + " JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid JOIN pg_catalog.pg_class pc"
            + " ON pc.relnamespace = pn.pnnspid WHERE pc.oid = %d AND pg_catalog.pg_relation_is_publishable(%d)"
            + " UNION SELECT p.pubname, pg_catalog.pg_get_expr(pr.prqual, c.oid), CASE WHEN pr.prattrs IS NOT NULL"
            + " THEN (SELECT pg_catalog.string_agg(a.attname, ', ') FROM pg_catalog.generate_series(0,"
            + " pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s, pg_catalog.pg_attribute a"
            + " WHERE a.attrelid = pr.prrelid AND a.attnum = pr.prattrs[s]) END FROM pg_catalog.pg_publication p"
            + " JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid JOIN pg_catalog.pg_class c"
            + " ON c.oid = pr.prrelid WHERE pr.prrelid = %d UNION SELECT p.pubname, NULL, NULL"
            + " FROM pg_catalog.pg_publication p WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable(%d)"
            + " ORDER BY 1";

    private static final String PUBLICATIONS_14 = "SELECT p.pubname, NULL, NULL FROM pg_catalog.pg_publication p"
            + " JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid WHERE pr.prrelid = %d"
            + " UNION ALL SELECT p.pubname, NULL, NULL FROM pg_catalog.pg_publication p"
            + " WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable(%d) ORDER BY 1";

    // The topmost partitioned ancestor a partition's trigger was cloned from, matched by name.
    private static final String TRIGGERS = "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true),"
            + " t.tgenabled, t.tgisinternal::text, CASE WHEN t.tgparentid <> 0 THEN"
            + " (SELECT u.tgrelid::pg_catalog.regclass::text FROM pg_catalog.pg_trigger u,"
            + " pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)"
            + " WHERE u.tgname = t.tgname AND u.tgrelid = a.relid AND u.tgparentid = 0 ORDER BY a.depth LIMIT 1) END"
            + " FROM pg_catalog.pg_trigger t WHERE t.tgrelid = %d AND $SHOWN ORDER BY 1";

    private final CatalogRows catalog;
    private final int version;
    private final PsqlRelation relation;

    ObjectFooters(CatalogRows catalog, int version, PsqlRelation relation) {
        this.catalog = catalog;
        this.version = version;
        this.relation = relation;
    }

    /** Adds the footers of policies, statistics, rules and publications. */
    void addTo(List<String> out) throws SQLException {
        policies(out);
        statistics(out);
        if (relation.flags().hasRules() && relation.kind() != 'm') {
            grouped(out, catalog.query(RULES, relation.oid()), Group.RULES);
        }
        List<Row> publications = catalog.query(version >= 150000 ? PUBLICATIONS : PUBLICATIONS_14, relation.oid());
        if (!publications.isEmpty()) {
            out.add("Publications:");
        }
        for (Row row : publications) {
            String columns = row.get(2) == null ? "" : " (" + row.text(2) + ")";
            String filter = row.get(1) == null ? "" : " WHERE " + row.text(1);
            out.add("    \"" + row.text(0) + "\"" + columns + filter);
        }
    }

    /** Adds the footers of the user's triggers, and of internal ones that are disabled. */
    void triggers(List<String> out) throws SQLException {
        // Servers 11 to 14 mark the triggers a partition inherits as internal; they are shown all the same.
        String shown = version >= 110000 && version < 150000
                ? "(NOT t.tgisinternal OR t.tgenabled = 'D' OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
                        + " WHERE d.objid = t.oid AND d.refclassid = 'pg_catalog.pg_trigger'::pg_catalog.regclass))"
                : "(NOT t.tgisinternal OR t.tgenabled = 'D')";
        grouped(out, catalog.query(TRIGGERS.replace("$SHOWN", shown), relation.oid()), Group.TRIGGERS);
    }

    private void policies(List<String> out) throws SQLException {
        List<Row> policies = catalog.query(POLICIES, relation.oid());
        boolean enabled = relation.flags().rowSecurity();
        boolean forced = relation.flags().forceRowSecurity();
        if (enabled && !policies.isEmpty()) {
            out.add(forced ? "Policies (forced row security enabled):" : "Policies:");
        } else if (enabled) {
            out.add(
                    forced
                            ? "Policies (forced row security enabled): (none)"
                            : "Policies (row security enabled): (none)");
        } else if (!policies.isEmpty()) {
            out.add("Policies (row security disabled):");
        }
        for (Row row : policies) {
            StringBuilder line =
                    new StringBuilder("    POLICY \"").append(row.text(0)).append('"');
            if (!row.is(1)) {
                line.append(" AS RESTRICTIVE");
            }
            if (row.get(5) != null) {
                line.append(" FOR ").append(row.text(5));
            }
            if (row.get(2) != null) {
                line.append("\n      TO ").append(row.text(2));
            }
            if (row.get(3) != null) {
                line.append("\n      USING (").append(row.text(3)).append(')');
            }
            if (row.get(4) != null) {
                line.append("\n      WITH CHECK (").append(row.text(4)).append(')');
            }
            out.add(line.toString());
        }
    }

    private void statistics(List<String> out) throws SQLException {
        List<Row> statistics = catalog.query(STATISTICS, relation.oid());
        if (!statistics.isEmpty()) {
            out.add("Statistics objects:");
        }
        for (Row row : statistics) {
            List<String> kinds = new ArrayList<>();
            if (row.is(4)) {
                kinds.add("ndistinct");
            }
            if (row.is(5)) {
                kinds.add("dependencies");
            }
            if (row.is(6)) {
                kinds.add("mcv");
            }
            // No kinds means statistics on one expression; all three is what CREATE STATISTICS gives by default.
            String shown = kinds.isEmpty() || kinds.size() == 3 ? "" : " (" + String.join(", ", kinds) + ")";
            String target = row.get(7) == null || row.text(7).equals("-1") ? "" : "; STATISTICS " + row.text(7);
            out.add("    \"" + row.text(1) + "." + row.text(2) + "\"" + shown + " ON " + row.text(3) + " FROM "
                    + row.text(0) + target);
        }
    }

    /** How rules and triggers are grouped by their enabled state, each group under a heading. */
    private enum Group {
        RULES,
        TRIGGERS
    }

    private static void grouped(List<String> out, List<Row> rows, Group group) {
        List<String> headings = group == Group.RULES
                ? List.of("Rules:", "Disabled rules:", "", "Rules firing always:", "Rules firing on replica only:")
                : List.of(
                        "Triggers:",
                        "Disabled user triggers:",
                        "Disabled internal triggers:",
                        "Triggers firing always:",
                        "Triggers firing on replica only:");
        for (int category = 0; category < headings.size(); category++) {
            boolean heading = false;
            for (Row row : rows) {
                if (category(row, group) != category) {
                    continue;
                }
                if (!heading) {
                    out.add(headings.get(category));
                    heading = true;
                }
                out.add("    " + definition(row, group));
            }
        }
    }

    private static int category(Row row, Group group) {
        char enabled = row.text(2).isEmpty() ? 'O' : row.text(2).charAt(0);
        return switch (enabled) {
            case 'O', 't' -> 0;
            case 'D', 'f' -> group == Group.TRIGGERS && row.is(3) ? 2 : 1;
            case 'A' -> 3;
            case 'R' -> 4;
            default -> -1;
        };
    }

    private static String definition(Row row, Group group) {
        String definition = row.text(1);
        if (group == Group.RULES) {
            // What follows "CREATE RULE ".
            return definition.length() > 12 ? definition.substring(12) : definition;
        }
        int trigger = definition.indexOf(" TRIGGER ");
        String shown = trigger >= 0 ? definition.substring(trigger + 9) : definition;
        return row.get(4) == null ? shown : shown + ", ON TABLE " + row.text(4);
    }
}
