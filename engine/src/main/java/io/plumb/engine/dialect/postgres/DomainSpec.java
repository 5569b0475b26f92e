package io.plumb.engine.dialect.postgres;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.DefaultValue;
import io.plumb.engine.schema.Domain;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.spec.HclItem;
import io.plumb.engine.spec.HclSyntax;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code DomainSpec} reads and writes {@code domain "zip" { schema = schema.public type = text null = false
 * default = "00000" check "zip_format" { expr = "VALUE ~ '^[0-9]{5}$'" } comment = "..." }}. Inspection always
 * writes {@code null}, as on columns; a default is written as a string, number or bool when it is a literal, else
 * as {@code sql("...")}.
 */
final class DomainSpec {

    private DomainSpec() {}

    static TypeObjectSpec.Read read(Resource resource, Set<String> schemas, PostgresSpecDialect dialect) {
        ObjectBlock block =
                ObjectBlock.of(resource, Set.of("schema", "type", "null", "default", "comment"), Set.of("check"));
        String schema = block.schema(schemas);
        List<ObjectRef> dependsOn = new ArrayList<>();
        ColumnType type = TypeObjectSpec.type(block, dialect, dependsOn);
        Optional<String> defaultValue = block.attribute("default").map(a -> defaultValue(block, a));
        List<Check> checks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Resource child : resource.children("check")) {
            String name = child.labels().isEmpty() ? "" : child.labels().get(0);
            String owner = "check \"" + name + "\" of " + block.owner();
            ObjectBlock check = ObjectBlock.nested(child, owner, Set.of("expr"), Set.of());
            if (!name.isEmpty() && !names.add(name)) {
                throw check.error("declared twice");
            }
            String expr = check.string("expr").orElseThrow(() -> check.error("missing expr"));
            checks.add(Check.of(name, expr));
        }
        checks.sort(java.util.Comparator.comparing(Check::name));
        return new TypeObjectSpec.Read(
                schema,
                new Domain(
                        block.name(),
                        type.sql(),
                        block.bool("null").orElse(true),
                        defaultValue,
                        checks,
                        block.string("comment"),
                        dependsOn));
    }

    private static String defaultValue(ObjectBlock block, Attribute attribute) {
        Value value = attribute.value();
        if (value instanceof Value.Str str) {
            return PostgresDdl.literal(str.value());
        } else if (value instanceof Value.Num num) {
            return num.value().toPlainString();
        } else if (value instanceof Value.Bool bool) {
            return Boolean.toString(bool.value());
        } else if (value instanceof Value.RawSql raw) {
            return raw.sql();
        }
        throw block.expected(attribute, "a string, number, bool or sql(\"...\")");
    }

    static HclItem.Block write(String schema, Domain domain, PostgresSpecDialect dialect) {
        List<HclItem> body = new ArrayList<>();
        body.add(new HclItem.Attr("schema", HclSyntax.ref(List.of("schema", schema))));
        ColumnType type = TypeObjectSpec.columnType(domain.type());
        body.add(new HclItem.Attr("type", dialect.writeType(type)));
        body.add(new HclItem.Attr("null", Boolean.toString(domain.nullable())));
        domain.defaultValue().ifPresent(d -> body.add(new HclItem.Attr("default", writeDefault(d, type))));
        domain.comment().ifPresent(c -> body.add(new HclItem.Attr("comment", HclSyntax.quote(c))));
        for (Check check : domain.checks()) {
            body.add(new HclItem.Block(
                    "check",
                    check.name().isEmpty() ? List.of() : List.of(check.name()),
                    List.of(new HclItem.Attr("expr", HclSyntax.quote(check.expr())))));
        }
        return new HclItem.Block("domain", List.of(domain.name()), body);
    }

    // As a column default: a literal PostgreSQL stored with a cast is written as the HCL value it stands for.
    private static String writeDefault(String expr, ColumnType type) {
        DefaultValue value = PostgresDefaults.fromCatalog(expr, type);
        String sql = value.sql();
        if (value instanceof DefaultValue.RawExpr) {
            return HclSyntax.sql(sql);
        }
        if (sql.length() >= 2 && sql.startsWith("'") && sql.endsWith("'")) {
            return HclSyntax.quote(sql.substring(1, sql.length() - 1).replace("''", "'"));
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower;
        }
        try {
            new BigDecimal(sql);
            return PostgresTypes.isString(type) ? HclSyntax.quote(sql) : sql;
        } catch (NumberFormatException e) {
            return HclSyntax.sql(sql);
        }
    }
}
