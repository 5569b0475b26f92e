package io.plumb.cli;

import io.plumb.engine.db.Database;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.source.CompositeSchemaUrl;
import io.plumb.engine.source.SourceLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code BoundSchema} fits a desired state to a schema-bound target database, as the reference tool does: an HCL
 * desired state must name the target's schema ({@code mismatched HCL and database schemas} otherwise), while one
 * read from SQL files or a database (loaded on a dev database bound to a schema of its own name) describes "the
 * bound schema" and takes the target's name.
 */
final class BoundSchema {

    private BoundSchema() {}

    /**
     * Returns the desired state as the target's one schema when the target is schema-bound, else unchanged; an
     * empty desired state becomes that schema, empty.
     *
     * @param hcl whether the desired state was written in HCL, whose schema names are the user's own
     * @throws EngineFailure when the desired state has several schemas, or HCL names another schema
     */
    static Realm bind(Realm wanted, Database target, boolean hcl) {
        if (target.boundSchema().isEmpty()) {
            return wanted;
        }
        String bound = target.boundSchema().get();
        if (wanted.schemas().size() > 1) {
            throw new EngineFailure("mismatched HCL and database schemas: the desired state has "
                    + wanted.schemas().size() + " schemas and the database URL is bound to \"" + bound + "\"");
        }
        if (wanted.schemas().isEmpty()) {
            return wanted.withSchemas(List.of(Schema.of(bound, List.of())));
        }
        Schema only = wanted.schemas().get(0);
        if (only.name().equals(bound)) {
            return wanted;
        }
        if (hcl) {
            throw new EngineFailure(
                    "mismatched HCL and database schemas: \"" + only.name() + "\" <> \"" + bound + "\"");
        }
        return wanted.withOnlySchemaRenamed(bound);
    }

    /**
     * Returns a one-schema state read from SQL or a database under the name of the other side's one schema: a
     * schema-bound database and a dev database bound to a schema of its own describe "the bound schema" each, as
     * in {@link #bind}. Anything else is returned unchanged.
     */
    static Realm sameOnlySchema(Realm state, Realm other) {
        if (state.schemas().size() != 1 || other.schemas().size() != 1) {
            return state;
        }
        return state.withOnlySchemaRenamed(other.schemas().get(0).name());
    }

    /**
     * Returns whether a desired state's sources are HCL: not a database URL, and no {@code .sql} file named or in a
     * directory named (the loader refuses to mix the two kinds).
     */
    static boolean isHcl(List<String> sources, Path workingDirectory) {
        for (String source : sources) {
            if (SourceLoader.isDatabaseUrl(source) || CompositeSchemaUrl.matches(source)) {
                // A composite's members are loaded on the dev database, one using another's objects.
                return false;
            }
            String path = source.startsWith("file://") ? source.substring("file://".length()) : source;
            int query = path.indexOf('?');
            Path resolved = workingDirectory.resolve(query >= 0 ? path.substring(0, query) : path);
            if (resolved.getFileName() != null
                    && resolved.getFileName().toString().endsWith(".sql")) {
                return false;
            }
            if (Files.isDirectory(resolved) && hasSql(resolved)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSql(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().endsWith(".sql"));
        } catch (IOException e) {
            return false; // the loader reports the unreadable directory
        }
    }
}
