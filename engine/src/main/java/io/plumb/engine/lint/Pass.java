package io.plumb.engine.lint;

import io.plumb.engine.db.Database;

/**
 * A {@code Pass} is what an analyzer is given to analyze one file.
 *
 * @param file the file, with its per-statement changes and spans
 * @param dev the dev database, holding the schema after the file (read it, never change it)
 */
public record Pass(LintFile file, Database dev) {}
