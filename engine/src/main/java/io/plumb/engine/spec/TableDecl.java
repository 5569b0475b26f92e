package io.plumb.engine.spec;

import io.plumb.engine.hcl.Pos;
import io.plumb.engine.hcl.Resource;
import java.util.List;

/**
 * A {@code TableDecl} is a table block whose name and schema are known, before its body is read: what references
 * from other tables resolve against.
 *
 * @param resource the table block
 * @param schema the name of the table's schema
 * @param name the table name
 * @param columns the names of the table's column blocks, in order
 */
record TableDecl(Resource resource, String schema, String name, List<String> columns) {

    TableDecl {
        columns = List.copyOf(columns);
    }

    /**
     * Declares a table known from elsewhere (an earlier {@code composite_schema} member, inspected), which
     * references resolve against but which is never read: its block is an empty stand-in.
     */
    static TableDecl known(String schema, io.plumb.engine.schema.Table table) {
        Resource stub = new Resource("table", List.of(table.name()), List.of(), List.of(), new Pos("", 0, 0));
        return new TableDecl(
                stub,
                schema,
                table.name(),
                table.columns().stream().map(c -> c.name()).toList());
    }

    /** Returns the table as error messages name it: {@code table "users"}. */
    String owner() {
        return "table \"" + name + "\"";
    }
}
