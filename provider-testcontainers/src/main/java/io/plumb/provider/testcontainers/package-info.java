/** The Testcontainers provider: {@code docker://postgres|mysql|maria/TAG} URLs on containers. */
@NullMarked
package io.plumb.provider.testcontainers;

import org.jspecify.annotations.NullMarked;
