package io.plumb.engine.gotemplate;

/**
 * {@code GoNil} is Go's {@code nil} pointer in a template's data: false in conditions, printed {@code <nil>}; Java's
 * {@code null} is instead a missing value, printed {@code <no value>}.
 */
public enum GoNil {
    NIL
}
