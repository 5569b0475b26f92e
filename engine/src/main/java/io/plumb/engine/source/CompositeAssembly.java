package io.plumb.engine.source;

import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseException;
import io.plumb.engine.db.SqlErrors;
import io.plumb.engine.devdb.DevDatabase;
import io.plumb.engine.devdb.ServerObjects;
import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.plan.StatementException;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaChange;
import io.plumb.engine.schema.SchemaObject;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code CompositeAssembly} builds the desired state of a {@link CompositeSchemaUrl} on the dev database: its
 * members are loaded there one after the other, in the order of their blocks, each into the schema its block names,
 * and what the dev database then holds is inspected as one realm. A member can so use what earlier members define:
 * a table of its own may have a column of an enum type, a foreign key or a view over a table of an earlier member.
 *
 * <p>An SQL member's statements run with that schema as the current one (PostgreSQL's {@code search_path}, MySQL's
 * {@code USE}), so that its unqualified names land there; an HCL or database member's schema (its only one, whatever
 * its name, otherwise the one its block names) is created there. A dev database bound to a schema (SQLite's {@code
 * main}, a PostgreSQL URL with {@code search_path}, a MySQL URL with a database) holds one schema: every block must
 * name the same one. A table or object that two members define is an error naming the second member, as is a member
 * that leaves objects in a schema no block names.
 */
final class CompositeAssembly {

    private final CompositeSchemaUrl composite;
    private final Database dev;
    private final SourceLoader loader;
    private final Dialect dialect;
    private final Optional<String> bound;
    private final List<String> labels;
    // What the members' SQL creates on the server (a database, a role), dropped once the state is read.
    private final ServerObjects created;
    // The schemas of the members placed so far.
    private final Set<String> placed = new LinkedHashSet<>();

    private CompositeAssembly(CompositeSchemaUrl composite, Database dev, SourceLoader loader, Dialect dialect) {
        this.composite = composite;
        this.dev = dev;
        this.loader = loader;
        this.dialect = dialect;
        this.bound = dev.boundSchema();
        Set<String> names = new LinkedHashSet<>();
        composite.members().forEach(m -> names.add(m.schema()));
        this.labels = List.copyOf(names);
        this.created = ServerObjects.on(dev);
    }

    /** Loads the members on the dev database in order and returns the realm they make together. */
    static Realm assemble(CompositeSchemaUrl composite, Database dev, SourceLoader loader, Dialect dialect) {
        if (composite.members().isEmpty()) {
            throw new SourceException("composite_schema \"" + composite.name() + "\" has no schema blocks");
        }
        return new CompositeAssembly(composite, dev, loader, dialect).assemble();
    }

    private Realm assemble() {
        if (bound.isPresent() && labels.size() > 1) {
            throw new SourceException("composite_schema \"" + composite.name() + "\" puts its members in the schemas "
                    + String.join(", ", labels) + ", but the dev database " + dev.url()
                    + " holds one schema (\"" + bound.get() + "\"): use a dev URL bound to no schema"
                    + (dev.dialect().name().equals("sqlite") ? " (SQLite has only \"main\")" : ""));
        }
        return DevDatabase.use(dev, created, () -> {
            for (CompositeSchemaUrl.Member member : composite.members()) {
                try {
                    place(member);
                } catch (SourceException
                        | HclException
                        | DatabaseException
                        | StatementException
                        | InvalidMemberException e) {
                    throw new SourceException(member.describe(composite.name()) + ": " + e.getMessage(), e);
                }
            }
            if (bound.isPresent()) {
                Realm realm = dev.inspect(List.of());
                return realm.schemas().size() == 1 && !labels.get(0).equals(bound.get())
                        ? realm.withOnlySchemaRenamed(labels.get(0))
                        : realm;
            }
            return dev.inspect(labels);
        });
    }

    private void place(CompositeSchemaUrl.Member member) {
        if (CompositeSchemaUrl.matches(member.url())) {
            throw new InvalidMemberException("its url is another composite_schema; list that one's schema blocks here");
        }
        String target = bound.orElse(member.schema());
        Optional<List<SourceLoader.SourceFile>> sql = loader.sqlFiles(member.url());
        if (sql.isPresent()) {
            enter(target);
            try {
                loader.executeSql(sql.get(), dev, created);
            } finally {
                dev.resetSession();
            }
        } else {
            create(member, target, loader.load(List.of(member.url()), dialect, null, known()));
        }
        placed.add(member.schema());
        if (bound.isEmpty()) {
            requireNoStrayObjects();
        }
    }

