package io.plumb.engine.source;

import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code UndeclaredKinds} are the kinds of schema object a desired HCL state declares none of while the current state
 * holds some: an HCL schema written for the reference tool's open build, which models tables only, cannot declare
 * the functions, domains or types a migration directory creates by hand, and uses them all the same (a default
 * calling a function). Such kinds are left to the directory: not compared, so never dropped, and present on the dev
 * database while the desired state is normalised there, as the reference's dev database still holds them.
 */
public final class UndeclaredKinds {

    // The kinds a table can use, and so must exist before a desired table is created on the dev database.
    private static final Set<ObjectKind> USABLE_BY_TABLES = EnumSet.of(
            ObjectKind.EXTENSION,
            ObjectKind.SEQUENCE,
            ObjectKind.DOMAIN,
            ObjectKind.COMPOSITE,
            ObjectKind.FUNCTION,
            ObjectKind.PROCEDURE,
            ObjectKind.AGGREGATE);

    private final Set<ObjectKind> kinds;

    private UndeclaredKinds(Set<ObjectKind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    /** Returns the kinds the current state holds objects of and the desired state declares none of. */
    public static UndeclaredKinds of(Realm current, Realm desired) {
        Set<ObjectKind> declared = kinds(desired);
        Set<ObjectKind> held = kinds(current);
        held.removeAll(declared);
        return new UndeclaredKinds(held);
    }

    /** Returns whether there are none. */
    public boolean isEmpty() {
        return kinds.isEmpty();
    }

    /** Returns the realm without its objects of these kinds. */
    public Realm leftOut(Realm realm) {
        if (kinds.isEmpty()) {
            return realm;
        }
        return new Realm(
                realm.schemas().stream()
                        .map(s -> s.withObjects(s.objects().stream()
                                .filter(o -> !kinds.contains(o.kind()))
                                .toList()))
                        .toList(),
                realm.objects().stream().filter(o -> !kinds.contains(o.kind())).toList(),
                realm.unsupported());
    }

    /** Returns the objects of these kinds a table can use, in their schemas, with no table: what the dev needs. */
    public Realm prerequisites(Realm current) {
        return new Realm(
                current.schemas().stream()
                        .map(s -> Schema.of(s.name(), List.of()).withObjects(usable(s.objects())))
                        .toList(),
                usable(current.objects()),
                current.unsupported());
    }

    private List<SchemaObject> usable(List<SchemaObject> objects) {
        return objects.stream()
                .filter(o -> kinds.contains(o.kind()) && USABLE_BY_TABLES.contains(o.kind()))
                .toList();
    }

    private static Set<ObjectKind> kinds(Realm realm) {
        Set<ObjectKind> kinds = new HashSet<>();
        realm.objects().forEach(o -> kinds.add(o.kind()));
        realm.schemas().forEach(s -> s.objects().forEach(o -> kinds.add(o.kind())));
        return kinds;
    }
}
