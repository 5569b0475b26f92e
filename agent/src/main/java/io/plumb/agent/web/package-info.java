/**
 * The agent's dashboard: server-rendered HTML pages of the targets and their drift, with an entity-relationship
 * diagram of the expected schema as inline SVG, and no script.
 */
@NullMarked
package io.plumb.agent.web;

import org.jspecify.annotations.NullMarked;
