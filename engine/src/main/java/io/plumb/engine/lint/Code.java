package io.plumb.engine.lint;

/**
 * A {@code Code} is one stable lint code and what it detects. Codes are public API: one is never reused for
 * another check.
 *
 * @param code the code, such as {@code DS102}
 * @param analyzer the name of the analyzer that reports it, such as {@code destructive}
 * @param summary one line on what it detects
 */
public record Code(String code, String analyzer, String summary) {}
