package io.plumb.engine.spec;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code SpecReader} reads the {@code schema} and {@code table} blocks of an evaluated document into a realm,
 * strictly: unknown attributes and blocks, values of the wrong kind and dangling references are errors at their
 * position.
 */
public final class SpecReader {

    // The evaluator consumes these; should one reach the reader, it carries no schema content.
    private static final Set<String> IGNORED = Set.of("variable", "locals", "data");

    private final SpecDialect dialect;

    /** Creates a reader for the given dialect. */
    public SpecReader(SpecDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Returns the realm the document describes: its schemas in declaration order, each with its tables in
     * declaration order.
     *
     * @throws HclException at the offending attribute or block
     */
    public Realm read(Document document) {
        return read(document, new Realm(List.of()));
    }

    /**
     * Returns the realm the document describes, as {@link #read(Document)} does, its foreign keys resolving tables
     * the document does not declare against {@code known} (see {@link SchemaSpec#read(Document, Realm)}).
     *
     * @throws HclException at the offending attribute or block
     */
    public Realm read(Document document, Realm known) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        List<Resource> tableBlocks = new ArrayList<>();
        for (Resource resource : document.resources()) {
            switch (resource.type()) {
                case "schema" -> {
                    Schema schema = schema(resource);
                    if (schemas.putIfAbsent(schema.name(), schema) != null) {
                        throw new HclException(resource.pos(), "schema \"" + schema.name() + "\": declared twice");
                    }
                }
                case "table" -> tableBlocks.add(resource);
                default -> {
                    if (!IGNORED.contains(resource.type())
                            && !dialect.documentBlocks().contains(resource.type())) {
                        throw new HclException(
                                resource.pos(),
                                "unsupported block \"" + resource.type() + "\": expected \"schema\" or \"table\"");
                    }
                }
            }
        }
        List<TableDecl> decls = declareAll(tableBlocks, schemas.keySet());
        SpecReferences references = new SpecReferences(decls, known(known, decls));
        // Tables are read in document order, so that the first error in the file is the one reported.
        SpecVocabulary vocabulary = SpecVocabulary.of(dialect);
        List<Table> tables = new ArrayList<>(decls.size());
        for (TableDecl decl : decls) {
            tables.add(new TableReader(dialect, vocabulary, decl, references).read());
        }
        List<Schema> result = new ArrayList<>();
        for (Schema schema : schemas.values()) {
            List<Table> own = new ArrayList<>();
            for (int i = 0; i < decls.size(); i++) {
                if (decls.get(i).schema().equals(schema.name())) {
                    own.add(tables.get(i));
                }
            }
            result.add(schema.withTables(own));
        }
        return new Realm(result);
    }

    // The known tables as declarations references resolve against, but for those the document declares itself.
    private static List<TableDecl> known(Realm known, List<TableDecl> decls) {
        List<TableDecl> tables = new ArrayList<>();
        for (Schema schema : known.schemas()) {
            for (Table table : schema.tables()) {
                if (decls.stream()
                        .noneMatch(d ->
                                d.schema().equals(schema.name()) && d.name().equals(table.name()))) {
                    tables.add(TableDecl.known(schema.name(), table));
                }
            }
        }
        return tables;
    }

    private List<TableDecl> declareAll(List<Resource> tableBlocks, Set<String> schemas) {
        List<TableDecl> decls = new ArrayList<>();
        Set<List<String>> declared = new HashSet<>();
        for (Resource resource : tableBlocks) {
            TableDecl decl = declare(resource, schemas);
            if (!declared.add(List.of(decl.schema(), decl.name()))) {
                throw new HclException(
                        resource.pos(), decl.owner() + ": declared twice in schema \"" + decl.schema() + "\"");
            }
            decls.add(decl);
        }
        return decls;
    }

    private Schema schema(Resource resource) {
        String label = SpecBlock.label(resource, "the document");
        String owner = "schema \"" + label + "\"";
        SpecBlock block = SpecBlock.of(resource, owner, SpecBlock.names(dialect.schemaAttributes(), "name"), Set.of());
        String name = block.string("name").orElse(label);
        dialect.checkSchema(name, resource.pos());
        Map<String, String> options = block.options(dialect.schemaAttributes());
        Optional<String> comment = Optional.ofNullable(options.remove(SpecAttribute.COMMENT));
        return new Schema(name, List.of(), comment, options);
    }

    private TableDecl declare(Resource resource, Set<String> schemas) {
        if (resource.labels().isEmpty() || resource.labels().size() > 2) {
            throw new HclException(
                    resource.pos(),
                    "table block: expected 1 or 2 labels, found "
                            + resource.labels().size());
        }
        // As on schema blocks, a name attribute overrides the label (a table under for_each needs one).
        String name = resource.attribute("name")
                .filter(a -> a.value() instanceof Value.Str)
                .map(a -> ((Value.Str) a.value()).value())
                .orElse(resource.labels().get(resource.labels().size() - 1));
        Optional<String> qualifier =
                resource.labels().size() == 2 ? Optional.of(resource.labels().get(0)) : Optional.empty();
        String schema = tableSchema(resource, "table \"" + name + "\"", qualifier, schemas);
        List<String> columns = new ArrayList<>();
        for (Resource child : resource.children()) {
            if (child.type().equals("column") && child.labels().size() == 1) {
                columns.add(child.labels().get(0));
            }
        }
        return new TableDecl(resource, schema, name, columns);
    }

    /**
     * Returns a table's schema: its {@code schema} attribute, else its qualifier label, else the document's only
     * schema.
     */
    static String tableSchema(Resource resource, String owner, Optional<String> qualifier, Set<String> schemas) {
        Optional<Attribute> attribute = resource.attribute("schema");
        if (attribute.isPresent()) {
            String schema = schemaRef(attribute.get(), owner, schemas);
            if (qualifier.isPresent() && !qualifier.get().equals(schema)) {
                throw new HclException(
                        attribute.get().pos(),
                        owner + ": qualifier \"" + qualifier.get() + "\" does not match schema \"" + schema + "\"");
            }
            return schema;
        }
        if (qualifier.isPresent()) {
            if (!schemas.contains(qualifier.get())) {
                throw new HclException(resource.pos(), owner + ": schema \"" + qualifier.get() + "\" not found");
            }
            return qualifier.get();
        }
        if (schemas.size() == 1) {
            return schemas.iterator().next();
        }
        if (schemas.isEmpty()) {
            throw new HclException(resource.pos(), owner + ": no schema block declared");
        }
        throw new HclException(
                resource.pos(), owner + ": missing schema (the document declares " + schemas.size() + " schemas)");
    }

    private static String schemaRef(Attribute attribute, String owner, Set<String> schemas) {
        if (!(attribute.value() instanceof Value.Ref ref)
                || ref.path().size() != 2
                || !ref.path().get(0).equals("schema")) {
            String found = attribute.value() instanceof Value.Ref r
                    ? r.toString()
                    : attribute.value().kind();
            throw new HclException(
                    attribute.pos(),
                    "attribute \"schema\" of " + owner + ": expected a schema reference (schema.NAME), found " + found);
        }
        String schema = ref.path().get(1);
        if (!schemas.contains(schema)) {
            throw new HclException(attribute.pos(), owner + ": schema \"" + schema + "\" not found");
        }
        return schema;
    }
}
