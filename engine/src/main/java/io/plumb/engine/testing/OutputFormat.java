package io.plumb.engine.testing;

/** An {@code OutputFormat} is how an {@code exec} command renders its result rows to compare them. */
public enum OutputFormat {
    /** Columns joined by {@code ", "}, one line per row. */
    CSV,
    /** A psql-like grid with a header line. */
    TABLE
}
