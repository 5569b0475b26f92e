package io.plumb.engine.db;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns off the {@code java.util.logging} output of the JDBC drivers: the PostgreSQL driver logs warnings such as
 * {@code JDBC URL port: 99999 not valid} to standard error, with a time stamp and its class name, before it throws
 * the exception Plumb reports in its own words.
 */
public final class DriverLogs {

    // java.util.logging keeps loggers weakly: the level holds only while a strong reference does.
    private static final List<Logger> SILENCED =
            List.of(Logger.getLogger("org.postgresql"), Logger.getLogger("org.mariadb.jdbc"));

    private DriverLogs() {}

    /** Sets the drivers' loggers to {@code OFF}; cheap to call before every connection. */
    public static void silence() {
        for (Logger logger : SILENCED) {
            if (logger.getLevel() != Level.OFF) {
                logger.setLevel(Level.OFF);
            }
        }
    }
}
