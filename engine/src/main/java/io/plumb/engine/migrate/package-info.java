/**
 * Versioned migrations: the migration directory (the atlas format, and Flyway, Liquibase, golang-migrate, goose and
 * dbmate directories read in place or imported) and its {@code atlas.sum}, the statement scanner, directives,
 * the revisions table, pre-migration checks and the executor that applies pending files.
 */
@NullMarked
package io.plumb.engine.migrate;

import org.jspecify.annotations.NullMarked;
