package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.schema.ColumnType;
import java.util.List;
import java.util.Set;

/** A hypothetical dialect with several schemas, named keys and attributes of every kind, to test the core. */
final class MultiSchemaDialect implements SpecDialect {

    @Override
    public String name() {
        return "multi";
    }

    @Override
    public void checkSchema(String name, Pos pos) {}

    @Override
    public ColumnType readType(Attribute type, String owner) {
        return TypeSpec.read(type, owner, Set.of("int", "text", "enum"));
    }

    @Override
    public boolean isStringType(ColumnType type) {
        return type.sql().equals("text");
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
        return List.of(SpecAttribute.string("charset"), SpecAttribute.string(SpecAttribute.COMMENT));
    }

    @Override
    public List<SpecAttribute> tableAttributes() {
        return List.of(
                SpecAttribute.string(SpecAttribute.COMMENT),
                new SpecAttribute("engine", SpecAttribute.Kind.IDENT),
                new SpecAttribute("auto_increment", SpecAttribute.Kind.NUMBER));
    }

    @Override
    public List<SpecAttribute> columnAttributes() {
        return List.of(
                SpecAttribute.string(SpecAttribute.COMMENT),
                new SpecAttribute("unsigned", SpecAttribute.Kind.BOOL),
                SpecAttribute.flag(SpecAttribute.AUTO_INCREMENT));
    }

    @Override
    public List<SpecAttribute> indexAttributes() {
        return List.of(new SpecAttribute("type", SpecAttribute.Kind.IDENT), SpecAttribute.string(SpecAttribute.WHERE));
    }

    @Override
    public List<SpecAttribute> indexPartAttributes() {
        return List.of(new SpecAttribute("prefix", SpecAttribute.Kind.NUMBER));
    }
}
