package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;

/** An {@code Expectation} is what an {@code exec} or {@code external} command's output must be. */
public sealed interface Expectation {

    /** Returns where the expectation's value is written. */
    Pos pos();

    /**
     * The output must equal this text, once both have lost their trailing newlines.
     *
     * @param text the expected output
     * @param pos where the {@code output} attribute's value starts; {@code -u} rewrites the value found there
     */
    record Output(String text, Pos pos) implements Expectation {}

    /**
     * The output must contain a match of this regular expression.
     *
     * @param regex the regular expression, in Java syntax
     * @param pos where the {@code match} attribute's value starts
     */
    record Match(String regex, Pos pos) implements Expectation {}
}
