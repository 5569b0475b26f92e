package io.plumb.junit.internal;

import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelHierarchicalTestExecutorServiceFactory;

/**
 * {@code ParallelExecutors} make the engine's parallel executor with whichever API the JUnit Platform on the class
 * path has: its factory since JUnit 6.1 (which also reads the {@code executor-service} key), else the fork-join
 * pool's own constructor, the only way on JUnit 5.10-5.14 and 6.0. Both read JUnit's keys ({@code strategy},
 * {@code dynamic.factor}, {@code fixed.parallelism}, ...) from the parameters they are given; with none set the
 * {@code dynamic} strategy runs as many tests at once as there are processors.
 */
public final class ParallelExecutors {
    private static final String FACTORY =
            "org.junit.platform.engine.support.hierarchical.ParallelHierarchicalTestExecutorServiceFactory";

    private ParallelExecutors() {}

    /** Returns a parallel executor configured from the given (already unprefixed) parameters. */
    public static HierarchicalTestExecutorService create(ConfigurationParameters parameters) {
        return hasFactory() ? Factory.create(parameters) : forkJoinPool(parameters);
    }

    /** Returns the fork-join pool executor that every supported JUnit has. */
    @SuppressWarnings("deprecation") // deprecated in JUnit 6.1 for the factory; the only API before it
    static HierarchicalTestExecutorService forkJoinPool(ConfigurationParameters parameters) {
        return new ForkJoinPoolHierarchicalTestExecutorService(parameters);
    }

    private static boolean hasFactory() {
        try {
            Class.forName(FACTORY, false, ParallelExecutors.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    // Apart, so that the factory's class is only resolved when it is known to be there.
    private static final class Factory {
        static HierarchicalTestExecutorService create(ConfigurationParameters parameters) {
            return ParallelHierarchicalTestExecutorServiceFactory.create(parameters);
        }
    }
}
