package io.plumb.engine.hcl;

import java.util.Map;
import java.util.Optional;

/**
 * {@code DataSources} resolve the {@code data "TYPE" "NAME" { ... }} blocks of a file into the values that
 * {@code data.TYPE.NAME} references read. Project files bind them; schema files have none.
 */
@FunctionalInterface
public interface DataSources {

    /** Resolves no data source: every {@code data} block is an error. */
    DataSources NONE = (type, name, attributes, pos) -> Optional.empty();

    /**
     * Resolves one data block.
     *
     * @param type the block's first label, such as {@code hcl_schema}
     * @param name the block's second label
     * @param attributes the block's evaluated attributes
     * @param pos where the block starts, for errors
     * @return the data source's value (an object of its attributes), or empty when the type is unknown
     * @throws HclException when the block's attributes are wrong for its type
     */
    Optional<Value> resolve(String type, String name, Map<String, Value> attributes, Pos pos);
}
