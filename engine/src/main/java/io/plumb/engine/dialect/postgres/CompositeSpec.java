package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.CompositeType;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code CompositeSpec} reads and writes {@code composite "address" { schema = schema.public field "city" { type
 * = text } comment = "..." }}: a field has only a {@code type}, which may name an enum, domain or other composite
 * type ({@code type = domain.zip}).
 */
final class CompositeSpec {

    private CompositeSpec() {}

    /** Returns a field of a composite type: a nullable column with only a name and a type. */
    static Column field(String name, ColumnType type) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }

    static TypeObjectSpec.Read read(Resource resource, Set<String> schemas, PostgresSpecDialect dialect) {
        ObjectBlock block = ObjectBlock.of(resource, Set.of("schema", "comment"), Set.of("field"));
        String schema = block.schema(schemas);
        List<Column> fields = new ArrayList<>();
        List<ObjectRef> dependsOn = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource child : resource.children("field")) {
            if (child.labels().size() != 1) {
                throw block.error(
                        "field block: expected 1 label, found " + child.labels().size());
            }
            String name = child.labels().get(0);
            String owner = "field \"" + name + "\" of " + block.owner();
            ObjectBlock field = ObjectBlock.nested(child, owner, Set.of("type"), Set.of());
            if (!seen.add(name)) {
                throw field.error("declared twice");
            }
            ColumnType type = TypeObjectSpec.type(field, dialect, dependsOn);
            fields.add(field(name, type));
        }
        if (fields.isEmpty()) {
            throw block.error("expected at least one field");
        }
        return new TypeObjectSpec.Read(
                schema, new CompositeType(block.name(), fields, block.string("comment"), dependsOn));
    }

    static HclItem.Block write(String schema, CompositeType type, PostgresSpecDialect dialect) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("schema", HclSyntax.ref(List.of("schema", schema))));
        type.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        for (Column field : type.fields()) {
            body.add(new HclItem.Block(
                    "field",
                    List.of(field.name()),
                    List.of(new HclItem.Attr("type", dialect.writeType(field.type())))));
        }
        return new HclItem.Block("composite", List.of(type.name()), body);
    }
}
