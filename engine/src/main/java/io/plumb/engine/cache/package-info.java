/**
 * A cache of snapshot images kept across runs, in a directory a CI job can keep between builds; see {@link
 * io.plumb.engine.cache.SnapshotCache}.
 */
@NullMarked
package io.plumb.engine.cache;

import org.jspecify.annotations.NullMarked;
