package io.plumb.junit;

import io.plumb.engine.cache.SnapshotCache;
import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.junit.internal.DatabaseTemplates;
import io.plumb.junit.internal.DatabaseTemplates.StartingState;
import io.plumb.junit.internal.IsolatedDataSource;
import io.plumb.junit.internal.TestSetupResolver;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The {@code PlumbDatabaseExtension} is a Jupiter extension that injects isolated databases into test methods'
 * parameters and test instances' fields: a {@link DataSource}, a {@link Connection}, a {@code String} JDBC URL (a
 * parameter or field annotated {@link PlumbDatabase}), an {@link IsolatedDatabase} or a {@link Database}. Each
 * parameter or field gets a database of its own, dropped when the test (or, for a constructor or {@code @BeforeAll}
 * parameter, the class) is done; connections handed out through an injected {@code DataSource} are closed first.
 *
 * <p>A database starts empty, at a desired schema or at a version of a migration directory ({@link PlumbDatabase}).
 * A starting state is built once per run as a snapshot of the dev database and cloned for every test. The dev URL
 * comes from {@link PlumbDatabase#url()} on the parameter or field, method or class, else from the {@value
 * PlumbConfiguration#TEST_DEV_URL} configuration parameter, else it is {@value PlumbConfiguration#DEFAULT_DEV_URL}.
 * The extension uses only store methods that JUnit Jupiter 5.10 and 6 both have.
 */
public final class PlumbDatabaseExtension implements ParameterResolver, BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PlumbDatabaseExtension.class);

    private static final Set<Class<?>> TYPES =
            Set.of(IsolatedDatabase.class, Database.class, Connection.class, DataSource.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        // Any annotated parameter, so that one of a type the extension cannot give fails with a message saying so.
        return TYPES.contains(type) || parameterContext.isAnnotated(PlumbDatabase.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        String what = parameterContext.getParameter().isNamePresent()
                ? "parameter \"" + parameterContext.getParameter().getName() + "\""
                : "parameter " + parameterContext.getIndex() + " of "
                        + parameterContext.getDeclaringExecutable().getName();
        Class<?> type = parameterContext.getParameter().getType();
        if (!TYPES.contains(type) && type != String.class) {
            throw new ParameterResolutionException(unsupported(what, type));
        }
        StartingState state = state(parameterContext.getParameter(), extensionContext);
        try {
            return handOut(
                    extensionContext, state, parameterContext.getParameter().getType(), what);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(message(state, what, e), e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            List<Field> fields = AnnotationSupport.findAnnotatedFields(
                    instance.getClass(),
                    PlumbDatabase.class,
                    field -> !Modifier.isStatic(field.getModifiers()),
                    HierarchyTraversalMode.TOP_DOWN);
            for (Field field : fields) {
                String what = "field \"" + field.getName() + "\"";
                if (!TYPES.contains(field.getType()) && field.getType() != String.class) {
                    throw new ExtensionConfigurationException(unsupported(what, field.getType()));
                }
                StartingState state = state(field, context);
                Object value;
                try {
                    value = handOut(context, state, field.getType(), what);
                } catch (RuntimeException e) {
                    throw new ExtensionConfigurationException(message(state, what, e), e);
                }
                try {
                    field.setAccessible(true);
                    field.set(instance, value);
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new ExtensionConfigurationException("cannot set @PlumbDatabase " + what + ": " + e, e);
                }
            }
        }
    }

    private static String unsupported(String what, Class<?> type) {
        return "@PlumbDatabase " + what + " has type " + type.getName()
                + ": expected javax.sql.DataSource, java.sql.Connection, String (a JDBC URL), IsolatedDatabase or"
                + " Database";
    }

    private static String message(StartingState state, String what, RuntimeException e) {
        return "cannot make an isolated database " + state.describe() + " for " + what + ": " + e.getMessage();
    }

    private static Object handOut(ExtensionContext context, StartingState state, Class<?> type, String what) {
        IsolatedDatabase database = templates(context).database(state);
        Handout handout = new Handout(database);
        // Stored under a key of its own so that the store closes, and so drops, it with the test's context.
        context.getStore(NAMESPACE).put(handout, handout);
        if (type == Connection.class) {
            return database.database().connection();
        }
        if (type == Database.class) {
            return database.database();
        }
        if (type == IsolatedDatabase.class) {
            return database;
        }
        String jdbcUrl = jdbcUrl(database);
        if (type == String.class) {
            return jdbcUrl;
        }
        IsolatedDataSource dataSource = new IsolatedDataSource(jdbcUrl, what);
        handout.dataSource = dataSource;
        return dataSource;
    }

    /**
     * Returns a JDBC URL of an isolated database that a driver opens without further properties: for SQLite the URL
     * its own connection was opened with, for a server the database's host, port and name with the user and password
     * as parameters.
     */
    public static String jdbcUrl(IsolatedDatabase database) {
        DatabaseUrl url = DatabaseUrl.parse(database.url());
        if (url.isSqlite()) {
            try {
                return database.database().connection().getMetaData().getURL();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database's JDBC URL: " + e.getMessage(), e);
            }
        }
        boolean postgres = url.scheme().startsWith("postgres");
        StringBuilder jdbc = new StringBuilder(postgres ? "jdbc:postgresql://" : "jdbc:mariadb://")
                .append(url.host().isEmpty() ? "localhost" : url.host());
        if (url.port() >= 0) {
            jdbc.append(':').append(url.port());
        }
        jdbc.append('/').append(url.path());
        String user = url.loginUser().isEmpty() ? (postgres ? "postgres" : "root") : url.loginUser();
        jdbc.append("?user=").append(encode(user));
        url.loginPassword().ifPresent(password -> jdbc.append("&password=").append(encode(password)));
        String searchPath = url.query().get("search_path");
        if (postgres && searchPath != null && !searchPath.isEmpty()) {
            jdbc.append("&currentSchema=").append(encode(searchPath));
        }
        return jdbc.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static StartingState state(AnnotatedElement element, ExtensionContext context) {
        Optional<String> url = attribute(element, context, PlumbDatabase::url);
        return new StartingState(
                url.or(() -> context.getConfigurationParameter(PlumbConfiguration.TEST_DEV_URL)
                                .filter(value -> !value.isBlank()))
                        .orElse(PlumbConfiguration.DEFAULT_DEV_URL),
                attribute(element, context, PlumbDatabase::schema).orElse(""),
                attribute(element, context, PlumbDatabase::migrations).orElse(""),
                attribute(element, context, PlumbDatabase::version).orElse(""));
    }

    // The nearest annotation that sets the attribute: the element's, the method's, the class's (and its enclosing
    // classes').
    private static Optional<String> attribute(
            AnnotatedElement element, ExtensionContext context, Function<PlumbDatabase, String> attribute) {
        List<AnnotatedElement> chain = new ArrayList<>();
        chain.add(element);
        context.getTestMethod().ifPresent(chain::add);
        for (Optional<Class<?>> type = context.getTestClass(); type.isPresent(); ) {
            chain.add(type.get());
            Class<?> enclosing = type.get().getEnclosingClass();
            type = Optional.ofNullable(enclosing);
        }
        for (AnnotatedElement candidate : chain) {
            Optional<String> value = AnnotationSupport.findAnnotation(candidate, PlumbDatabase.class)
                    .map(attribute)
                    .filter(text -> !text.isBlank())
                    .map(String::trim);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    // getOrComputeIfAbsent, not computeIfAbsent: the latter is new in JUnit 6 (a NoSuchMethodError on JUnit 5), and
    // the two differ only for null values, which the templates never are.
    @SuppressWarnings("deprecation")
    private static DatabaseTemplates templates(ExtensionContext context) {
        DatabaseTemplates templates = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        DatabaseTemplates.class,
                        key -> new DatabaseTemplates(Path.of(""), snapshotCache(context)),
                        DatabaseTemplates.class);
        return Objects.requireNonNull(templates, "templates");
    }

    // The snapshot cache states migrated on SQLite are kept in across runs, unless plumb.cache.enabled is false.
    private static Optional<SnapshotCache> snapshotCache(ExtensionContext context) {
        boolean enabled = context.getConfigurationParameter(
                        TestSetupResolver.CACHE_ENABLED,
                        value ->
                                value.isBlank() || PlumbConfiguration.parseFlag(TestSetupResolver.CACHE_ENABLED, value))
                .orElse(true);
        return enabled ? SnapshotCache.configured(System::getenv, System.err::println) : Optional.empty();
    }

    /** A database handed to a test, with the data source it may have been handed through; closing drops both. */
    private static final class Handout implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final IsolatedDatabase database;
        private @org.jspecify.annotations.Nullable IsolatedDataSource dataSource;
        private boolean closed;

        Handout(IsolatedDatabase database) {
            this.database = database;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (dataSource != null) {
                    dataSource.close();
                }
            } finally {
                database.close();
            }
        }
    }
}
