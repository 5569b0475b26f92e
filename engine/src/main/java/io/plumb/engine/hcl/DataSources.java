package io.plumb.engine.hcl;

import java.util.Set;

/**
 * {@code DataSources} resolve the {@code data "TYPE" "NAME" { ... }} blocks of a file into the values that
 * {@code data.TYPE.NAME} references read. Project files bind them; schema files have none.
 */
public interface DataSources {

    /** Resolves no data source: every {@code data} block is an error. */
    DataSources NONE = new DataSources() {
        @Override
        public Set<String> types() {
            return Set.of();
        }

        @Override
        public Value resolve(Resource block) {
            throw new HclException(
                    block.pos(), "data source \"" + block.labels().get(0) + "\" is not supported");
        }
    };

    /** Returns the data source types this resolver knows, such as {@code hcl_schema}. */
    Set<String> types();

    /**
     * Resolves one data block, whose attributes and nested blocks are evaluated (with the data blocks it refers to
     * resolved first).
     *
     * @param block the evaluated block: type {@code data}, labels the source type and the name
     * @return the data source's value: an object of its attributes, or a plain value such as a string
     * @throws HclException when the block is wrong for its type or the source cannot be read
     */
    Value resolve(Resource block);
}
