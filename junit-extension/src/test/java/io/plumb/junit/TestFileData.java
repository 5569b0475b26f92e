package io.plumb.junit;

import java.nio.file.Path;

/** {@code TestFileData} names the test files under {@code src/test/resources/testdata/tests} that the tests run. */
final class TestFileData {

    /** The class-path name of the test data directory. */
    static final String RESOURCE = "testdata/tests";

    /** The directory in the source tree, relative to the module directory Surefire runs in; it has an atlas.hcl. */
    static final Path DIR = Path.of("src/test/resources", RESOURCE);

    /** A directory of test files whose cases pass or are skipped. */
    static final Path PASS_DIR = DIR.resolve("pass");

    /** Schema tests: "users" (line 1), "letters" (line 11, for_each over two letters, parallel), "later" (skip). */
    static final Path SCHEMA = PASS_DIR.resolve("schema.test.hcl");

    /** A migration test "20240102000000" at line 1. */
    static final Path MIGRATE = PASS_DIR.resolve("migrate.test.hcl");

    /** Schema tests that fail: "mismatch" (its output at line 5 differs), "error" (its exec at line 12 fails). */
    static final Path FAIL = DIR.resolve("fail/fail.test.hcl");

    /** A test file that does not parse. */
    static final Path BROKEN = DIR.resolve("broken/broken.test.hcl");

    private TestFileData() {}
}
