/** The MySQL dialect and its MariaDB flavour: HCL spec, inspection from information_schema, and planning. */
@NullMarked
package io.plumb.engine.dialect.mysql;

import org.jspecify.annotations.NullMarked;
