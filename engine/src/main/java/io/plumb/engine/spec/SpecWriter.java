package io.plumb.engine.spec;

import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SpecWriter} writes a realm in the HCL schema language, byte for byte as the reference tool's {@code
 * schema inspect} does: tables in realm order, then the schema blocks, each body's attributes before its blocks.
 */
public final class SpecWriter {

    private final SpecDialect dialect;

    /** Creates a writer for the given dialect. */
    public SpecWriter(SpecDialect dialect) {
        this.dialect = dialect;
    }

    /** Returns the realm as HCL text, ending with a newline. */
    public String write(Realm realm) {
        return write(realm, List.of());
    }

    /**
     * Returns the realm as HCL text with dialect blocks (such as PostgreSQL's {@code enum} blocks) between the tables
     * and the schemas, where the reference tool writes them.
     *
     * @param blocks the printed dialect blocks, each ending with a newline
     */
    public String write(Realm realm, List<String> blocks) {
        Set<String> qualified = duplicateTableNames(realm);
        List<HclItem> items = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            for (Table table : schema.tables()) {
                items.add(new TableWriter(dialect, schema.name(), table, qualified).block());
            }
        }
        List<HclItem> schemas = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            schemas.add(schemaBlock(schema));
        }
        return HclPrinter.print(items) + String.join("", blocks) + HclPrinter.print(schemas);
    }

    /**
     * Returns the {@code index} blocks of a relation's indexes as a table block holds them, for a dialect whose other
     * relations have indexes too (PostgreSQL's materialized views).
     */
    public List<HclItem> indexBlocks(String schema, Table table) {
        return new TableWriter(dialect, schema, table, Set.of())
                .block().body().stream()
                        .filter(i -> i instanceof HclItem.Block b && b.type().equals("index"))
                        .toList();
    }

    private HclItem schemaBlock(Schema schema) {
        Map<String, String> core = new HashMap<>();
        schema.comment().ifPresent(c -> core.put(SpecAttribute.COMMENT, HclSyntax.quote(c)));
        List<HclItem> body = extras(dialect.schemaAttributes(), schema.options(), core);
        return new HclItem.Block("schema", List.of(schema.name()), body);
    }

    // A table is written with its schema as a qualifier label when another schema has a table of the same name.
    private static Set<String> duplicateTableNames(Realm realm) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        for (Schema schema : realm.schemas()) {
            schema.tables().stream()
                    .map(Table::name)
                    .distinct()
                    .filter(name -> !seen.add(name))
                    .forEach(duplicates::add);
        }
        return duplicates;
    }

    /**
     * Returns the attributes a dialect adds to a block, in the dialect's order: those backed by the model come from
     * {@code core} (already rendered), the others from the block's options, rendered by their kind.
     */
    static List<HclItem> extras(List<SpecAttribute> specs, Map<String, String> options, Map<String, String> core) {
        List<HclItem> items = new ArrayList<>();
        for (SpecAttribute spec : specs) {
            String expression =
                    core.containsKey(spec.name()) ? core.get(spec.name()) : option(spec, options.get(spec.name()));
            if (expression != null) {
                items.add(new HclItem.Attr(spec.name(), expression));
            }
        }
        return items;
    }

    private static @Nullable String option(SpecAttribute spec, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (spec.kind()) {
            case STRING -> HclSyntax.quote(value);
            case FLAG -> value.equals("true") ? "true" : null;
            case BOOL, NUMBER, IDENT -> value;
            case SQL_IDENT -> value.matches("[A-Za-z_][A-Za-z0-9_$]*") ? value : HclSyntax.sql(value);
            case COLUMNS -> HclSyntax.list(List.of(value.split(",")).stream()
                    .map(c -> HclSyntax.ref(List.of("column", c)))
                    .toList());
        };
    }
}
