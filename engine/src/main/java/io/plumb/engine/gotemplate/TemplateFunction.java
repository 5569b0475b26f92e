package io.plumb.engine.gotemplate;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code TemplateFunction} is a function a caller adds to Go's built-in ones, as Go's {@code template.FuncMap}
 * does. It throws {@link TemplateException} (reported as is, at the action's position) or {@link
 * IllegalArgumentException} (reported as Go does, as {@code error calling NAME: message}).
 */
@FunctionalInterface
public interface TemplateFunction {

    /** Returns the function's value for its arguments, the piped value last. */
    @Nullable
    Object apply(List<@Nullable Object> args);
}
