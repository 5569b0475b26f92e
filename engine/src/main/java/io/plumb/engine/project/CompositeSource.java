package io.plumb.engine.project;

import io.plumb.engine.hcl.Attribute;
import io.plumb.engine.hcl.Resource;
import io.plumb.engine.hcl.Value;
import io.plumb.engine.source.CompositeSchemaUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code CompositeSource} is {@code data "composite_schema" "NAME" { schema "LABEL" { url = ... } ... }}: several
 * desired states (HCL, SQL, another data source's {@code url}, a database) merged into one, each source's schema
 * taken as the schema {@code LABEL}; its {@code url} is a desired state for an env's {@code src} (see {@code
 * CompositeSchemas} for how the members are loaded and merged).
 */
final class CompositeSource {

    private CompositeSource() {}

    static Value resolve(DataBlock block) {
        block.allow(Set.of(), Set.of("schema"));
        List<CompositeSchemaUrl.Member> members = new ArrayList<>();
        for (Resource schema : block.block().children("schema")) {
            if (schema.labels().size() != 1) {
                throw block.error(
                        schema.pos(),
                        "schema block needs one label (the schema's name), found "
                                + schema.labels().size());
            }
            String label = schema.labels().get(0);
            Attribute url = null;
            for (Attribute attribute : schema.attributes()) {
                if (!attribute.name().equals("url")) {
                    throw block.error(
                            attribute.namePos(),
                            "unexpected attribute \"" + attribute.name() + "\" in schema \"" + label
                                    + "\"; expected url");
                }
                url = attribute;
            }
            if (url == null) {
                throw block.error(schema.pos(), "schema \"" + label + "\": attribute \"url\" is required");
            }
            if (!schema.children().isEmpty()) {
                throw block.error(
                        schema.children().get(0).pos(),
                        "unexpected block \"" + schema.children().get(0).type() + "\" in schema \"" + label + "\"");
            }
            members.add(new CompositeSchemaUrl.Member(
                    label, block.string(url), schema.pos().toString()));
        }
        if (members.isEmpty()) {
            throw block.error("at least one schema block is required");
        }
        return ProjectDataSources.url(CompositeSchemaUrl.format(block.name(), members));
    }
}
