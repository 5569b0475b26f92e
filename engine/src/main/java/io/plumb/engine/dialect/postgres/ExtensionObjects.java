package io.plumb.engine.dialect.postgres;

import static io.plumb.engine.dialect.postgres.PostgresDdl.quote;
import static io.plumb.engine.dialect.postgres.PostgresPlanner.change;

import io.plumb.engine.hcl.Resource;
import io.plumb.engine.plan.PlannedChange;
import io.plumb.engine.schema.Extension;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ExtensionObjects} inspects, reads, writes and plans PostgreSQL extensions: {@code extension "pgcrypto" {
 * schema = schema.public version = "1.3" comment = "..." }}. An extension belongs to the database; it is inspected
 * when its schema is one of the inspected schemas. Its comment is the extension's own and is not compared, and a
 * desired extension without a version accepts any. The objects an extension creates are its own, never the
 * schema's: every query of the inspector leaves out extension members.
 */
final class ExtensionObjects {

    private static final String SQL = "SELECT e.extname, n.nspname, e.extversion,"
            + " obj_description(e.oid, 'pg_extension') FROM pg_extension e"
            + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE $FILTER ORDER BY e.extname";

    private ExtensionObjects() {}

    static List<SchemaObject> inspect(Connection connection, CatalogQuery query) throws SQLException {
        List<SchemaObject> extensions = new ArrayList<>();
        try (PreparedStatement st = query.prepare(connection, SQL);
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                extensions.add(new Extension(
                        rs.getString(1),
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4))));
            }
        }
        return extensions;
    }

    static Extension read(Resource resource, Set<String> schemas) {
        ObjectBlock block = ObjectBlock.of(resource, Set.of("schema", "version", "comment"), Set.of());
        return new Extension(block.name(), block.schema(schemas), block.string("version"), block.string("comment"));
    }

    static HclItem.Block write(Extension extension) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("schema", HclSyntax.ref(List.of("schema", extension.schema()))));
        extension.version().ifPresent(v -> body.add(new HclItem.Attr("version", HclSyntax.quote(v))));
        extension.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        return new HclItem.Block("extension", List.of(extension.name()), body);
    }

    /** Returns whether two extensions are the same: name, schema, and the version if the desired one pins it. */
    static boolean same(Extension from, Extension to) {
        return from.name().equals(to.name())
                && from.schema().equals(to.schema())
                && (to.version().isEmpty() || to.version().equals(from.version()));
    }

    static List<PlannedChange> create(PostgresDdl ddl, Extension extension) {
        StringBuilder sql = new StringBuilder("CREATE EXTENSION IF NOT EXISTS ").append(quote(extension.name()));
        if (ddl.qualified()) {
            sql.append(" SCHEMA ").append(quote(extension.schema()));
        }
        extension.version().ifPresent(v -> sql.append(" VERSION ").append(PostgresDdl.literal(v)));
        return List.of(change("create extension \"" + extension.name() + "\"", sql.toString()));
    }

    static List<PlannedChange> drop(Extension extension) {
        return List.of(
                change("drop extension \"" + extension.name() + "\"", "DROP EXTENSION " + quote(extension.name())));
    }

    static List<PlannedChange> replace(PostgresDdl ddl, Extension from, Extension to) {
        List<PlannedChange> out = new ArrayList<>();
        String what = "modify extension \"" + to.name() + "\"";
        if (to.version().isPresent() && !to.version().equals(from.version())) {
            out.add(change(
                    what,
                    "ALTER EXTENSION " + quote(to.name()) + " UPDATE TO "
                            + PostgresDdl.literal(to.version().get())));
        }
        if (ddl.qualified() && !from.schema().equals(to.schema())) {
            out.add(change(what, "ALTER EXTENSION " + quote(to.name()) + " SET SCHEMA " + quote(to.schema())));
        }
        return out;
    }
}
