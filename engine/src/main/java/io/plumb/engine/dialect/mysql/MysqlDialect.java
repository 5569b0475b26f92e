package io.plumb.engine.dialect.mysql;

import io.plumb.engine.dialect.Dialect;
import io.plumb.engine.dialect.Inspector;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.diff.DiffNormalizer;
import io.plumb.engine.spec.SchemaSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code MysqlDialect} is what the engine knows about MySQL and MariaDB ({@link MysqlFlavour}): inspection from
 * {@code information_schema}, planning, the HCL spec and the comparison rules, with the flavours' differences
 * behind the flavour.
 */
public final class MysqlDialect implements Dialect {

    private static final Map<String, MysqlCharsets> CHARSETS = new ConcurrentHashMap<>();

    private final MysqlFlavour flavour;
    private final MysqlInspector inspector;
    private final MysqlPlanner planner;
    private final MysqlSchemaSpec spec;
    private final MysqlNormalizer normalizer;

    /** Creates the dialect for a flavour, planning for its newest servers. */
    public MysqlDialect(MysqlFlavour flavour) {
        this(flavour, MysqlVersion.NEWEST);
    }

    /**
     * Creates the dialect for a server of a flavour and version, whose plans leave out or write what that server
     * lacks or needs; the inspector reads each connection's own version.
     */
    public MysqlDialect(MysqlFlavour flavour, MysqlVersion version) {
        this(flavour, version, MysqlCharsets.UNKNOWN);
    }

    private MysqlDialect(MysqlFlavour flavour, MysqlVersion version, MysqlCharsets charsets) {
        this.flavour = flavour;
        this.inspector = new MysqlInspector(flavour);
        this.planner = new MysqlPlanner(flavour, version);
        this.spec = new MysqlSchemaSpec(flavour, charsets);
        this.normalizer = new MysqlNormalizer(flavour, charsets);
    }

    /**
     * Returns the dialect of the server a connection is open to: its version, and the charset and collation it gives
     * what a schema, table or column leaves out ({@link MysqlCharsets}), which the comparison of a desired state
     * read from HCL alone needs.
     */
    public static MysqlDialect of(MysqlFlavour flavour, Connection connection) throws SQLException {
        MysqlVersion version = MysqlVersion.of(connection);
        // Read once per server and JVM: a test opens many connections to one server, and its charsets stay.
        String server = server(connection.getMetaData().getURL()) + " " + version;
        MysqlCharsets charsets = CHARSETS.get(server);
        if (charsets == null) {
            charsets = MysqlCharsets.read(connection, flavour, version);
            CHARSETS.put(server, charsets);
        }
        return new MysqlDialect(flavour, version, charsets);
    }

    // jdbc:mariadb://host:port/schema?options -> jdbc:mariadb://host:port
    private static String server(String url) {
        int hosts = url.indexOf("//");
        int path = hosts < 0 ? -1 : url.indexOf('/', hosts + 2);
        return path < 0 ? url : url.substring(0, path);
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
        return inspector;
    }

    @Override
    public Planner planner() {
        return planner;
    }

    @Override
    public SchemaSpec spec() {
        return spec;
    }

    @Override
    public DiffNormalizer normalizer() {
        return normalizer;
    }
}
