package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.spec.HclSyntax;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecBlock;
import io.plumb.engine.spec.SpecDialect;
import io.plumb.engine.spec.SpecNestedBlock;
import io.plumb.engine.spec.TypeSpec;
import java.util.List;
import java.util.Set;

/**
 * The {@code PostgresSpecDialect} is PostgreSQL's part of the HCL schema language: its type names and the enum types
 * of the document ({@code type = enum.status}), any number of schemas, {@code STORED} generated columns, {@code
 * identity} blocks and {@code collate} on columns, named primary keys with {@code include} columns, {@code unique}
 * constraint blocks with {@code comment}, {@code nulls_distinct} and {@code include} (and the index attributes a
 * constraint cannot have, refused where they are written), {@code partition} blocks on tables, the {@code
 * type}, {@code include} and {@code nulls_distinct} index attributes, and {@code ops}, {@code nulls_first} and
 * {@code nulls_last} on index parts.
 */
final class PostgresSpecDialect implements SpecDialect {

    /** The index option naming the access method ({@code HASH}, {@code GIN}); absent for {@code BTREE}. */
    static final String TYPE = "type";

    /** The index option listing covering columns, kept as comma-separated column names. */
    static final String INCLUDE = "include";

    /** A table check's {@code NO INHERIT} flag: the check holds for the table and not for its children. */
    static final String NO_INHERIT = "no_inherit";

    /** The index option that is {@code "false"} when NULLs are not distinct (PostgreSQL 15). */
    static final String NULLS_DISTINCT = "nulls_distinct";

    /**
     * The index option holding a BRIN index's {@code pages_per_range} storage parameter, under the reference's HCL
     * name.
     */
    static final String PAGE_PER_RANGE = "page_per_range";

    /** The column option holding a collation that is not the type's default. */
    static final String COLLATE = "collate";

    /** The index part option naming an operator class that is not the default one. */
    static final String OPS = "ops";

    /** The index part option that is {@code "true"} when an ascending part sorts NULLs first. */
    static final String NULLS_FIRST = "nulls_first";

    /** The index part option that is {@code "true"} when a descending part sorts NULLs last. */
    static final String NULLS_LAST = "nulls_last";

    private final PostgresEnums enums;

