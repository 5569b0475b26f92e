package io.plumb.engine.dialect;

import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.spec.SchemaSpec;

/**
 * A {@code Dialect} is what the engine knows about one kind of database: how to inspect it, how to plan changes
 * for it, how its schemas are written in HCL, and how its values compare.
 */
public interface Dialect {

    /** Returns the dialect's name as URLs and script conditions spell it: {@code sqlite}, {@code postgres}. */
    String name();

    /** Returns the inspector that reads a live database into the model. */
    Inspector inspector();

    /** Returns the planner that turns changes into this dialect's statements. */
    Planner planner();

    /** Returns the HCL spec: reading schema files into the model and writing the model as HCL. */
    SchemaSpec spec();

    /** Returns the rules by which two descriptions of the same object are considered equal. */
    DiffNormalizer normalizer();
}
