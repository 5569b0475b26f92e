package io.plumb.engine.dialect.mysql;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecDialect;
import io.plumb.engine.spec.TypeSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code MysqlSpecDialect} is MySQL's and MariaDB's part of the HCL schema language: their type names, {@code
 * charset} and {@code collate} on schemas, tables and columns, table {@code engine} and {@code auto_increment},
 * column {@code unsigned} and {@code on_update}, index {@code type}, {@code parser} and per-part {@code prefix},
 * primary-key {@code type} and check {@code enforced}.
 */
final class MysqlSpecDialect implements SpecDialect {

    static final String CHARSET = "charset";
    static final String COLLATE = "collate";
    static final String ENGINE = "engine";
    static final String UNSIGNED = "unsigned";
    static final String ON_UPDATE = "on_update";
    static final String TYPE = "type";
    static final String PREFIX = "prefix";
    static final String PARSER = "parser";
    static final String ENFORCED = "enforced";

    private static final Set<String> STRING_TYPES =
            Set.of("varchar", "char", "text", "tinytext", "mediumtext", "longtext", "enum", "set", "json");

    private final MysqlFlavour flavour;

    MysqlSpecDialect(MysqlFlavour flavour) {
        this.flavour = flavour;
    }

    @Override
    public ReferenceAction defaultAction() {
        return ReferenceAction.RESTRICT;
    }

    @Override
    public String name() {
        return flavour == MysqlFlavour.MARIADB ? "mariadb" : "mysql";
    }

    // Any name is a database.
    @Override
    public void checkSchema(String name, Pos pos) {}

    @Override
    public ColumnType readType(Attribute type, String owner) {
        return TypeSpec.read(type, owner, MysqlTypes.NAMES);
    }

    @Override
    public boolean isStringType(ColumnType type) {
        if (type instanceof ColumnType.Named named) {
            return STRING_TYPES.contains(named.name());
        }
        return type.sql().toLowerCase(Locale.ROOT).contains("char");
    }

    @Override
    public List<String> generatedKinds() {
        return flavour == MysqlFlavour.MARIADB
                ? List.of("VIRTUAL", "STORED", "PERSISTENT")
                : List.of("VIRTUAL", "STORED");
    }

    @Override
    public String defaultGeneratedKind() {
        return "VIRTUAL";
    }

    @Override
    public boolean namesPrimaryKey() {
        return false;
    }

    @Override
    public List<SpecAttribute> schemaAttributes() {
        return List.of(SpecAttribute.string(CHARSET), SpecAttribute.string(COLLATE), SpecAttribute.string("comment"));
    }

    @Override
    public List<SpecAttribute> tableAttributes() {
        return List.of(
                SpecAttribute.string(CHARSET),
                SpecAttribute.string(COLLATE),
                new SpecAttribute(ENGINE, SpecAttribute.Kind.IDENT),
                new SpecAttribute(SpecAttribute.AUTO_INCREMENT, SpecAttribute.Kind.NUMBER),
                SpecAttribute.string(SpecAttribute.COMMENT));
    }

    // on_update is written sql("...") in HCL; MysqlSchemaSpec turns it into a string around the shared reader.
    @Override
    public List<SpecAttribute> columnAttributes() {
        return List.of(
                SpecAttribute.flag(UNSIGNED),
                SpecAttribute.flag(SpecAttribute.AUTO_INCREMENT),
                SpecAttribute.string(ON_UPDATE),
                SpecAttribute.string(CHARSET),
                SpecAttribute.string(COLLATE),
                SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> indexAttributes() {
        return List.of(
                new SpecAttribute(TYPE, SpecAttribute.Kind.IDENT),
                new SpecAttribute(PARSER, SpecAttribute.Kind.IDENT),
                SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> primaryKeyAttributes() {
        return List.of(new SpecAttribute(TYPE, SpecAttribute.Kind.IDENT));
    }

    @Override
    public List<SpecAttribute> checkAttributes() {
        return List.of(new SpecAttribute(ENFORCED, SpecAttribute.Kind.BOOL));
    }

    @Override
    public Set<String> documentBlocks() {
        return MysqlObjectReader.BLOCKS;
    }

    @Override
    public List<SpecAttribute> indexPartAttributes() {
        return List.of(new SpecAttribute(PREFIX, SpecAttribute.Kind.NUMBER));
    }
}
