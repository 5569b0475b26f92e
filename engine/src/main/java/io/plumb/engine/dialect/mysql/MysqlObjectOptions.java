package io.plumb.engine.dialect.mysql;

/**
 * {@code MysqlObjectOptions} are the keys of the dialect options of MySQL's views, routines, triggers and events,
 * spelled as their HCL attributes; values are HCL spellings too ({@code READS_SQL_DATA}, {@code INVOKER}).
 */
final class MysqlObjectOptions {

    /** A view's {@code WITH LOCAL|CASCADED CHECK OPTION}. */
    static final String CHECK_OPTION = "check_option";

    /** A view's or routine's {@code SQL SECURITY INVOKER}; {@code DEFINER}, the default, is left out. */
    static final String SECURITY = "security";

    /** A view's {@code ALGORITHM} other than {@code UNDEFINED} (MariaDB only: MySQL 8 does not show it). */
    static final String ALGORITHM = "algorithm";

    /** A routine's {@code DETERMINISTIC}, as {@code true}. */
    static final String DETERMINISTIC = "deterministic";

    /** A routine's data access other than {@code CONTAINS SQL}: {@code NO_SQL}, {@code READS_SQL_DATA}... */
    static final String DATA_ACCESS = "data_access";

    /** The trigger that a trigger follows among those of its table, timing and event. */
    static final String FOLLOWS = "follows";

    /** An event's {@code ON COMPLETION PRESERVE}. */
    static final String ON_COMPLETION = "on_completion";

    /** An event's status other than {@code ENABLED}: {@code DISABLED} or {@code SLAVESIDE_DISABLED}. */
    static final String STATUS = "status";

    private MysqlObjectOptions() {}
}
