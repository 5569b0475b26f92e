/** Database URLs and connections: parsing Atlas-style URLs, redacting passwords, opening JDBC connections. */
@NullMarked
package io.plumb.engine.db;

import org.jspecify.annotations.NullMarked;
