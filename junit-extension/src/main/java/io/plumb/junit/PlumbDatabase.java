package io.plumb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @PlumbDatabase} marks a test-method parameter or a field that receives an isolated database of its own,
 * dropped after the test: a {@link javax.sql.DataSource}, a {@link java.sql.Connection}, a {@code String} JDBC URL
 * ({@code jdbc:sqlite:...}, {@code jdbc:postgresql://...}, {@code jdbc:mariadb://...}), an {@link
 * io.plumb.engine.devdb.IsolatedDatabase} or an {@link io.plumb.engine.db.Database}. It registers the {@link
 * PlumbDatabaseExtension}.
 *
 * <p>The database starts empty, at the desired {@link #schema()}, or at a {@link #version()} of the {@link
 * #migrations()} directory. That state is built once per JVM and kept as a snapshot; each test gets a clone of it.
 *
 * <pre>{@code
 * @Test
 * void insertsUsers(@PlumbDatabase(migrations = "src/main/resources/db/migration?format=flyway") DataSource db) { ... }
 * }</pre>
 *
 * <p>Each attribute is taken from the nearest annotation that sets it: the parameter's or field's, then the
 * method's, then the class's.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PlumbDatabaseExtension.class)
public @interface PlumbDatabase {

    /**
     * The dev database URL the database is isolated on, such as {@code sqlite://dev?mode=memory} or {@code
     * embedded://postgres/17}; empty for the {@value PlumbConfiguration#TEST_DEV_URL} configuration parameter, or else
     * {@value PlumbConfiguration#DEFAULT_DEV_URL}.
     */
    String url() default "";

    /**
     * The desired schema the database starts at: comma-separated HCL or SQL files or directories, relative to the
     * working directory ({@code db/schema.hcl}); empty for none.
     */
    String schema() default "";

    /**
     * The migration directory the database starts from, relative to the working directory, as a path or {@code
     * file://} URL with an optional {@code ?format=} ({@code flyway}, {@code liquibase}, {@code golang-migrate},
     * {@code goose}, {@code dbmate}) and, for Flyway, placeholder values ({@code
     * db/migration?format=flyway&placeholders.app_role=app}); empty for none.
     */
    String migrations() default "";

    /**
     * The version of the {@link #migrations()} directory the database is migrated to: {@code latest} (also when
     * empty) or a version of the directory, such as {@code 20240101000000} or Flyway's {@code 2}.
     */
    String version() default "";
}