    /**
     * Returns what the members placed so far hold on the dev database, under their blocks' schema names: the tables an
     * HCL member's foreign keys may reference ({@code table.users.column.id}, {@code table.a.users.column.id}).
     */
    private Realm known() {
        if (placed.isEmpty()) {
            return new Realm(List.of());
        }
        if (bound.isPresent()) {
            Realm realm = dev.inspect(List.of());
            return realm.schemas().size() == 1 ? realm.withOnlySchemaRenamed(labels.get(0)) : realm;
        }
        return dev.inspect(List.copyOf(placed));
    }

    /** Makes the target schema the one unqualified names of an SQL member go to. */
    private void enter(String target) {
        if (bound.isPresent()) {
            return;
        }
        String quoted;
        List<String> statements = new ArrayList<>();
        switch (dev.dialect().name()) {
            case "postgres" -> {
                quoted = "\"" + target.replace("\"", "\"\"") + "\"";
                statements.add("CREATE SCHEMA IF NOT EXISTS " + quoted);
                statements.add("SET search_path TO " + quoted);
            }
            case "mysql" -> {
                quoted = "`" + target.replace("`", "``") + "`";
                statements.add("CREATE DATABASE IF NOT EXISTS " + quoted);
                statements.add("USE " + quoted);
            }
            default -> {
                return;
            }
        }
        for (String sql : statements) {
            try (Statement statement = dev.connection().createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new DatabaseException(
                        "preparing the schema \"" + target + "\" on the dev database: " + SqlErrors.message(e), e);
            }
        }
    }

    /** Creates an HCL or database member's schema and database-level objects in the target schema. */
    private void create(CompositeSchemaUrl.Member member, String target, Realm realm) {
        Schema schema = CompositeSchemas.schema(composite, member, realm).renamed(target);
        Realm current = dev.inspect(bound.isPresent() ? List.of() : List.of(target));
        Optional<Schema> existing = current.schema(target);
        if (existing.isPresent()) {
            // Only to name a table or object the member defines again, before the database says it in its words.
            CompositeSchemas.merged("", existing.get(), schema);
        }
        List<SchemaObject> objects = new ArrayList<>();
        for (SchemaObject object : realm.objects()) {
            if (current.objects().stream()
                    .noneMatch(o -> o.kind() == object.kind() && o.name().equals(object.name()))) {
                objects.add(object);
            }
        }
        List<SchemaChange> changes = new ArrayList<>();
        if (existing.isEmpty()) {
            changes.add(new SchemaChange.AddSchema(Schema.of(target, List.of())));
        }
        changes.addAll(SchemaChange.createAll(new Realm(List.of(schema), objects, realm.unsupported())));
        if (!changes.isEmpty()) {
            // Qualified on a dev database bound to no schema, so that each statement names the schema it goes to.
            PlanExecutor.execute(
                    dev.connection(), dev.dialect().planner().plan(changes, new PlanOptions(bound.isEmpty(), "")));
        }
    }

    /** Refuses objects a member created in a schema that no block names: they would be left out without a word. */
    private void requireNoStrayObjects() {
        for (Schema schema : dev.inspect(List.of()).schemas()) {
            if (labels.contains(schema.name())) {
                continue;
            }
            String what = !schema.tables().isEmpty()
                    ? "table \"" + schema.tables().get(0).name() + "\""
                    : schema.objects().isEmpty()
                            ? ""
                            : schema.objects().get(0).kind().label() + " \""
                                    + schema.objects().get(0).name() + "\"";
            if (!what.isEmpty()) {
                throw new InvalidMemberException("its source created " + what + " in the schema \"" + schema.name()
                        + "\", which no schema block names: write its names unqualified, so that they go to the block's"
                        + " schema, or add a schema block for \"" + schema.name() + "\"");
            }
        }
    }

    /** A member that cannot be loaded for a reason of the composite's own. */
    private static final class InvalidMemberException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidMemberException(String message) {
            super(message);
        }
    }
}
