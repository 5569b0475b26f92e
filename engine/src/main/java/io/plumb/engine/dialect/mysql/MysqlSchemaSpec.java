package io.plumb.engine.dialect.mysql;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.spec.SchemaSpec;
import io.plumb.engine.spec.SpecReader;
import io.plumb.engine.spec.SpecWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code MysqlSchemaSpec} is the HCL schema language of MySQL and MariaDB: the shared reader and writer with
 * MySQL's types and attributes, and the canonical form ({@link MysqlCanonical}) applied to what it reads; views,
 * functions, procedures, triggers and events are read and written by {@link MysqlObjectReader} and {@link
 * MysqlObjectWriter}.
 */
public final class MysqlSchemaSpec implements SchemaSpec {

    // The shared attribute kinds have no sql("...") value, so on_update travels as a string in between.
    private static final Pattern ON_UPDATE_STRING =
            Pattern.compile("(?m)^(\\s+on_update\\s*=\\s*)(\"(?:[^\"\\\\]|\\\\.)*\")$");

    private final MysqlCharsets charsets;
    private final MysqlSpecDialect dialect;
    private final SpecReader reader;
    private final SpecWriter writer;

    /** Creates the spec of a flavour. */
    public MysqlSchemaSpec(MysqlFlavour flavour) {
        this(flavour, MysqlCharsets.UNKNOWN);
    }

    /** Creates the spec of a flavour on a server whose charsets' default collations are known. */
    MysqlSchemaSpec(MysqlFlavour flavour, MysqlCharsets charsets) {
        this.charsets = charsets;
        this.dialect = new MysqlSpecDialect(flavour);
        this.reader = new SpecReader(dialect);
        this.writer = new SpecWriter(dialect);
    }

    @Override
    public Realm read(Document document) {
        return read(document, new Realm(List.of()));
    }

    @Override
    public Realm read(Document document, Realm known) {
        List<Resource> resources = document.resources().stream()
                .map(MysqlSchemaSpec::onUpdateAsString)
                .toList();
        return MysqlCanonical.of(
                MysqlObjectReader.read(document, reader.read(new Document(resources), known), dialect), charsets);
    }

    @Override
    public String write(Realm realm) {
        Matcher m = ON_UPDATE_STRING.matcher(writer.write(realm, MysqlObjectWriter.write(realm, dialect)));
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "sql(" + r.group(2) + ")"));
    }

    private static Resource onUpdateAsString(Resource resource) {
        if (!resource.type().equals("table")) {
            return resource;
        }
        List<Resource> children = resource.children().stream()
                .map(child -> child.type().equals("column") ? column(child) : child)
                .toList();
        return new Resource(resource.type(), resource.labels(), resource.attributes(), children, resource.pos());
    }

    private static Resource column(Resource column) {
        List<Attribute> attributes = column.attributes().stream()
                .map(a -> a.name().equals(MysqlSpecDialect.ON_UPDATE) && a.value() instanceof Value.RawSql raw
                        ? new Attribute(a.name(), new Value.Str(raw.sql()), a.pos(), a.namePos())
                        : a)
                .toList();
        return new Resource(column.type(), column.labels(), attributes, column.children(), column.pos());
    }
}