    /** Creates the dialect for a document or realm with the given enum types. */
    PostgresSpecDialect(PostgresEnums enums) {
        this.enums = enums;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void checkSchema(String name, Pos pos) {
        // Every schema name is valid on PostgreSQL.
    }

    @Override
    public boolean supportsDeferrableKeys() {
        return true;
    }

    @Override
    public ColumnType readType(Attribute type, String owner) {
        if (type.value() instanceof Value.Ref ref
                && ref.path().size() == 2
                && ref.path().get(0).equals("enum")) {
            String name = ref.path().get(1);
            return enums.type(name)
                    .orElseThrow(() -> new HclException(type.pos(), owner + ": enum \"" + name + "\" not found"));
        }
        if (type.value() instanceof Value.Ref ref
                && ref.path().size() == 2
                && Set.of("domain", "composite").contains(ref.path().get(0))) {
            String kind = ref.path().get(0);
            String name = ref.path().get(1);
            return enums.userType(kind, name)
                    .orElseThrow(
                            () -> new HclException(type.pos(), owner + ": " + kind + " \"" + name + "\" not found"));
        }
        ColumnType read = TypeSpec.read(type, owner, PostgresTypes.NAMES);
        if (read instanceof ColumnType.Raw raw) {
            // An array of an enum, domain or composite type is kept qualified: sql("status[]").
            return enums.array(raw.sql()).orElse(read);
        }
        // An interval restricted to fields (second(1)) is the SQL type interval second(1).
        return read instanceof ColumnType.Named named && PostgresTypes.INTERVAL_FIELDS.contains(named.name())
                ? PostgresTypes.canonical(read)
                : read;
    }

    @Override
    public String writeType(ColumnType type) {
        return enums.ref(type)
                .map(HclSyntax::ref)
                .or(() -> enums.arrayText(type).map(HclSyntax::sql))
                .orElseGet(() -> HclSyntax.type(PostgresTypes.hclType(type)));
    }

    /** Writes an array of a type of another schema than the table's qualified: {@code sql("other.mood[]")}. */
    @Override
    public String writeType(ColumnType type, String schema) {
        return enums.arrayText(type, schema).map(HclSyntax::sql).orElseGet(() -> writeType(type));
    }

    @Override
    public boolean isStringType(ColumnType type) {
        return PostgresTypes.isString(type);
    }

    @Override
    public List<String> generatedKinds() {
        return List.of("STORED");
    }

    @Override
    public String defaultGeneratedKind() {
        return "STORED";
    }

    @Override
    public boolean namesPrimaryKey() {
        return true;
    }

    @Override
    public List<SpecAttribute> schemaAttributes() {
        return List.of(SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> tableAttributes() {
        // Parents are table references, which ChildTableSpec reads and renders as the HCL text written here.
        return List.of(
                new SpecAttribute(ChildTables.PARTITION_OF, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(ChildTables.BOUND),
                new SpecAttribute(ChildTables.INHERITS, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> columnAttributes() {
        return List.of(SpecAttribute.string(COLLATE), SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecNestedBlock> columnBlocks() {
        return List.of(new SpecNestedBlock(
                Identity.GENERATED,
                new SpecAttribute("generated", SpecAttribute.Kind.IDENT),
                "BY_DEFAULT",
                List.of(
                        new SpecAttribute("start", SpecAttribute.Kind.NUMBER),
                        new SpecAttribute("increment", SpecAttribute.Kind.NUMBER))));
    }

    @Override
    public List<SpecNestedBlock> tableBlocks() {
        return List.of(
                new SpecNestedBlock(
                        Partition.TYPE,
                        new SpecAttribute("type", SpecAttribute.Kind.IDENT),
                        "",
                        List.of(new SpecAttribute("columns", SpecAttribute.Kind.COLUMNS))),
                new SpecNestedBlock(
                        RowSecurity.ENABLED,
                        new SpecAttribute("enabled", SpecAttribute.Kind.BOOL),
                        "false",
                        List.of(new SpecAttribute("enforced", SpecAttribute.Kind.BOOL))));
    }

    @Override
    public List<io.plumb.engine.spec.HclItem> extraTableBlocks(io.plumb.engine.schema.Table table) {
        return PartitionKeys.write(table);
    }

    @Override
    public boolean uniqueConstraints() {
        return true;
    }

    @Override
    public List<SpecAttribute> checkAttributes() {
        return List.of(SpecAttribute.flag(NO_INHERIT));
    }

    @Override
    public boolean exclusionConstraints() {
        return true;
    }

    // IndexSpecCheck requires an operator on every part of an exclude block, and refuses one anywhere else.
    @Override
    public List<SpecAttribute> excludeAttributes() {
        return List.of(
                new SpecAttribute(TYPE, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(SpecAttribute.WHERE),
                new SpecAttribute(INCLUDE, SpecAttribute.Kind.COLUMNS),
                SpecAttribute.string(SpecAttribute.COMMENT));
    }

    // The attributes of an index block, in the reference's order for unique blocks; IndexSpecCheck refuses those a
    // UNIQUE constraint cannot have (a method other than BTREE, where, page_per_range) at the attribute.
    @Override
    public List<SpecAttribute> uniqueAttributes() {
        return List.of(
                SpecAttribute.string(SpecAttribute.COMMENT),
                new SpecAttribute(TYPE, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(SpecAttribute.WHERE),
                new SpecAttribute(NULLS_DISTINCT, SpecAttribute.Kind.BOOL),
                new SpecAttribute(INCLUDE, SpecAttribute.Kind.COLUMNS),
                new SpecAttribute(PAGE_PER_RANGE, SpecAttribute.Kind.NUMBER));
    }

    @Override
    public void checkIndex(SpecBlock block, Index index) {
        IndexSpecCheck.index(block, index);
    }

    @Override
    public void checkPrimaryKey(SpecBlock block, PrimaryKey key) {
        IndexSpecCheck.primaryKey(block, key);
    }

    @Override
    public List<SpecAttribute> primaryKeyAttributes() {
        return List.of(new SpecAttribute(INCLUDE, SpecAttribute.Kind.COLUMNS));
    }

    @Override
    public Set<String> documentBlocks() {
        return Set.of(
                "enum",
                "sequence",
                "domain",
                "composite",
                "extension",
                "policy",
                "view",
                "materialized",
                "function",
                "procedure",
                "aggregate",
                "trigger",
                "event_trigger");
    }

    @Override
    public List<SpecAttribute> indexAttributes() {
        return List.of(
                new SpecAttribute(TYPE, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(SpecAttribute.COMMENT),
                SpecAttribute.string(SpecAttribute.WHERE),
                new SpecAttribute(INCLUDE, SpecAttribute.Kind.COLUMNS),
                new SpecAttribute(NULLS_DISTINCT, SpecAttribute.Kind.BOOL),
                new SpecAttribute(PAGE_PER_RANGE, SpecAttribute.Kind.NUMBER));
    }

    @Override
    public List<SpecAttribute> indexPartAttributes() {
        return List.of(
                SpecAttribute.flag(NULLS_FIRST),
                SpecAttribute.flag(NULLS_LAST),
                new SpecAttribute(OPS, SpecAttribute.Kind.SQL_IDENT),
                SpecAttribute.string(SpecAttribute.OP));
    }
}
