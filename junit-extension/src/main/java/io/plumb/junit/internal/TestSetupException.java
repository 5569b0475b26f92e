package io.plumb.junit.internal;

/** A {@code TestSetupException} says that nothing, or nothing unambiguous, configures a test file's setup. */
public final class TestSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what is missing and how to configure it. */
    public TestSetupException(String message) {
        super(message);
    }
}
