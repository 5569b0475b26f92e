package io.plumb.engine.dialect.postgres;

import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code PostgresEnums} is how the model keeps PostgreSQL enum types, which it has no field for: schema options
 * {@code enum.NAME} holding the values as SQL literals ({@code 'a', 'b'}), so that a changed enum is a changed
 * schema. A column of an enum type has the raw type {@code "schema"."name"}. An instance is the enums of one realm
 * or document, by name.
 */
final class PostgresEnums {

    /** The prefix of the schema options that hold enum types. */
    static final String PREFIX = Schema.ENUM_OPTION;

    private final Map<String, ColumnType> types = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    // Domains and composite types, which columns name the same way: kind + "." + name, and their types' refs.
    private final Map<String, ColumnType> others = new LinkedHashMap<>();
    private final Map<String, List<String>> otherRefs = new LinkedHashMap<>();
    // Every enum, domain and composite type by bare name (the first of a name wins), and by its qualified SQL.
    private final Map<String, ColumnType> byName = new LinkedHashMap<>();
    private final Map<String, ColumnType> bySql = new LinkedHashMap<>();

    /** Returns no enums. */
    static PostgresEnums none() {
        return new PostgresEnums();
    }

    /** Returns the enums of a realm's schemas. */
    static PostgresEnums of(Realm realm) {
        PostgresEnums enums = new PostgresEnums();
        for (Schema schema : realm.schemas()) {
            values(schema).keySet().forEach(name -> enums.add(schema.name(), name));
            for (io.plumb.engine.schema.SchemaObject object : schema.objects()) {
                if (object instanceof io.plumb.engine.schema.Domain
                        || object instanceof io.plumb.engine.schema.CompositeType) {
                    enums.add(object.kind().block(), schema.name(), object.name());
                }
            }
        }
        return enums;
    }

    /** Registers an enum type; the first of two enums of one name in different schemas is the one names find. */
    void add(String schema, String name) {
        ColumnType type = type(schema, name);
        types.putIfAbsent(name, type);
        names.putIfAbsent(type.sql(), name);
        byName.putIfAbsent(name, type);
        bySql.putIfAbsent(type.sql(), type);
    }

    /**
     * Registers a domain or composite type ({@code kind} is its HCL block, {@code domain} or {@code composite}), which
     * columns name as {@code type = domain.NAME}.
     */
    void add(String kind, String schema, String name) {
        ColumnType type = type(schema, name);
        others.putIfAbsent(kind + "." + name, type);
        otherRefs.putIfAbsent(type.sql(), List.of(kind, name));
        byName.putIfAbsent(name, type);
        bySql.putIfAbsent(type.sql(), type);
    }

    /**
     * Returns the model's type of an array of a registered enum, domain or composite type as HCL spells it ({@code
     * status[]}, {@code app.status[][]}): {@code "app"."status"[]}. A bare name is the type of that name (the first
     * registered, when schemas share it); a bare name of no registered type (int[]) is empty, and stays as written.
     */
    Optional<ColumnType> array(String sql) {
        return UserTypeArrays.parse(sql)
                .flatMap(e -> Optional.ofNullable(
                        e.schema().isPresent() ? qualified(e.schema().get(), e.name()) : byName.get(e.name())))
                .map(t -> new ColumnType.Raw(t.sql() + "[]"));
    }

    // A qualified element is the type of that schema and name, declared here or not (a type of a schema the desired
    // state leaves to the database), except PostgreSQL's own (pg_catalog.int4[] is integer[]).
    private @Nullable ColumnType qualified(String schema, String name) {
        ColumnType type = type(schema, name);
        return bySql.containsKey(type.sql()) || !schema.startsWith("pg_") && !schema.equals("information_schema")
                ? type
                : null;
    }

    /**
     * Returns the HCL text of an array of an enum, domain or composite type as the model keeps it ({@code
     * "app"."status"[]}): {@code status[]} when the bare name reads back as this type, {@code app.status[]}
     * otherwise (also for a type not registered, such as one of a kind left out).
     */
    Optional<String> arrayText(ColumnType type) {
        return UserTypeArrays.ofModel(type.sql()).map(e -> {
            ColumnType element = type(e.schema().orElseThrow(), e.name());
            return element.equals(byName.get(e.name()))
                    ? UserTypeArrays.hcl(Optional.empty(), e.name())
                    : UserTypeArrays.hcl(e.schema(), e.name());
        });
    }

    /**
     * Returns the HCL text of an array type as {@link #arrayText(ColumnType)} does, for a column of a table of the
     * given schema: qualified also when the element is of another schema, as a connection bound to the table's
     * schema prints it.
     */
    Optional<String> arrayText(ColumnType type, String schema) {
        return UserTypeArrays.ofModel(type.sql())
                .map(e -> e.schema().orElseThrow().equals(schema)
                        ? arrayText(type).orElseThrow()
                        : UserTypeArrays.hcl(e.schema(), e.name()));
    }

    /** Returns the column type of the domain or composite type with the given name, if there is one. */
    Optional<ColumnType> userType(String kind, String name) {
        return Optional.ofNullable(others.get(kind + "." + name));
    }

    /** Returns the reference path ({@code enum.NAME}, {@code domain.NAME}) of a type, if it is a registered one. */
    Optional<List<String>> ref(ColumnType type) {
        Optional<String> name = name(type);
        if (name.isPresent()) {
            return Optional.of(List.of("enum", name.get()));
        }
        return type instanceof ColumnType.Raw raw ? Optional.ofNullable(otherRefs.get(raw.sql())) : Optional.empty();
    }

    /** Returns the column type of the enum with the given name, if there is one. */
    Optional<ColumnType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Returns the name of the enum a column type is, if it is one. */
    Optional<String> name(ColumnType type) {
        return type instanceof ColumnType.Raw raw ? Optional.ofNullable(names.get(raw.sql())) : Optional.empty();
    }

    /** Returns the column type of an enum: its qualified name. */
    static ColumnType type(String schema, String name) {
        return new ColumnType.Raw(PostgresDdl.quote(schema) + "." + PostgresDdl.quote(name));
    }

    /** Returns the enums of a schema, by name in option order, with their values. */
    static Map<String, List<String>> values(Schema schema) {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        schema.options().forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                enums.put(key.substring(PREFIX.length()), decode(value));
            }
        });
        return enums;
    }

    /** Returns the option value of an enum's values. */
    static String encode(List<String> values) {
        return String.join(", ", values.stream().map(PostgresDdl::literal).toList());
    }

    private static List<String> decode(String literals) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < literals.length(); i++) {
            char c = literals.charAt(i);
            if (!inside) {
                inside = c == '\'';
                continue;
            }
            if (c == '\'' && i + 1 < literals.length() && literals.charAt(i + 1) == '\'') {
                current.append('\'');
                i++;
            } else if (c == '\'') {
                values.add(current.toString());
                current.setLength(0);
                inside = false;
            } else {
                current.append(c);
            }
        }
        return values;
    }
}
