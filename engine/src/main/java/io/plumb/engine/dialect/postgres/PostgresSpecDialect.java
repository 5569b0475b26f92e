package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecDialect;
import io.plumb.engine.spec.TypeSpec;
import java.util.List;

/**
 * The {@code PostgresSpecDialect} is PostgreSQL's part of the HCL schema language: its type names, any number of
 * schemas, {@code STORED} generated columns, named primary keys, and the {@code type}, {@code include} and {@code
 * nulls_distinct} index attributes.
 */
final class PostgresSpecDialect implements SpecDialect {

    /** The index option naming the access method ({@code HASH}, {@code GIN}); absent for {@code BTREE}. */
    static final String TYPE = "type";

    /** The index option listing covering columns, kept as comma-separated column names. */
    static final String INCLUDE = "include";

    /** The index option that is {@code "false"} when NULLs are not distinct (PostgreSQL 15). */
    static final String NULLS_DISTINCT = "nulls_distinct";

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void checkSchema(String name, Pos pos) {
        // Every schema name is valid on PostgreSQL.
    }

    @Override
    public ColumnType readType(Attribute type, String owner) {
        return TypeSpec.read(type, owner, PostgresTypes.NAMES);
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
        return List.of(SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> columnAttributes() {
        return List.of(SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> indexAttributes() {
        return List.of(
                new SpecAttribute(TYPE, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(SpecAttribute.COMMENT),
                SpecAttribute.string(SpecAttribute.WHERE),
                new SpecAttribute(NULLS_DISTINCT, SpecAttribute.Kind.BOOL));
    }
}
