package io.plumb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @PlumbDatabase} marks a test-method parameter that receives a fresh, empty, isolated dev database, dropped
 * after the test: an {@link io.plumb.engine.devdb.IsolatedDatabase}, an {@link io.plumb.engine.db.Database} or a
 * {@link java.sql.Connection}. It registers the {@link PlumbDatabaseExtension}.
 *
 * <pre>{@code
 * @Test
 * void insertsUsers(@PlumbDatabase Connection connection) throws SQLException { ... }
 * }</pre>
 */
@Target({ElementType.PARAMETER, ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PlumbDatabaseExtension.class)
public @interface PlumbDatabase {

    /**
     * The dev database URL the database is isolated on, such as {@code sqlite://dev?mode=memory}; empty for the
     * {@value PlumbConfiguration#TEST_DEV_URL} configuration parameter, or else {@value
     * PlumbConfiguration#DEFAULT_DEV_URL}.
     */
    String url() default "";
}
