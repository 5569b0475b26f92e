package io.plumb.engine.spec;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ViewSpec} reads and writes {@code view} blocks (and, with {@code materialized = true}, the {@code
 * materialized} blocks of a dialect that has them) in every dialect:
 *
 * <pre>
 * view "active_users" {
 *   schema = schema.main
 *   column "id" {
 *     null = true
 *     type = integer
 *   }
 *   as         = &lt;&lt;-SQL
 *   SELECT id FROM users WHERE active
 *   SQL
 *   depends_on = [table.users]
 * }
 * </pre>
 *
 * <p>The order written is {@code schema}, {@code comment}, the columns, {@code as}, the dialect's options (such as
 * {@code check_option}), then {@code depends_on}. Columns are what the database derives from the query: they are
 * read and written, never compared.
 */
public final class ViewSpec {

    private final SpecDialect dialect;
    private final List<SpecAttribute> options;

    /**
     * Creates the spec of a dialect.
     *
     * @param options the dialect's own view attributes, in the order they are written
     */
    public ViewSpec(SpecDialect dialect, List<SpecAttribute> options) {
        this.dialect = dialect;
        this.options = List.copyOf(options);
    }

    /**
     * Returns the views of a document's blocks of the given kind, by schema, in declaration order.
     *
     * @throws HclException at the offending block or attribute
     */
    public Map<String, List<View>> read(Document document, ObjectKind kind) {
        Set<String> schemas = ObjectSpecs.schemas(document);
        Map<String, List<View>> views = new LinkedHashMap<>();
        Set<List<String>> seen = new HashSet<>();
        for (Resource resource : document.resources(kind.block())) {
            String name = ObjectSpecs.name(resource);
            String owner = kind.label() + " \"" + name + "\"";
            String schema = ObjectSpecs.schemaOf(resource, owner, schemas);
            if (!seen.add(List.of(schema, name))) {
                throw new HclException(resource.pos(), owner + ": declared twice in schema \"" + schema + "\"");
            }
            views.computeIfAbsent(schema, s -> new ArrayList<>()).add(read(resource, kind, schema, owner));
        }
        return views;
    }

    private View read(Resource resource, ObjectKind kind, String schema, String owner) {
        SpecBlock block = SpecBlock.of(
                resource, owner, SpecBlock.names(options, "schema", "as", "comment", "depends_on"), Set.of("column"));
        List<Column> columns = new ArrayList<>();
        for (Resource child : block.blocks("column")) {
            columns.add(column(child, owner));
        }
        return new View(
                resource.labels().get(0),
                kind == ObjectKind.MATERIALIZED_VIEW,
                columns,
                ObjectSpecs.requiredSql(block, "as"),
                List.of(),
                block.string("comment"),
                ObjectSpecs.dependsOn(block, schema),
                block.options(options));
    }

    private Column column(Resource resource, String view) {
        String name = SpecBlock.label(resource, view);
        String owner = "column \"" + name + "\" of " + view;
        SpecBlock block = SpecBlock.of(resource, owner, Set.of("type", "null", "comment"), Set.of());
        boolean nullable = block.attribute("null").map(block::bool).orElse(true);
        return new Column(
                name,
                dialect.readType(block.required("type"), owner),
                nullable,
                Optional.empty(),
                Optional.empty(),
                false,
                block.string("comment"),
                Map.of());
    }

    /** Returns the block of a view of the given schema. */
    public HclItem write(String schema, View view) {
        List<HclItem> body = new ArrayList<>();
        body.add(ObjectSpecs.schemaAttr(schema));
        view.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        for (Column column : view.columns()) {
            List<HclItem> columnBody = new ArrayList<>();
            columnBody.add(new HclItem.Attr("null", Boolean.toString(column.nullable())));
            columnBody.add(new HclItem.Attr("type", dialect.writeType(column.type())));
            column.comment().ifPresent(c -> columnBody.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
            body.add(new HclItem.Block("column", List.of(column.name()), columnBody));
        }
        body.add(new HclItem.Attr("as", ObjectSpecs.sqlText(view.query())));
        body.addAll(SpecWriter.extras(options, view.options(), Map.of()));
        ObjectSpecs.dependsOn(view.dependsOn(), schema).ifPresent(body::add);
        return new HclItem.Block(view.kind().block(), List.of(view.name()), body);
    }
}
