package io.plumb.engine.lint;

import io.plumb.engine.dialect.mysql.MysqlDialect;
import io.plumb.engine.dialect.mysql.MysqlFlavour;
import io.plumb.engine.migrate.Statement;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code MysqlImplicitUpdates} is MySQL's and MariaDB's part of {@code data_depend} for a NOT NULL column added
 * without a default to an existing table: instead of failing, they fill the existing rows with the type's zero
 * value, which MY101 reports with that value ({@code 0}, {@code ""}, the first enum value, {@code 00:00:00},
 * {@code 0000}, {@code CURRENT_TIMESTAMP} or {@code 0000-00-00 00:00:00}), unless a later {@code UPDATE} of the
 * file sets the column. MySQL fails on {@code date}, {@code datetime} and spatial columns instead (MF103); {@code
 * text} and {@code json} columns are reported on MariaDB only, as the reference does.
 */
final class MysqlImplicitUpdates {

    private static final Set<String> ZERO = Set.of(
            "bit",
            "bool",
            "boolean",
            "tinyint",
            "smallint",
            "mediumint",
            "int",
            "integer",
            "bigint",
            "decimal",
            "numeric",
            "float",
            "double",
            "real",
            "double precision",
            "binary",
            "varbinary",
            "tinyblob",
            "blob",
            "mediumblob",
            "longblob");
    private static final Set<String> TEXTS = Set.of("text", "tinytext", "mediumtext", "longtext");
    private static final Set<String> SPATIAL = Set.of(
            "geometry",
            "point",
            "linestring",
            "polygon",
            "multipoint",
            "multilinestring",
            "multipolygon",
            "geometrycollection");

    private MysqlImplicitUpdates() {}

    /** Returns the diagnostics of a NOT NULL column without a default added to an existing table. */
    static List<Diagnostic> addNotNull(ColumnPass pass) {
        Column column = pass.column();
        String name = typeName(column.type());
        boolean maria =
                pass.pass().dev().dialect() instanceof MysqlDialect mysql && mysql.flavour() == MysqlFlavour.MARIADB;
        if (ZERO.contains(name)) {
            return column.autoIncrement() ? List.of() : implicit(pass, formatted(column), "0");
        }
        return switch (name) {
            case "varchar", "char" -> implicit(pass, name, "\"\"");
            case "enum" -> implicit(pass, name, Quote.go(firstValue(column.type())));
            case "set" -> implicit(pass, name, "\"\"");
            case "json" -> maria ? implicit(pass, name, "\"\"") : List.of();
            case "date", "datetime" -> maria ? implicit(pass, name, "00:00:00") : mightFail(pass, name);
            case "year" -> implicit(pass, name, "0000");
            case "time" -> implicit(pass, name, "00:00:00");
            case "timestamp" -> implicit(pass, name, timestampValue(pass, maria));
            default -> {
                if (TEXTS.contains(name)) {
                    yield maria ? implicit(pass, name, "\"\"") : List.of();
                }
                if (SPATIAL.contains(name)) {
                    yield maria ? implicit(pass, name, "\"\"") : mightFail(pass, name);
                }
                yield List.of();
            }
        };
    }

    private static List<Diagnostic> implicit(ColumnPass pass, String type, String value) {
        if (filledAfter(pass)) {
            return List.of();
        }
        return List.of(Diagnostic.of(
                pass.change().pos(),
                "MY101",
                "Adding a non-nullable " + Quote.go(type) + " column "
                        + Quote.go(pass.column().name())
                        + " on table " + Quote.go(pass.table().name())
                        + " without a default value implicitly sets existing rows with " + value));
    }

    private static List<Diagnostic> mightFail(ColumnPass pass, String type) {
        return List.of(Diagnostic.of(
                pass.change().pos(),
                "",
                "Adding a non-nullable " + Quote.go(type) + " column "
                        + Quote.go(pass.column().name()) + " will fail in case table "
                        + Quote.go(pass.table().name()) + " is not empty"));
    }

    // MariaDB gives the first TIMESTAMP column of a table CURRENT_TIMESTAMP and later ones the zero date; MySQL
    // 8.0.2 and later enable explicit_defaults_for_timestamp, so every added one gets the zero date.
    private static String timestampValue(ColumnPass pass, boolean maria) {
        String zero = "0000-00-00 00:00:00";
        if (maria) {
            for (Column c : pass.table().columns()) {
                if (c.name().equals(pass.column().name())) {
                    break;
                }
                if (typeName(c.type()).startsWith("timestamp")) {
                    return zero;
                }
            }
            return "CURRENT_TIMESTAMP";
        }
        return atLeast(pass, 8, 0, 2) ? zero : "CURRENT_TIMESTAMP";
    }

    private static boolean atLeast(ColumnPass pass, int major, int minor, int patch) {
        try {
            String version = pass.pass().dev().connection().getMetaData().getDatabaseProductVersion();
            String[] parts = version.replaceAll("[^0-9.].*$", "").split("\\.");
            int[] v = new int[3];
            for (int i = 0; i < 3 && i < parts.length; i++) {
                v[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
            }
            return v[0] != major ? v[0] > major : v[1] != minor ? v[1] > minor : v[2] >= patch;
        } catch (SQLException | NumberFormatException e) {
            return true;
        }
    }

    // A later UPDATE of the table that sets the column fills the rows the statement gave the zero value.
    private static boolean filledAfter(ColumnPass pass) {
        LintFile file = pass.pass().file();
        String quoted = "[`\"]?";
        Pattern update = Pattern.compile("(?is)\\s*UPDATE\\s+(?:\\S+\\.)?" + quoted
                + Pattern.quote(pass.table().name())
                + quoted + "\\s+SET\\s+(?:.*[\\s,])?" + quoted
                + Pattern.quote(pass.column().name()) + quoted
                + "\\s*=.*");
        for (Statement statement : file.statements()) {
            if (file.pos(statement) > pass.change().pos()
                    && update.matcher(statement.text()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String formatted(Column column) {
        String type = column.type().sql();
        return "true".equals(column.options().get("unsigned")) ? type + " unsigned" : type;
    }

    static String typeName(ColumnType type) {
        if (type instanceof ColumnType.Named named) {
            return named.name().toLowerCase(Locale.ROOT);
        }
        String sql = type.sql().toLowerCase(Locale.ROOT).strip();
        int paren = sql.indexOf('(');
        return (paren < 0 ? sql : sql.substring(0, paren)).strip();
    }

    private static String firstValue(ColumnType type) {
        List<String> values = MysqlBlockingChangesAnalyzer.values(type);
        return values.isEmpty() ? "" : values.get(0);
    }
}
