package io.plumb.engine.testing;

import io.plumb.engine.hcl.Pos;

/**
 * An {@code OutputUpdate} is an {@code output} attribute whose value update mode rewrites: the case saw
 * {@code actual} where the file expected something else.
 *
 * @param pos where the attribute's value starts
 * @param actual the output the command produced
 */
public record OutputUpdate(Pos pos, String actual) {}
