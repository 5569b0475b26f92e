package io.plumb.engine.dialect.sqlite;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Pos;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.spec.SpecAttribute;
import io.plumb.engine.spec.SpecDialect;
import io.plumb.engine.spec.TypeSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code SqliteSpecDialect} is SQLite's part of the HCL schema language: its type names, its single {@code
 * main} schema, {@code without_rowid} and {@code strict} tables, {@code auto_increment} columns and partial
 * indexes.
 */
final class SqliteSpecDialect implements SpecDialect {

    @Override
    public Set<String> documentBlocks() {
        return Set.of("view", "trigger");
    }

    /** The only schema SQLite supports (attached databases are not schemas of the file). */
    static final String MAIN = "main";

    // The reference tool's SQLite type registry as HCL spells it: multi-word names with underscores.
    private static final Set<String> TYPES =
            SqliteTypes.NAMES.stream().map(name -> name.replace(' ', '_')).collect(Collectors.toUnmodifiableSet());

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public void checkSchema(String name, Pos pos) {
        if (!name.equals(MAIN)) {
            throw new HclException(pos, "schema \"" + name + "\": sqlite supports only the \"main\" schema");
        }
    }

    @Override
    public ColumnType readType(Attribute type, String owner) {
        return TypeSpec.read(type, owner, TYPES);
    }

    // SQLite's type affinity rule: a declared type containing CHAR, CLOB or TEXT has TEXT affinity.
    @Override
    public boolean isStringType(ColumnType type) {
        String sql = type.sql().toLowerCase(Locale.ROOT);
        return sql.contains("char") || sql.contains("clob") || sql.contains("text");
    }

    @Override
    public List<String> generatedKinds() {
        return List.of("VIRTUAL", "STORED");
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
        return List.of(SpecAttribute.string(SpecAttribute.COMMENT));
    }

    // The reference tool's specutil adds the comment before the SQLite attributes (FromTable, FromColumn, FromIndex
    // run first), so comment leads each list.
    @Override
    public List<SpecAttribute> tableAttributes() {
        return List.of(
                SpecAttribute.string(SpecAttribute.COMMENT),
                SpecAttribute.flag("without_rowid"),
                SpecAttribute.flag("strict"));
    }

    @Override
    public List<SpecAttribute> columnAttributes() {
        return List.of(SpecAttribute.string(SpecAttribute.COMMENT), SpecAttribute.flag(SpecAttribute.AUTO_INCREMENT));
    }

    @Override
    public List<SpecAttribute> indexAttributes() {
        return List.of(SpecAttribute.string(SpecAttribute.COMMENT), SpecAttribute.string(SpecAttribute.WHERE));
    }
}
