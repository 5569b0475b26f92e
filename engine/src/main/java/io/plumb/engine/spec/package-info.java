/** The HCL schema spec: reading evaluated HCL into the model, and writing the model as the reference tool does. */
@NullMarked
package io.plumb.engine.spec;

import org.jspecify.annotations.NullMarked;
