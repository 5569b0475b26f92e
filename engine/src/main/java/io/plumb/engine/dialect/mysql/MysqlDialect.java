package io.plumb.engine.dialect.mysql;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.spec.SchemaSpec;

/**
 * {@code MysqlDialect} is what the engine knows about MySQL and MariaDB ({@link MysqlFlavour}). Connections,
 * migrations and isolation work; inspection, planning and the HCL spec are being written (the dialects issue) and
 * refuse until then.
 */
public final class MysqlDialect implements Dialect {

    private final MysqlFlavour flavour;

    /** Creates the dialect for a flavour. */
    public MysqlDialect(MysqlFlavour flavour) {
        this.flavour = flavour;
    }

    /** Returns the flavour. */
    public MysqlFlavour flavour() {
        return flavour;
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public Inspector inspector() {
        throw unsupported("inspecting");
    }

    @Override
    public Planner planner() {
        throw unsupported("planning");
    }

    @Override
    public SchemaSpec spec() {
        throw unsupported("reading HCL");
    }

    @Override
    public DiffNormalizer normalizer() {
        throw unsupported("diffing");
    }

    private UnsupportedOperationException unsupported(String what) {
        String server = flavour == MysqlFlavour.MARIADB ? "MariaDB" : "MySQL";
        return new UnsupportedOperationException(what + " " + server + " schemas is not supported by this build yet");
    }
}
