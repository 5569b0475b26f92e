package io.plumb.junit;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@code PlumbDatabaseExtension} is a Jupiter {@link ParameterResolver} that injects a fresh, empty, isolated dev
 * database into test methods: an {@link IsolatedDatabase}, a {@link Database} or a {@link Connection}. Each
 * parameter gets its own database, dropped when the method (or, for a constructor or {@code @BeforeAll} parameter,
 * the class) is done.
 *
 * <p>The dev URL comes from {@link PlumbDatabase#url()} on the parameter, method or class, else from the {@value
 * PlumbConfiguration#TEST_DEV_URL} configuration parameter, else it is {@value PlumbConfiguration#DEFAULT_DEV_URL}.
 * One {@link Isolation} per dev URL serves the whole engine run; it is closed when the run ends.
 */
public final class PlumbDatabaseExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PlumbDatabaseExtension.class);

    private static final Set<Class<?>> TYPES = Set.of(IsolatedDatabase.class, Database.class, Connection.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return TYPES.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        String url = devUrl(parameterContext, extensionContext);
        IsolatedDatabase database;
        try {
            database = isolation(extensionContext, url).fresh();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(
                    "cannot make an isolated database on " + url + " for parameter \""
                            + parameterContext.getParameter().getName() + "\": " + e.getMessage(),
                    e);
        }
        // Stored under the parameter so that the store closes, and so drops, it with the method's context.
        extensionContext.getStore(NAMESPACE).put(parameterContext.getParameter(), database);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Connection.class) {
            return database.database().connection();
        }
        return type == Database.class ? database.database() : database;
    }

    private static String devUrl(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Optional<String> annotated = url(parameter)
                .or(() -> extensionContext.getElement().flatMap(PlumbDatabaseExtension::url))
                .or(() -> extensionContext.getTestClass().flatMap(PlumbDatabaseExtension::url));
        return annotated
                .or(() -> extensionContext
                        .getConfigurationParameter(PlumbConfiguration.TEST_DEV_URL)
                        .filter(value -> !value.isBlank()))
                .orElse(PlumbConfiguration.DEFAULT_DEV_URL);
    }

    private static Optional<String> url(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, PlumbDatabase.class)
                .map(PlumbDatabase::url)
                .filter(url -> !url.isEmpty());
    }

    // getOrComputeIfAbsent, not computeIfAbsent: the latter is new in JUnit 6 (a NoSuchMethodError on JUnit 5), and
    // the two differ only for null values, which an isolation never is.
    @SuppressWarnings("deprecation")
    private static Isolation isolation(ExtensionContext context, String url) {
        Isolation isolation = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("isolation " + url, key -> Isolation.open(url, Path.of("")), Isolation.class);
        return Objects.requireNonNull(isolation, "isolation");
    }
}
