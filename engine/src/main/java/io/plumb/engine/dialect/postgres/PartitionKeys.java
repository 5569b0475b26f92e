package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code PartitionKeys} keeps a partition key with expressions, {@code partition { type = RANGE by { expr =
 * "lower(name)" } by { column = column.id } }}: the table option {@code partition_by} holds the parts in order, each
 * {@code c:NAME} or {@code e:EXPR}, joined by {@link #SEPARATOR}, next to the strategy in {@code partition}. A key of
 * plain columns stays in {@code partition_columns} ({@link Partition}). The shared table reader and writer know only
 * the plain form, so such blocks are taken out of the document before it reads the tables, and written by {@link
 * PostgresSpecDialect#extraTableBlocks}.
 */
final class PartitionKeys {

    /** The table option holding the parts of a key with expressions. */
    static final String BY = "partition_by";

    /** The separator of the parts in {@link #BY}. */
    static final String SEPARATOR = "\u001f";

    // While writing, the strategy of a key with expressions moves here, so that the plain block is not written.
    static final String WRITE_TYPE = "partition_by_type";

    private PartitionKeys() {}

    /**
     * Returns the parts of a {@code pg_get_partkeydef} text such as {@code RANGE (lower(name), id, ((y * 2)))}. An
     * expression part is kept as {@code pg_get_expr} prints it, as the reference keeps it: {@code
     * pg_get_partkeydef} adds a pair of parentheses around one that is not a function call, which is taken off
     * ({@code (y * 2)}), and no more.
     */
    static String fromCatalog(String keydef) {
        String inner = keydef.substring(keydef.indexOf('(') + 1, keydef.lastIndexOf(')'));
        List<String> parts = new ArrayList<>();
        for (String part : ChildTables.splitTopLevel(inner)) {
            String p = part.trim();
            boolean column = p.matches("[a-z_][a-z0-9_$]*") || p.matches("\"([^\"]|\"\")+\"");
            parts.add(
                    column
                            ? "c:"
                                    + (p.startsWith("\"")
                                            ? p.substring(1, p.length() - 1).replace("\"\"", "\"")
                                            : p)
                            : "e:" + PostgresExpressions.unwrapOnce(p));
        }
        return String.join(SEPARATOR, parts);
    }

    /** Returns the key's SQL between the parentheses of {@code PARTITION BY TYPE (...)}. */
    static String sql(String parts) {
        List<String> out = new ArrayList<>();
        for (String part : parts.split(SEPARATOR, -1)) {
            out.add(
                    part.startsWith("c:")
                            ? PostgresDdl.quote(part.substring(2))
                            : PostgresExpressions.wrap(part.substring(2)));
        }
        return String.join(", ", out);
    }

    /** Returns the document with {@code partition} blocks that have {@code by} blocks taken out, and reads those. */
    static Document strip(Document document, Map<Resource, Map<String, String>> read) {
        List<Resource> resources = new ArrayList<>();
        for (Resource resource : document.resources()) {
            List<Resource> children = new ArrayList<>();
            boolean changed = false;
            for (Resource child : resource.children()) {
                if (resource.type().equals("table")
                        && child.type().equals("partition")
                        && !child.children("by").isEmpty()) {
                    read.put(resource, options(child));
                    changed = true;
                } else {
                    children.add(child);
                }
            }
            resources.add(
                    changed
                            ? new Resource(
                                    resource.type(), resource.labels(), resource.attributes(), children, resource.pos())
                            : resource);
        }
        return new Document(resources);
    }

    private static Map<String, String> options(Resource block) {
        String owner = "partition block";
        ObjectBlock partition = ObjectBlock.nested(block, owner, java.util.Set.of("type"), java.util.Set.of("by"));
        String type = partition.keyword("type").orElseThrow(() -> partition.error("missing type"));
        List<String> parts = new ArrayList<>();
        for (Resource by : block.children("by")) {
            ObjectBlock part = ObjectBlock.nested(
                    by, "by block of " + owner, java.util.Set.of("column", "expr"), java.util.Set.of());
            if (part.attribute("column").isPresent() == part.attribute("expr").isPresent()) {
                throw part.error("expected one of column or expr");
            }
            if (part.attribute("column").isPresent()) {
                Attribute column = part.attribute("column").orElseThrow();
                List<String> path = part.ref(column, "column", 2);
                parts.add("c:" + path.get(1));
            } else {
                parts.add("e:" + part.string("expr").orElseThrow());
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put(Partition.TYPE, type);
        options.put(BY, String.join(SEPARATOR, parts));
        return options;
    }

    /** Returns the realm with the keys read from stripped blocks in the options of their tables. */
    static Realm attach(Realm realm, Map<Resource, Map<String, String>> read) {
        if (read.isEmpty()) {
            return realm;
        }
        Map<String, Map<String, String>> byName = new HashMap<>();
        read.forEach((resource, options) ->
                byName.put(resource.labels().get(resource.labels().size() - 1), options));
        List<Schema> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            schemas.add(schema.withTables(schema.tables().stream()
                    .map(t -> {
                        Map<String, String> key = byName.get(t.name());
                        if (key == null) {
                            return t;
                        }
                        Map<String, String> options = new LinkedHashMap<>(t.options());
                        options.putAll(key);
                        return ChildTableSpec.withOptions(t, options);
                    })
                    .toList()));
        }
        return realm.withSchemas(schemas);
    }

    /** Returns the table with its key's strategy moved where the plain partition block will not be written. */
    static Table forWriting(Table table) {
        if (!table.options().containsKey(BY)) {
            return table;
        }
        Map<String, String> options = new LinkedHashMap<>(table.options());
        options.put(WRITE_TYPE, options.remove(Partition.TYPE));
        return ChildTableSpec.withOptions(table, options);
    }

    /** Returns the {@code partition} block of a key with expressions, or nothing. */
    static List<HclItem> write(Table table) {
        String parts = table.options().get(BY);
        String type = table.options().get(WRITE_TYPE);
        if (parts == null || type == null) {
            return List.of();
        }
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("type", type.toUpperCase(Locale.ROOT)));
        for (String part : parts.split(SEPARATOR, -1)) {
            HclItem.Attr attr = part.startsWith("c:")
                    ? new HclItem.Attr("column", HclSyntax.ref(List.of("column", part.substring(2))))
                    : new HclItem.Attr("expr", HclSyntax.quote(part.substring(2)));
            body.add(new HclItem.Block("by", List.of(), List.of(attr)));
        }
        return List.of(new HclItem.Block("partition", List.of(), body));
    }
}
