package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.View;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecDialect;
import io.plumb.engine.spec.SpecReader;
import io.plumb.engine.spec.SpecWriter;
import io.plumb.engine.spec.ViewSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code PostgresViewSpec} reads and writes PostgreSQL's {@code view} and {@code materialized} blocks through
 * the shared {@link ViewSpec}, with the {@code check_option}, {@code security_barrier} and {@code security_invoker}
 * attributes, and a materialized view's {@code index} blocks, which are read and written as a table's are (after
 * the view's other attributes).
 */
final class PostgresViewSpec {

    private static final List<SpecAttribute> OPTIONS = List.of(
            new SpecAttribute("check_option", SpecAttribute.Kind.IDENT),
            SpecAttribute.flag("security_barrier"),
            SpecAttribute.flag("security_invoker"));

    private final SpecDialect dialect;
    private final ViewSpec views;

    PostgresViewSpec(SpecDialect dialect) {
        this.dialect = dialect;
        this.views = new ViewSpec(dialect, OPTIONS);
    }

    /** Returns the views and materialized views of a document, by schema, views first. */
    Map<String, List<SchemaObject>> read(Document document, Map<String, List<SchemaObject>> out) {
        views.read(document, ObjectKind.VIEW)
                .forEach((schema, list) -> out.computeIfAbsent(schema, s -> new ArrayList<>())
                        .addAll(list.stream().map(PostgresViewSpec::normalize).toList()));
        // The shared spec knows no index blocks: they are read apart, as the indexes of a table of the view's columns.
        List<Resource> resources = new ArrayList<>(document.resources("schema"));
        List<Resource> indexTables = new ArrayList<>();
        for (Resource resource : document.resources(ObjectKind.MATERIALIZED_VIEW.block())) {
            List<Resource> kept = resource.children().stream()
                    .filter(c -> !c.type().equals("index"))
                    .toList();
            resources.add(
                    new Resource(resource.type(), resource.labels(), resource.attributes(), kept, resource.pos()));
            List<Attribute> schema = resource.attribute("schema").stream().toList();
            indexTables.add(new Resource("table", resource.labels(), schema, resource.children(), resource.pos()));
        }
        Map<String, List<View>> materialized = views.read(new Document(resources), ObjectKind.MATERIALIZED_VIEW);
        List<Resource> schemas = new ArrayList<>(document.resources("schema"));
        schemas.addAll(indexTables);
        Realm tables = new SpecReader(dialect).read(new Document(schemas));
        materialized.forEach((schema, list) -> {
            for (View view : list) {
                List<Index> indexes = tables
                        .schema(schema)
                        .flatMap(s -> s.table(view.name()))
                        .map(Table::indexes)
                        .orElse(List.of())
                        .stream()
                        .map(PostgresSchemaSpec::normalize)
                        .toList();
                out.computeIfAbsent(schema, s -> new ArrayList<>())
                        .add(normalize(new View(
                                view.name(),
                                true,
                                view.columns(),
                                view.query(),
                                indexes,
                                view.comment(),
                                view.dependsOn(),
                                view.options())));
            }
        });
        return out;
    }

    // The query as the inspector keeps it; check_option upper-case.
    private static View normalize(View view) {
        Map<String, String> options = new java.util.LinkedHashMap<>(view.options());
        options.computeIfPresent("check_option", (k, v) -> v.toUpperCase(java.util.Locale.ROOT));
        return new View(
                view.name(),
                view.materialized(),
                view.columns(),
                ViewQuery.query(view.query()),
                view.indexes(),
                view.comment(),
                view.dependsOn(),
                options);
    }

    /** Returns the block of a view or materialized view. */
    HclItem write(String schema, View view) {
        HclItem.Block block = (HclItem.Block) views.write(schema, view);
        if (view.indexes().isEmpty()) {
            return block;
        }
        List<HclItem> body = new ArrayList<>(block.body());
        Table table = new Table(
                view.name(),
                view.columns(),
                Optional.empty(),
                view.indexes(),
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of());
        body.addAll(new SpecWriter(dialect).indexBlocks(schema, table));
        return new HclItem.Block(block.type(), block.labels(), body);
    }
}
