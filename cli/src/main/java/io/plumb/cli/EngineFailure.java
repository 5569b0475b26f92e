package io.plumb.cli;

/** An {@code EngineFailure} ends a command with exit code 1 and a one-line message, without a stack trace. */
final class EngineFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EngineFailure(String message) {
        super(message);
    }
}
