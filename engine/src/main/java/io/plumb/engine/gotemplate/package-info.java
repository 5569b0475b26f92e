/**
 * Go's {@code text/template} language, as the reference tool runs it for {@code template_dir} migration files and
 * {@code --format} templates: {@link io.plumb.engine.gotemplate.TemplateSet} parses named templates and executes
 * them over strings, numbers, bools, lists, maps and {@link io.plumb.engine.gotemplate.GoStruct}s, with Go's
 * built-in functions and those its caller adds.
 */
@NullMarked
package io.plumb.engine.gotemplate;

import org.jspecify.annotations.NullMarked;
