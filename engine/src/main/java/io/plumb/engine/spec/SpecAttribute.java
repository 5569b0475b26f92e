package io.plumb.engine.spec;

/**
 * A {@code SpecAttribute} is an attribute that a dialect accepts on one kind of block of the HCL schema language,
 * beyond the attributes every dialect shares: its name and the kind of value it takes.
 *
 * <p>A few names are backed by fields of the model rather than by the block's option map: {@code comment} (schema,
 * table, column, index), {@code auto_increment} (column) and {@code where} (index). Listing them lets a dialect
 * accept them and place them among its other attributes in the order the reference tool writes them.
 *
 * @param name the attribute name
 * @param kind the kind of value
 */
public record SpecAttribute(String name, Kind kind) {

    /** The name of the comment attribute, backed by the model's {@code comment} fields. */
    public static final String COMMENT = "comment";

    /** The name of the column attribute backed by {@link io.plumb.engine.schema.Column#autoIncrement()}. */
    public static final String AUTO_INCREMENT = "auto_increment";

    /** The name of the index attribute backed by {@link io.plumb.engine.schema.Index#where()}. */
    public static final String WHERE = "where";

    /**
     * The name of the index option that marks a table-level {@code UNIQUE} constraint, written as a {@code unique}
     * block rather than an {@code index} block (PostgreSQL); its value is {@code "true"}.
     */
    public static final String UNIQUE_CONSTRAINT = "unique_constraint";

    /**
     * The name of the index option that marks an exclusion constraint ({@code EXCLUDE USING ...}), written as an
     * {@code exclude} block (PostgreSQL); its value is {@code "true"}, and each part carries its operator as the part
     * option {@code op}.
     */
    public static final String EXCLUDE_CONSTRAINT = "exclude_constraint";

    /** Returns whether an index is a table-level UNIQUE constraint ({@link #UNIQUE_CONSTRAINT}). */
    public static boolean isUniqueConstraint(io.plumb.engine.schema.Index index) {
        return "true".equals(index.options().get(UNIQUE_CONSTRAINT));
    }

    /** Returns whether an index is an exclusion constraint ({@link #EXCLUDE_CONSTRAINT}). */
    public static boolean isExclusionConstraint(io.plumb.engine.schema.Index index) {
        return "true".equals(index.options().get(EXCLUDE_CONSTRAINT));
    }

    /** The name of an exclusion constraint part's operator, the part option the {@code on} block's {@code op} sets. */
    public static final String OP = "op";

    /** The kinds of value an attribute takes, and how the model keeps it (as its HCL spelling). */
    public enum Kind {
        /** An HCL string, kept as is. */
        STRING,
        /** An HCL bool, kept as {@code "true"} or {@code "false"} and always written. */
        BOOL,
        /** An HCL bool that only matters when true: kept as {@code "true"}, absent when false, written when set. */
        FLAG,
        /** An HCL number, kept as its decimal text. */
        NUMBER,
        /** A bare identifier such as {@code InnoDB}, kept as its name. */
        IDENT,
        /**
         * An identifier, or {@code sql("...")} for what no identifier spells (an operator class with parameters,
         * {@code sql("tsvector_ops(siglen=8)")}), kept as the name or the SQL.
         */
        SQL_IDENT,
        /** A list of references to columns of the same table, kept as the column names joined by commas. */
        COLUMNS
    }

    /** Returns a string attribute. */
    public static SpecAttribute string(String name) {
        return new SpecAttribute(name, Kind.STRING);
    }

    /** Returns a flag attribute. */
    public static SpecAttribute flag(String name) {
        return new SpecAttribute(name, Kind.FLAG);
    }
}
