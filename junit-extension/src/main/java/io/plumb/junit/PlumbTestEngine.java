package io.plumb.junit;

import io.plumb.junit.internal.ParallelExecutors;
import io.plumb.junit.internal.PlumbEngineDescriptor;
import io.plumb.junit.internal.PlumbExecutionContext;
import io.plumb.junit.internal.ScriptSelectorResolver;
import io.plumb.junit.internal.SurefireTestFilter;
import io.plumb.junit.internal.TestSession;
import io.plumb.junit.internal.TestSetupResolver;
import io.plumb.runner.ScriptRunner;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

/**
 * The {@code PlumbTestEngine} is the JUnit Platform engine with id {@value #ENGINE_ID} that runs txtar scripts and
 * {@code *.test.hcl} files as tests: one test per script and per test case, grouped in containers that mirror the
 * directories, files and {@code for_each} blocks they were found in.
 *
 * <p>Discovery is handed to {@link ScriptSelectorResolver}; execution runs every script with one shared {@link
 * ScriptRunner} configured from {@link PlumbConfiguration}, and every test case with the test runner of its file's
 * setup (one per distinct setup, see {@link TestSetupResolver}). Scripts, test files and {@code parallel = true}
 * cases run concurrently unless {@value PlumbConfiguration#PARALLEL_ENABLED} (or, when that is not set, {@value
 * PlumbConfiguration#JUPITER_PARALLEL_ENABLED}) is {@code false}, on a pool configured under {@value
 * PlumbConfiguration#PARALLEL_CONFIG_PREFIX} (strategy {@code dynamic}: one thread per processor, by default).
 */
public final class PlumbTestEngine extends HierarchicalTestEngine<PlumbExecutionContext> {

    /** The engine id, for {@code @IncludeEngines} and unique ids. */
    public static final String ENGINE_ID = "plumb";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.plumb");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("plumb-junit-extension");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engineDescriptor = new PlumbEngineDescriptor(uniqueId);
        ScriptSelectorResolver.discover(request, engineDescriptor);
        SurefireTestFilter.of(request.getConfigurationParameters().get(SurefireTestFilter.PARAMETER), uniqueId)
                .ifPresent(filter -> filter.apply(engineDescriptor));
        return engineDescriptor;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        if (!PlumbConfiguration.from(request.getConfigurationParameters()).parallel()) {
            return new SameThreadHierarchicalTestExecutorService();
        }
        return ParallelExecutors.create(new PrefixedConfigurationParameters(
                request.getConfigurationParameters(), PlumbConfiguration.PARALLEL_CONFIG_PREFIX));
    }

    @Override
    protected PlumbExecutionContext createExecutionContext(ExecutionRequest request) {
        PlumbConfiguration configuration = PlumbConfiguration.from(request.getConfigurationParameters());
        TestParameters parameters = TestParameters.from(request.getConfigurationParameters()::get);
        TestSetupResolver resolver = new TestSetupResolver(
                        parameters, Path.of(""), configuration.update(), System::getenv)
                .withSnapshotCache(request.getConfigurationParameters()
                        .getBoolean(TestSetupResolver.CACHE_ENABLED)
                        .orElse(true));
        return new PlumbExecutionContext(
                new ScriptRunner(configuration.toRunnerOptions()),
                request.getEngineExecutionListener(),
                TestSession.of(resolver));
    }
}
