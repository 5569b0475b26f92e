package io.plumb.engine.gotemplate;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code GoStruct} is a Go struct in a template's data: exported fields in order, and what else {@code .Name}
 * reads on it (fields left out of its JSON, the values of its methods). A name it does not have is an error ({@code
 * can't evaluate field NAME}); a name it has with no value is Go's {@code nil} ({@link GoNil}).
 */
public interface GoStruct {

    /** Returns the exported fields in declaration order: what printing the struct shows. */
    Map<String, Object> fields();

    /** Returns whether {@code .name} reads something on this struct. */
    boolean has(String name);

    /** Returns what {@code .name} reads, empty for {@code nil}. */
    Optional<Object> get(String name);
}
