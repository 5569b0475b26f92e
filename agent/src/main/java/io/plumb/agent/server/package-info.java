/** The agent's HTTP server: the JSON API, the Prometheus metrics and the dashboard pages. */
@NullMarked
package io.plumb.agent.server;

import org.jspecify.annotations.NullMarked;
