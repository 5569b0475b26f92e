/**
 * HCL2 native syntax: a lexer, a parser and an evaluator that turns files into {@link
 * io.plumb.engine.hcl.Resource resources} with positions, for schema files, project files and test files.
 */
@NullMarked
package io.plumb.engine.hcl;

import org.jspecify.annotations.NullMarked;
