package io.plumb.engine.project;

/** A {@code ProjectException} says that a project file or the environment selected from it cannot be used. */
public final class ProjectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a one-line message. */
    public ProjectException(String message) {
        super(message);
    }
}
