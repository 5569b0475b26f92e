package io.plumb.junit;

import java.nio.file.Path;

/** {@code EngineTestData} names the scripts under {@code src/test/resources/testdata/engine} that the tests run. */
final class EngineTestData {

    /** The class-path name of the test data directory. */
    static final String RESOURCE = "testdata/engine";

    /** The test data directory in the source tree, relative to the module directory Surefire runs in. */
    static final Path DIR = Path.of("src/test/resources", RESOURCE);

    /** A directory of scripts that all pass. */
    static final Path NESTED = DIR.resolve("nested");

    static final Path PASS = DIR.resolve("pass.txtar");
    static final Path FAIL = DIR.resolve("fail.txtar");
    static final Path SKIP = DIR.resolve("skip.txtar");
    static final Path NOT_A_SCRIPT = DIR.resolve("README.txt");

    /** The line of {@code fail.txtar} that fails. */
    static final int FAIL_LINE = 4;

    private EngineTestData() {}
}
