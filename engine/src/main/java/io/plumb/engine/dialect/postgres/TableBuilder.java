package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code TableBuilder} collects one table's parts as the inspector's queries return them. */
final class TableBuilder {

    private final String schema;
    private final String name;
    private final Optional<String> comment;
    private final List<Column> columns = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private Optional<PrimaryKey> primaryKey = Optional.empty();

    TableBuilder(String schema, String name, Optional<String> comment) {
        this.schema = schema;
        this.name = name;
        this.comment = comment;
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    List<Column> columns() {
        return columns;
    }

    List<Index> indexes() {
        return indexes;
    }

    List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    List<Check> checks() {
        return checks;
    }

    Map<String, String> options() {
        return options;
    }

    void primaryKey(PrimaryKey key) {
        primaryKey = Optional.of(key);
    }

    Table build() {
        return new Table(name, columns, primaryKey, indexes, foreignKeys, checks, comment, options);
    }
}
